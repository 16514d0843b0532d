"""Overlay events/ files and lab files merge into known labs: fields override, events append, ids dedupe."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from openwatch.catalog.event_ids import derived_event_id
from openwatch.catalog.load import CatalogError, load_catalog, validate_catalog

FIXTURE = Path(__file__).parent.parent / "fixtures" / "catalog-stance"
EVENT = (
    "  - date: 2026-05-02\n    kind: policy-announcement\n    declares: closed\n"
    "    summary: Acme says it will release no more weights.\n"
    "    sources: [{publisher: Example Wire, url: 'https://example.org/acme'}]\n"
)


def _overlay(tmp_path: Path, files: dict[str, str]) -> Path:
    root = tmp_path / "overlay"
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    return root


def _catalog(*roots: Path):  # type: ignore[no-untyped-def]
    catalog, problems = validate_catalog([FIXTURE, *roots])
    assert problems == [] and catalog is not None
    return catalog


def test_events_file_appends_to_the_lab_and_every_event_has_an_id(tmp_path: Path) -> None:
    before = _catalog().labs["acme"]
    after = _catalog(_overlay(tmp_path, {"events/acme.yaml": f"lab: acme\nevents:\n{EVENT}"})).labs["acme"]
    assert len(after.events) == len(before.events) + 1
    added = next(e for e in after.events if e.date == dt.date(2026, 5, 2))
    assert added.id == derived_event_id("acme", added)
    assert added.id.startswith("acme-2026-05-02-")
    assert all(e.id for e in after.events)
    assert after.name == before.name


def test_the_same_event_twice_is_kept_once_and_a_raised_copy_replaces_it(tmp_path: Path) -> None:
    twice = _overlay(tmp_path, {"events/acme.yaml": f"lab: acme\nevents:\n{EVENT}{EVENT}"})
    acme = _catalog(twice).labs["acme"]
    assert len([e for e in acme.events if e.date == dt.date(2026, 5, 2)]) == 1
    event_id = next(e.id for e in acme.events if e.date == dt.date(2026, 5, 2))
    verified = (
        f"  - id: {event_id}\n    date: 2026-05-02\n    kind: policy-announcement\n    declares: closed\n"
        "    summary: Acme says it will release no more weights.\n    status: verified\n"
        "    sources: [{publisher: Acme, url: 'https://acme.example/blog', status: verified}]\n"
    )
    second = tmp_path / "second"
    (second / "events").mkdir(parents=True)
    (second / "events" / "acme.yaml").write_text(f"lab: acme\nevents:\n{verified}")
    event = next(e for e in _catalog(twice, second).labs["acme"].events if e.id == event_id)
    assert event.status == "verified"
    assert [s.publisher for s in event.sources] == ["Example Wire", "Acme"]


def test_overlay_lab_file_for_a_known_lab_merges(tmp_path: Path) -> None:
    before = _catalog().labs["acme"]
    nested = "".join("  " + line + "\n" for line in EVENT.splitlines())
    overlay = _overlay(
        tmp_path, {"labs/acme.yaml": f"lab:\n  id: acme\n  name: Acme Renamed\n  events:\n{nested}"}
    )
    after = _catalog(overlay).labs["acme"]
    assert after.name == "Acme Renamed"
    assert after.country == before.country
    assert len(after.events) == len(before.events) + 1


def test_events_for_an_unknown_lab_are_a_located_problem(tmp_path: Path) -> None:
    overlay = _overlay(tmp_path, {"events/nobody.yaml": f"lab: nobody\nevents:\n{EVENT}"})
    _, problems = validate_catalog([FIXTURE, overlay])
    assert [(Path(p.file).name, p.field, p.message) for p in problems] == [
        ("nobody.yaml", "lab", "unknown lab 'nobody'")
    ]
    with pytest.raises(CatalogError):
        load_catalog([overlay], use_cache=False)
