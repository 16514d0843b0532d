"""CycloneDX 1.6 ML-BOM: schema-valid, purl, licences, evidence, services, modelCard, unresolved kept."""

from __future__ import annotations

import json
from typing import Any

from cyclonedx.schema import SchemaVersion
from cyclonedx.validation.json import JsonStrictValidator

from openwatch.formats.cyclonedx_bom import render_cyclonedx


def _bom(document: dict[str, Any]) -> dict[str, Any]:
    text = render_cyclonedx(document)
    assert JsonStrictValidator(SchemaVersion.V1_6).validate_str(text) is None
    bom: dict[str, Any] = json.loads(text)
    return bom


def test_every_bom_validates(hostile_audit: dict[str, Any], big_audit: dict[str, Any]) -> None:
    for document in (hostile_audit, big_audit):
        bom = _bom(document)
        assert len([c for c in bom["components"] if "modelCard" in c]) == len(document["models"])


def test_models_carry_purl_supplier_licence_evidence_and_card(example_audit: dict[str, Any]) -> None:
    bom = _bom(example_audit)
    llama = next(c for c in bom["components"] if c["bom-ref"] == "meta/llama-3.1-8b-instruct")
    assert llama["type"] == "machine-learning-model"
    assert llama["purl"] == "pkg:huggingface/meta-llama/Llama-3.1-8B-Instruct"
    assert llama["supplier"] == {"name": "Meta"}
    (licence,) = llama["licenses"]
    assert licence["license"]["name"] == "Llama 3.1 Community License Agreement"
    assert licence["license"]["url"].startswith("https://")
    assert "id" not in licence["license"]
    places = {(o["location"], o["line"]) for o in llama["evidence"]["occurrences"]}
    assert ("training/finetune_lora.py", 10) in places and ("assistant/settings.py", 5) in places
    assert len(places) == 5
    assert {"type": "model-card", "url": "https://huggingface.co/meta-llama/Llama-3.1-8B-Instruct"} in llama[
        "externalReferences"
    ]
    card = llama["modelCard"]
    assert card["modelParameters"]["architectureFamily"] == "Llama 3.1"
    props = {p["name"]: p["value"] for p in card["properties"]}
    assert props["openwatch:training_compute"].startswith("1.22e+24")
    assert "Epoch AI" in props["openwatch:training_compute:source"]
    judgements = {p["name"]: p["value"] for p in llama["properties"]}
    assert judgements["openwatch:role"] == "fine-tuner"
    assert judgements["openwatch:licence-ref"] == "LicenseRef-scancode-llama-3.1-license-2024"
    apache = next(c for c in bom["components"] if c["bom-ref"] == "mistral/mistral-7b-instruct-v0.3")
    assert apache["licenses"] == [{"license": {"id": "Apache-2.0"}}]


def test_project_tools_services_and_dependencies(example_audit: dict[str, Any]) -> None:
    bom = _bom(example_audit)
    assert bom["metadata"]["component"]["bom-ref"] == "project"
    assert bom["metadata"]["tools"]["components"][0]["name"] == "openwatch"
    services = {s["bom-ref"]: s for s in bom["services"]}
    assert services["service:openai:openai/gpt-4o"]["provider"] == {"name": "OpenAI"}
    assert all("dependsOn" in d for d in bom["dependencies"])
    project = next(d for d in bom["dependencies"] if d["ref"] == "project")
    assert "service:openai:openai/gpt-4o" in project["dependsOn"]
    assert "meta/llama-3.1-8b-instruct" in project["dependsOn"]
    assert _bom(example_audit)["serialNumber"] == bom["serialNumber"]


def test_unresolved_models_stay_in_the_bom_without_invented_licences(hostile_audit: dict[str, Any]) -> None:
    bom = _bom(hostile_audit)
    unresolved = [c for c in bom["components"] if c["bom-ref"].startswith("unresolved:")]
    assert {c["name"] for c in unresolved} == {r["text"] for r in hostile_audit["unresolved"]}
    assert all("licenses" not in c for c in unresolved)
    for component in bom["components"]:
        for licence in component.get("licenses", []):
            assert licence["license"].get("id") not in ("unknown", "NOASSERTION")
