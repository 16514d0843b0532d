"""SPDX 3.0.1: round-trips through spdx-python-model; an ai_AIPackage per model with licence relationships."""

from __future__ import annotations

import json
from typing import Any

import spdx_python_model
from spdx_python_model import v3_0_1 as spdx

from openwatch.formats.spdx3 import render_spdx


def _load(document: dict[str, Any]) -> Any:
    model, objects = spdx_python_model.load_data(json.loads(render_spdx(document)))
    assert model is spdx
    return objects


def _licence_relations(objects: Any, package: Any) -> list[Any]:
    kinds = (spdx.RelationshipType.hasDeclaredLicense, spdx.RelationshipType.hasConcludedLicense)
    return [
        r
        for r in objects.foreach_type(spdx.Relationship)
        if r.from_ is package and r.relationshipType in kinds
    ]


def test_each_model_is_an_ai_package_with_declared_and_concluded_licences(
    example_audit: dict[str, Any],
) -> None:
    objects = _load(example_audit)
    packages = {p.summary: p for p in objects.foreach_type(spdx.ai_AIPackage)}
    assert set(packages) == {m["id"] for m in example_audit["models"]}
    llama = packages["meta/llama-3.1-8b-instruct"]
    assert llama.software_packageUrl == "pkg:huggingface/meta-llama/Llama-3.1-8B-Instruct"
    assert llama.suppliedBy.name == "Meta"
    relations = _licence_relations(objects, llama)
    assert sorted(r.relationshipType for r in relations) == sorted(
        [spdx.RelationshipType.hasConcludedLicense, spdx.RelationshipType.hasDeclaredLicense]
    )
    (expression,) = relations[0].to
    assert expression.simplelicensing_licenseExpression == "LicenseRef-scancode-llama-3.1-license-2024"
    assert expression.simplelicensing_customIdToUri[0].value.startswith("https://")
    apache = _licence_relations(objects, packages["mistral/mistral-7b-instruct-v0.3"])[0].to[0]
    assert apache.simplelicensing_licenseExpression == "Apache-2.0"


def test_unresolved_references_are_packages_with_no_assertion(hostile_audit: dict[str, Any]) -> None:
    objects = _load(hostile_audit)
    names = {p.name for p in objects.foreach_type(spdx.ai_AIPackage)}
    assert {r["text"] for r in hostile_audit["unresolved"]} <= names
    for package in objects.foreach_type(spdx.ai_AIPackage):
        assert len(_licence_relations(objects, package)) == 2


def test_two_hundred_models_round_trip(big_audit: dict[str, Any]) -> None:
    objects = _load(big_audit)
    assert len(list(objects.foreach_type(spdx.ai_AIPackage))) == len(big_audit["models"])
