"""Render an audit as an SPDX 3.0.1 document: an `ai_AIPackage` per model, licences as relationships."""

from __future__ import annotations

import datetime as dt
import io
import json
from typing import Any

from spdx_python_model import v3_0_1 as spdx

from openwatch.formats.document import document_id
from openwatch.formats.text import fact_text

_PROFILES = ("core", "software", "simpleLicensing", "expandedLicensing", "ai")


class _Builder:
    """Collects SPDX elements with stable ids under one document namespace."""

    def __init__(self, document: dict[str, Any]) -> None:
        """A builder whose ids derive from the audit, so the same audit gives the same document."""
        self.base = f"urn:uuid:{document_id(document)}"
        self.objects: list[Any] = []
        self.count = 0
        created = dt.datetime.fromisoformat(document["date"]).replace(tzinfo=dt.UTC)
        self.info = spdx.CreationInfo(specVersion="3.0.1", created=created)
        agent = self.add(spdx.SoftwareAgent, "agent", name="openwatch")
        tool = self.add(spdx.Tool, "tool", name=f"openwatch {document['tool']['version']}")
        self.info.createdBy = [agent]
        self.info.createdUsing = [tool]
        self.licences: dict[str, Any] = {}
        self.organizations: dict[str, Any] = {}

    def organization(self, name: str) -> Any:
        """The one Organization element of a given name."""
        if name not in self.organizations:
            self.organizations[name] = self.add(spdx.Organization, "organization", name=name)
        return self.organizations[name]

    def add(self, kind: type[Any], label: str, **values: Any) -> Any:
        """A new element of the given class, with the document's creation info."""
        self.count += 1
        element = kind(**values)
        element._id = f"{self.base}#{label}-{self.count}"
        if hasattr(element, "creationInfo"):
            element.creationInfo = self.info
        self.objects.append(element)
        return element

    def licence(self, card: dict[str, Any] | None) -> Any:
        """The licence element for a model: an SPDX expression (LicenseRef ids mapped to their text)."""
        if card is None or card["licence"] is None:
            return spdx.expandedlicensing_IndividualLicensingInfo.NoAssertionLicense
        licence = card["licence"]
        key = licence["expression_id"]
        if key not in self.licences:
            element = self.add(
                spdx.simplelicensing_LicenseExpression,
                "licence",
                simplelicensing_licenseExpression=key,
                name=licence["name"],
            )
            if key.startswith("LicenseRef-") and licence["url"]:
                element.simplelicensing_customIdToUri = [spdx.DictionaryEntry(key=key, value=licence["url"])]
            self.licences[key] = element
        return self.licences[key]

    def relate(self, source: Any, kind: Any, targets: list[Any]) -> None:
        """A relationship from one element to others."""
        self.add(spdx.Relationship, "relationship", from_=source, relationshipType=kind, to=targets)

    def note(self, subject: Any, statement: str) -> None:
        """An openwatch judgement about an element, as an annotation."""
        self.add(
            spdx.Annotation,
            "annotation",
            subject=subject,
            annotationType=spdx.AnnotationType.other,
            statement=statement,
        )


def _judgements(model: dict[str, Any]) -> str:
    a = model["assessment"]
    eu = a["eu_ai_act"]
    return (
        f"openwatch: access {model['access']}; OSAID {a['openness']['osaid']['verdict']}; "
        f"your role {model['role']['role']}; vendor stance {a['stance']['stance']}; EU AI Act: GPAI "
        f"{eu['gpai']}, systemic risk {eu['systemic_risk']}, open-source exemption {eu['foss_exemption']}"
    )


def _found_at(references: list[dict[str, Any]]) -> str:
    places = ", ".join(f"{r['path']}:{r['line']}" for r in references[:50])
    more = f" and {len(references) - 50} more" if len(references) > 50 else ""
    return f"openwatch found it at {places}{more}"


def _model_package(b: _Builder, model: dict[str, Any]) -> Any:
    card = model["card"]
    supplier = b.organization(card["supplier"]["name"])
    package = b.add(
        spdx.ai_AIPackage,
        "model",
        name=model["name"],
        summary=model["id"],
        description=f"{model['name']} by {card['supplier']['name']} ({model['family']})",
        suppliedBy=supplier,
        software_primaryPurpose=spdx.software_SoftwarePurpose.model,
        ai_typeOfModel=[card["kind"]],
    )
    if card["version"]:
        package.software_packageVersion = card["version"]
    if card["released"]:
        package.releaseTime = dt.datetime.fromisoformat(card["released"]).replace(tzinfo=dt.UTC)
    for hub in card["hub_ids"][:1]:
        org, _, name = hub.partition("/")
        package.software_packageUrl = f"pkg:huggingface/{org}/{name}"
        package.software_downloadLocation = f"https://huggingface.co/{hub}"
    if card["training_flop"] is not None:
        compute = fact_text(card["facts"]["training_compute"])
        package.ai_informationAboutTraining = f"training compute {compute}"
    package.externalRef = [
        spdx.ExternalRef(externalRefType=spdx.ExternalRefType.documentation, locator=[s["url"]])
        for s in card["sources"]
        if s["url"]
    ]
    return package


def _unresolved_package(b: _Builder, text: str) -> Any:
    return b.add(
        spdx.ai_AIPackage,
        "unresolved",
        name=text,
        software_primaryPurpose=spdx.software_SoftwarePurpose.model,
        comment="openwatch: not in the catalog (unresolved reference)",
    )


def render_spdx(document: dict[str, Any]) -> str:
    """The audit's models as SPDX 3.0.1 JSON-LD, built and serialised by spdx-python-model."""
    b = _Builder(document)
    repository = document["repository"]
    project = b.add(
        spdx.software_Package,
        "project",
        name=repository["path_in_repository"] or repository["name"],
        software_primaryPurpose=spdx.software_SoftwarePurpose.application,
    )
    packages = []
    for model in document["models"]:
        package = _model_package(b, model)
        licence = b.licence(model["card"])
        b.relate(package, spdx.RelationshipType.hasDeclaredLicense, [licence])
        b.relate(package, spdx.RelationshipType.hasConcludedLicense, [licence])
        b.note(package, _judgements(model))
        b.note(package, _found_at(model["references"]))
        packages.append(package)
    by_text: dict[str, list[dict[str, Any]]] = {}
    for ref in document["unresolved"]:
        by_text.setdefault(ref["text"], []).append(ref)
    for text, refs in sorted(by_text.items()):
        package = _unresolved_package(b, text)
        for kind in (spdx.RelationshipType.hasDeclaredLicense, spdx.RelationshipType.hasConcludedLicense):
            b.relate(package, kind, [spdx.expandedlicensing_IndividualLicensingInfo.NoAssertionLicense])
        b.note(package, _found_at(refs))
        packages.append(package)
    if packages:
        b.relate(project, spdx.RelationshipType.dependsOn, packages)
    profiles = [getattr(spdx.ProfileIdentifierType, p) for p in _PROFILES]
    sbom = b.add(
        spdx.software_Sbom,
        "sbom",
        name=f"openwatch AI-BOM of {project.name}",
        software_sbomType=[spdx.software_SbomType.analyzed],
        rootElement=[project],
        profileConformance=profiles,
    )
    sbom.element = [o for o in b.objects if o is not sbom and isinstance(o, spdx.Element)]
    doc = b.add(
        spdx.SpdxDocument, "document", name=sbom.name, rootElement=[sbom], profileConformance=profiles
    )
    doc.element = [sbom]
    objects = spdx.SHACLObjectSet()
    for obj in b.objects:
        objects.add(obj)
    buffer = io.BytesIO()
    spdx.JSONLDSerializer().write(objects, buffer)
    return json.dumps(json.loads(buffer.getvalue()), indent=2, ensure_ascii=False) + "\n"
