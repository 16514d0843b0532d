"""Policy rules: each allow/deny setting produces a named violation, and a clean project produces none."""

from __future__ import annotations

from pathlib import Path

import pytest

from openwatch.assess.policy import PolicyError, PolicySubject, evaluate_policy, validate_policy
from openwatch.catalog.load import Catalog, validate_catalog
from openwatch.config import PolicySettings

FIXTURE = Path(__file__).parent.parent / "fixtures" / "catalog-stance"


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    loaded, _ = validate_catalog([FIXTURE])
    assert loaded is not None
    return loaded


def _subjects(catalog: Catalog, *ids: str, stance: str = "hybrid", sr: str = "no") -> list[PolicySubject]:
    return [PolicySubject(catalog.models[i], ("app.py", 7), stance, sr) for i in ids]


def _rules(
    policy: PolicySettings, catalog: Catalog, subjects: list[PolicySubject]
) -> list[tuple[str, str | None]]:
    return [(f.rule, f.model) for f in evaluate_policy(policy, subjects, [], catalog)]


def test_empty_policy_allows_everything(catalog: Catalog) -> None:
    assert _rules(PolicySettings(), catalog, _subjects(catalog, "acme/acme-3", "opensci/osm-7b")) == []


def test_access_tier_denied(catalog: Catalog) -> None:
    policy = PolicySettings(deny_access=("api-only",))
    assert _rules(policy, catalog, _subjects(catalog, "acme/acme-3", "opensci/osm-7b")) == [
        ("policy.access-denied", "acme/acme-3")
    ]


def test_licence_allow_list_is_an_spdx_expression(catalog: Catalog) -> None:
    policy = PolicySettings(allow_licences="MIT OR Apache-2.0")
    assert _rules(policy, catalog, _subjects(catalog, "opensci/osm-7b", "acme/acme-2")) == [
        ("policy.licence-unknown", "acme/acme-2")
    ]
    strict = PolicySettings(allow_licences="MIT")
    assert _rules(strict, catalog, _subjects(catalog, "opensci/osm-7b")) == [
        ("policy.licence-not-allowed", "opensci/osm-7b")
    ]


def test_licence_deny_list(catalog: Catalog) -> None:
    policy = PolicySettings(deny_licences=("Apache-2.0",))
    assert _rules(policy, catalog, _subjects(catalog, "opensci/osm-7b")) == [
        ("policy.licence-denied", "opensci/osm-7b")
    ]


def test_labs_stance_and_systemic_risk(catalog: Catalog) -> None:
    policy = PolicySettings(allow_labs=("opensci",), deny_stance=("hybrid",), deny_systemic_risk=True)
    subjects = _subjects(catalog, "acme/acme-2", stance="hybrid", sr="yes")
    assert _rules(policy, catalog, subjects) == [
        ("policy.lab-denied", "acme/acme-2"),
        ("policy.systemic-risk", "acme/acme-2"),
        ("policy.stance-denied", "acme/acme-2"),
    ]


def test_unresolved_references_can_be_denied(catalog: Catalog) -> None:
    found = evaluate_policy(
        PolicySettings(deny_unresolved=True), [], [{"text": "mystery-7b", "path": "a.py", "line": 2}], catalog
    )
    assert [(f.rule, f.path, f.line) for f in found] == [("policy.unresolved", "a.py", 2)]
    assert found[0].is_policy_violation


def test_invalid_expression_is_a_policy_error() -> None:
    with pytest.raises(PolicyError, match="not a valid SPDX expression"):
        validate_policy(PolicySettings(allow_licences="MIT OR OR"))
