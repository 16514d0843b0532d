"""Render an audit as a CycloneDX 1.6 ML-BOM: models as components, hosted APIs as services."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from cyclonedx.model import ExternalReference, ExternalReferenceType, Property, XsUri
from cyclonedx.model.bom import Bom
from cyclonedx.model.component import Component, ComponentType
from cyclonedx.model.component_evidence import ComponentEvidence, Occurrence
from cyclonedx.model.contact import OrganizationalEntity
from cyclonedx.model.license import DisjunctiveLicense
from cyclonedx.model.service import Service
from cyclonedx.output.json import JsonV1Dot6
from packageurl import PackageURL

from openwatch.formats.cyclonedx_modelcard import add_model_cards
from openwatch.formats.document import document_id
from openwatch.formats.text import fact_text

NS = "openwatch"
"""Namespace of openwatch's own properties (`openwatch:...`)."""


def _licence(card: dict[str, Any]) -> DisjunctiveLicense | None:
    """The licence by SPDX id, else by name and URL (never an invented id)."""
    licence = card["licence"]
    if licence is None:
        return None
    if licence["spdx_id"]:
        return DisjunctiveLicense(id=licence["spdx_id"])
    url = XsUri(licence["url"]) if licence["url"] else None
    return DisjunctiveLicense(name=licence["name"], url=url)


def _purl(card: dict[str, Any]) -> PackageURL | None:
    """`pkg:huggingface/org/name` for a model with a Hugging Face repository."""
    for hub_id in card["hub_ids"]:
        org, _, name = hub_id.partition("/")
        if name:
            return PackageURL(type="huggingface", namespace=org, name=name)
    return None


def _references(card: dict[str, Any]) -> list[ExternalReference]:
    refs = [
        ExternalReference(type=ExternalReferenceType.MODEL_CARD, url=XsUri(f"https://huggingface.co/{hub}"))
        for hub in card["hub_ids"][:1]
    ]
    for source in card["sources"]:
        if source["url"]:
            refs.append(
                ExternalReference(
                    type=ExternalReferenceType.DOCUMENTATION,
                    url=XsUri(source["url"]),
                    comment=f"catalog source ({source['status']})",
                )
            )
    return refs


def _properties(model: dict[str, Any]) -> list[Property]:
    a = model["assessment"]
    eu = a["eu_ai_act"]
    values = {
        "access": model["access"],
        "role": model["role"]["role"],
        "stance": a["stance"]["stance"],
        "osaid": a["openness"]["osaid"]["verdict"],
        "mof-class": fact_text((a["openness"]["mof"] or {}).get("label")),
        "eu-ai-act:gpai": eu["gpai"],
        "eu-ai-act:systemic-risk": eu["systemic_risk"],
        "eu-ai-act:foss-exemption": eu["foss_exemption"],
        "eu-ai-act:provider": fact_text((eu.get("provider") or {}).get("who")),
        "licence-ref": fact_text((model["card"]["licence"] or {}).get("expression_id")),
        "references": str(model["count"]),
        "contexts": ",".join(model["contexts"]),
    }
    return [Property(name=f"{NS}:{k}", value=v) for k, v in values.items()]


def _evidence(references: list[dict[str, Any]]) -> ComponentEvidence:
    return ComponentEvidence(
        occurrences=[
            Occurrence(
                location=r["path"], line=r["line"] or None, offset=r["column"] or None, symbol=r["text"]
            )
            for r in references
        ]
    )


def _model_component(model: dict[str, Any]) -> Component:
    card = model["card"]
    supplier = OrganizationalEntity(name=card["supplier"]["name"])
    component = Component(
        name=model["name"],
        type=ComponentType.MACHINE_LEARNING_MODEL,
        bom_ref=model["id"],
        group=model["lab"],
        version=card["version"],
        supplier=supplier,
        purl=_purl(card),
        description=f"{model['name']} by {card['supplier']['name']} ({model['family']})",
        external_references=_references(card),
        properties=_properties(model),
        evidence=_evidence(model["references"]),
    )
    licence = _licence(card)
    if licence is not None:
        component.licenses.add(licence)
    return component


def _unresolved_components(unresolved: list[dict[str, Any]]) -> list[Component]:
    """One component per distinct unresolved text: kept in the BOM, marked as not in the catalog."""
    by_text: dict[str, list[dict[str, Any]]] = {}
    for ref in unresolved:
        by_text.setdefault(ref["text"], []).append(ref)
    return [
        Component(
            name=text,
            type=ComponentType.MACHINE_LEARNING_MODEL,
            bom_ref=f"unresolved:{index}",
            properties=[Property(name=f"{NS}:resolution", value="unresolved")],
            evidence=_evidence(refs),
        )
        for index, (text, refs) in enumerate(sorted(by_text.items()), start=1)
    ]


def _services(model: dict[str, Any]) -> list[Service]:
    card = model["card"]
    return [
        Service(
            name=f"{api} API: {model['name']}",
            bom_ref=f"service:{api}:{model['id']}",
            provider=OrganizationalEntity(name=card["supplier"]["name"] if api == model["lab"] else api),
            group=api,
            description=f"{model['name']} called as a hosted model through {api}",
            properties=[Property(name=f"{NS}:model", value=model["id"])],
        )
        for api in card["hosted_apis"]
    ]


def render_cyclonedx(document: dict[str, Any]) -> str:
    """The audit's models as a CycloneDX 1.6 JSON ML-BOM, stable for the same audit."""
    repository = document["repository"]
    project = Component(
        name=repository["path_in_repository"] or repository["name"],
        type=ComponentType.APPLICATION,
        bom_ref="project",
    )
    bom = Bom()
    bom.serial_number = document_id(document)
    bom.metadata.timestamp = dt.datetime.fromisoformat(document["date"]).replace(tzinfo=dt.UTC)
    bom.metadata.component = project
    bom.metadata.tools.components.add(
        Component(name="openwatch", version=document["tool"]["version"], type=ComponentType.APPLICATION)
    )
    parts: list[Component | Service] = []
    for model in document["models"]:
        component = _model_component(model)
        bom.components.add(component)
        parts.append(component)
        for service in _services(model):
            bom.services.add(service)
            parts.append(service)
    for component in _unresolved_components(document["unresolved"]):
        bom.components.add(component)
        parts.append(component)
    bom.register_dependency(project, parts)
    data = json.loads(JsonV1Dot6(bom).output_as_string())
    add_model_cards(data, {m["id"]: m for m in document["models"]}, NS)
    listed = {entry["ref"] for entry in data.get("dependencies", [])}
    data.setdefault("dependencies", []).extend(
        {"ref": str(part.bom_ref), "dependsOn": []} for part in parts if str(part.bom_ref) not in listed
    )
    for entry in data["dependencies"]:
        entry.setdefault("dependsOn", [])
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
