"""Licence terms binding the user: each restriction kind, judged against the project's settings and role."""

from __future__ import annotations

from pathlib import Path

import pytest

from openwatch.assess.licence_terms import assess_licence
from openwatch.catalog.load import Catalog, validate_catalog
from openwatch.config import ProjectSettings

FIXTURE = Path(__file__).parent.parent / "fixtures" / "catalog-risk"


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    loaded, problems = validate_catalog([FIXTURE])
    assert problems == []
    assert loaded is not None
    return loaded


def _outcomes(
    catalog: Catalog, model: str, settings: ProjectSettings, role: str = "integrator"
) -> dict[str, str]:
    result = assess_licence(catalog.models[model], catalog, settings, role)  # type: ignore[arg-type]
    return {r.rule_id: r.outcome for r in result.results}


def test_duties_of_a_community_licence(catalog: Catalog) -> None:
    outcomes = _outcomes(catalog, "bigco/bolt-8b", ProjectSettings())
    assert outcomes == {
        "licence.user-cap": "review",
        "licence.attribution": "duty",
        "licence.naming": "info",
        "licence.acceptable-use": "duty",
        "licence.output-use": "duty",
    }


def test_naming_binds_a_fine_tuner(catalog: Catalog) -> None:
    assert _outcomes(catalog, "bigco/bolt-8b", ProjectSettings(), "fine-tuner")["licence.naming"] == "duty"


@pytest.mark.parametrize(("users", "outcome"), [(800_000_000, "exceeded"), (250_000, "ok")])
def test_user_cap_against_declared_scale(catalog: Catalog, users: int, outcome: str) -> None:
    settings = ProjectSettings(monthly_active_users=users)
    assert _outcomes(catalog, "bigco/bolt-8b", settings)["licence.user-cap"] == outcome


def test_eu_exclusion_applies_to_multimodal_models_for_eu_organisations(catalog: Catalog) -> None:
    assert (
        _outcomes(catalog, "bigco/bolt-vision", ProjectSettings())["licence.regional-exclusion"] == "excluded"
    )
    outside = ProjectSettings(eu_established=False)
    assert _outcomes(catalog, "bigco/bolt-vision", outside)["licence.regional-exclusion"] == "ok"
    assert "licence.regional-exclusion" not in _outcomes(catalog, "bigco/bolt-8b", ProjectSettings())


def test_non_commercial_terms_conflict_with_commercial_use(catalog: Catalog) -> None:
    assert _outcomes(catalog, "bigco/bolt-research", ProjectSettings()) == {
        "licence.non-commercial": "conflict"
    }
    assert _outcomes(catalog, "bigco/bolt-research", ProjectSettings(commercial=False)) == {
        "licence.non-commercial": "ok"
    }


def test_unknown_licence_is_said(catalog: Catalog) -> None:
    result = assess_licence(catalog.models["bigco/bolt-max"], catalog, ProjectSettings(), "integrator")
    assert [r.rule_id for r in result.results] == ["licence.unknown"]


def test_inheritance_is_recorded(catalog: Catalog) -> None:
    via = "derived: quantisation of bigco/bolt-8b"
    result = assess_licence(
        catalog.models["bigco/bolt-8b"], catalog, ProjectSettings(), "integrator", via=via
    )
    assert result.summary["inherited_via"] == via
    assert result.summary["derivatives"] == "Derivatives carry the same licence."
