"""Catalog loading: problems are located, nothing loads half, overlays override, the cache refreshes."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from openwatch.catalog.load import CatalogError, load_catalog, validate_catalog

FIXTURE = Path(__file__).parent.parent / "fixtures" / "catalog-stance"


def _copy(tmp_path: Path) -> Path:
    root = tmp_path / "cat"
    shutil.copytree(FIXTURE, root)
    return root


def test_schema_error_names_file_entry_and_field(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    lab_file = root / "labs" / "acme.yaml"
    lab_file.write_text(lab_file.read_text().replace("access: api-only", "access: sometimes"))
    catalog, problems = validate_catalog([root])
    assert catalog is None
    assert len(problems) == 1
    problem = problems[0]
    assert problem.file.endswith("acme.yaml")
    assert problem.entry == "models[acme/acme-3]"
    assert problem.field == "access"
    assert "open-weights-unrestricted" in problem.message


def test_unknown_field_is_an_error(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    lab_file = root / "labs" / "opensci.yaml"
    lab_file.write_text(
        lab_file.read_text().replace("    family: OSM\n", "    family: OSM\n    colour: blue\n")
    )
    _, problems = validate_catalog([root])
    assert [(p.entry, p.field) for p in problems] == [("models[opensci/osm-7b]", "colour")]


def test_alias_claimed_twice_is_an_error(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    lab_file = root / "labs" / "opensci.yaml"
    lab_file.write_text(
        lab_file.read_text().replace(
            "    family: OSM\n", "    family: OSM\n    aliases: {hub: [ACME/acme-2-7b]}\n"
        )
    )
    _, problems = validate_catalog([root])
    assert len(problems) == 1
    assert "alias 'acme/acme-2-7b' is already claimed by acme/acme-2" in problems[0].message


def test_dangling_references_are_errors(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    lab_file = root / "labs" / "opensci.yaml"
    text = lab_file.read_text().replace("licence: apache-2.0", "licence: no-such-licence")
    lab_file.write_text(text.replace("    family: OSM\n", "    family: OSM\n    successor: opensci/osm-9\n"))
    _, problems = validate_catalog([root])
    assert sorted(p.field for p in problems) == ["licence", "successor"]


def test_invalid_yaml_is_reported_and_nothing_loads(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    (root / "labs" / "broken.yaml").write_text("lab: [unclosed\n")
    with pytest.raises(CatalogError) as info:
        load_catalog([root], use_cache=False)
    assert any("broken.yaml" in p.file and "not valid YAML" in p.message for p in info.value.problems)


def test_overlay_adds_and_overrides(tmp_path: Path) -> None:
    overlay = tmp_path / "overlay"
    (overlay / "labs").mkdir(parents=True)
    (overlay / "labs" / "inhouse.yaml").write_text(
        "lab: {id: inhouse, name: In-house}\n"
        "models:\n"
        "  - {id: inhouse/helper-1, name: Helper 1, lab: inhouse, family: Helper, access: unreleased,\n"
        "     aliases: {other: [helper-one]}, sources: [{publisher: us}]}\n"
    )
    catalog = load_catalog([overlay], use_cache=False)
    assert catalog.lookup("Helper-One") is not None
    assert catalog.lookup("helper-one").id == "inhouse/helper-1"  # type: ignore[union-attr]


def test_missing_overlay_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match="overlay folder does not exist"):
        load_catalog([tmp_path / "nope"])


def test_cache_is_used_and_refreshed_when_data_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENWATCH_CACHE", str(tmp_path / "cache"))
    root = _copy(tmp_path)
    first = load_catalog([root])
    assert len(list((tmp_path / "cache").glob("catalog-*.json"))) == 1
    again = load_catalog([root])
    assert again.models.keys() == first.models.keys()
    lab_file = root / "labs" / "closedco.yaml"
    lab_file.write_text(lab_file.read_text().replace("name: Never", "name: Never Again"))
    stat = lab_file.stat()
    os.utime(lab_file, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    changed = load_catalog([root])
    assert changed.models["closedco/never"].name == "Never Again"
