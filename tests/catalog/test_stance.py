"""The stance rule on a small fixture catalog whose history exercises each branch."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from openwatch.catalog.load import Catalog, validate_catalog
from openwatch.catalog.schema import Stance
from openwatch.catalog.stance import policy_map, stance_changes, stance_on

FIXTURE = Path(__file__).parent.parent / "fixtures" / "catalog-stance"


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    loaded, problems = validate_catalog([FIXTURE])
    assert problems == []
    assert loaded is not None
    return loaded


def test_releases_alone_give_open_weight(catalog: Catalog) -> None:
    verdict = stance_on(catalog, catalog.labs["acme"], dt.date(2023, 6, 1))
    assert verdict.stance is Stance.OPEN_WEIGHT
    assert verdict.declared_by is None
    assert [m.id for m in verdict.open_models] == ["acme/acme-1"]


def test_declaration_sets_the_stance(catalog: Catalog) -> None:
    verdict = stance_on(catalog, catalog.labs["acme"], dt.date(2024, 8, 1))
    assert verdict.stance is Stance.OPEN_WEIGHT
    assert verdict.declared_by is not None and verdict.declared_by.date == dt.date(2024, 7, 1)


def test_later_declaration_of_hybrid_wins(catalog: Catalog) -> None:
    verdict = stance_on(catalog, catalog.labs["acme"], dt.date(2026, 5, 1))
    assert verdict.stance is Stance.HYBRID
    assert verdict.derived is Stance.HYBRID
    assert [m.id for m in verdict.closed_models] == ["acme/acme-3"]


def test_declared_stance_keeps_disagreeing_releases_visible(catalog: Catalog) -> None:
    verdict = stance_on(catalog, catalog.labs["acme"], dt.date(2026, 4, 15))
    assert verdict.stance is Stance.HYBRID
    assert verdict.derived is Stance.OPEN_WEIGHT
    assert "releases alone suggest open-weight" in verdict.reason


def test_fully_open_models_give_open(catalog: Catalog) -> None:
    assert stance_on(catalog, catalog.labs["opensci"], dt.date(2025, 6, 1)).stance is Stance.OPEN


def test_only_api_models_give_closed(catalog: Catalog) -> None:
    assert stance_on(catalog, catalog.labs["closedco"], dt.date(2025, 6, 1)).stance is Stance.CLOSED


def test_nothing_known_is_unknown(catalog: Catalog) -> None:
    assert stance_on(catalog, catalog.labs["closedco"], dt.date(2020, 1, 1)).stance is Stance.UNKNOWN


def test_old_releases_outside_the_window_still_inform(catalog: Catalog) -> None:
    verdict = stance_on(catalog, catalog.labs["opensci"], dt.date(2028, 1, 1))
    assert verdict.stance is Stance.OPEN
    assert verdict.open_models == ()


def test_changes_are_dated(catalog: Catalog) -> None:
    changes = stance_changes(catalog, catalog.labs["acme"], dt.date(2026, 12, 31))
    assert [(c.date.isoformat(), c.before.value, c.after.value) for c in changes] == [
        ("2026-04-10", "open-weight", "hybrid")
    ]
    assert changes[0].event is not None and changes[0].event.declares is Stance.HYBRID


def test_map_lists_known_stances_first(catalog: Catalog) -> None:
    rows = policy_map(catalog, dt.date(2020, 1, 1))
    assert [v.stance for v in rows][-1] is Stance.UNKNOWN
