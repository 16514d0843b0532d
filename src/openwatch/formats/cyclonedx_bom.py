"""Render the models a project uses as a CycloneDX 1.6 AI-BOM (machine-learning-model components)."""

from __future__ import annotations

from cyclonedx.model import Property
from cyclonedx.model.bom import Bom
from cyclonedx.model.component import Component, ComponentType
from cyclonedx.model.license import DisjunctiveLicense, LicenseExpression
from cyclonedx.output.json import JsonV1Dot6

from openwatch.assess.audit import Audit
from openwatch.catalog.load import Catalog


def _licence(catalog: Catalog, key: str | None) -> DisjunctiveLicense | LicenseExpression | None:
    licence = catalog.licences.get(key) if key else None
    if licence is None:
        return None
    if licence.spdx_id:
        return DisjunctiveLicense(id=licence.spdx_id)
    return DisjunctiveLicense(name=f"{licence.name} ({licence.expression_id})")


def render_cyclonedx(audit: Audit, catalog: Catalog) -> str:
    """The audit's models as CycloneDX JSON, with openness and regulatory facts as openwatch properties."""
    bom = Bom()
    by_id = {a.model_id: a for a in audit.assessments}
    for use in audit.inventory.models:
        model = catalog.models[use.model_id]
        assessment = by_id[use.model_id]
        component = Component(
            name=model.name,
            type=ComponentType.MACHINE_LEARNING_MODEL,
            bom_ref=model.id,
            group=model.lab,
            version=model.version,
        )
        licence = _licence(catalog, model.licence)
        if licence is not None:
            component.licenses.add(licence)
        eu = assessment.summary["eu_ai_act"]
        properties = {
            "openwatch:access": model.access.value,
            "openwatch:role": assessment.role,
            "openwatch:stance": assessment.stance,
            "openwatch:eu-ai-act:gpai": str(eu.get("gpai")),
            "openwatch:eu-ai-act:systemic-risk": str(eu.get("systemic_risk")),
            "openwatch:eu-ai-act:foss-exemption": str(eu.get("foss_exemption")),
            "openwatch:references": str(len(use.references)),
        }
        for ref, _ in use.references[:20]:
            component.properties.add(Property(name="openwatch:evidence", value=f"{ref.path}:{ref.line}"))
        for name, value in properties.items():
            component.properties.add(Property(name=name, value=value))
        bom.components.add(component)
    text: str = JsonV1Dot6(bom).output_as_string(indent=2)
    return text + "\n"
