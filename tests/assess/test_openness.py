"""Openness: the OSAID verdict names what is missing; the OSAI index score follows the index's own scoring."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from openwatch.assess.openness import assess_openness, osai_score, osaid_verdict
from openwatch.catalog.load import Catalog, validate_catalog

FIXTURE = Path(__file__).parent.parent / "fixtures" / "catalog-stance"
OSAI = """\
dataset: osai
attribution: "European Open Source AI Index (test copy)"
data_licence: CC-BY-4.0
retrieved: 2026-11-29
input_sha256: test
enrichments:
  - model: opensci/osm-7b
    record: "osai:OSM.yaml"
    osai_dimensions: {datasources_basemodel: open, datasources_endmodel: open,
                      weights_basemodel: open, weights_endmodel: open, trainingcode: partial,
                      code: open, hardware_architecture: closed, preprint: open, paper: open,
                      modelcard: open, datasheet: partial, licenses: open}
"""


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    root = tmp_path_factory.mktemp("cat") / "c"
    shutil.copytree(FIXTURE, root)
    (root / "imported").mkdir()
    (root / "imported" / "osai.yaml").write_text(OSAI)
    loaded, problems = validate_catalog([root])
    assert problems == [] and loaded is not None
    return loaded


def test_fully_open_model_passes_the_osaid(catalog: Catalog) -> None:
    result = osaid_verdict(catalog.models["opensci/osm-7b"], catalog)
    assert (result.outcome, result.message) == (
        "pass",
        "Meets the OSAID: weights, code and data information are open.",
    )


def test_api_model_fails_and_says_why(catalog: Catalog) -> None:
    result = osaid_verdict(catalog.models["closedco/never"], catalog)
    assert result.outcome == "fail"
    assert result.message.startswith("OSAID fail: weights are not public (api-only)")


def test_unknown_parts_give_unknown_not_a_guess(catalog: Catalog) -> None:
    result = osaid_verdict(catalog.models["acme/acme-2"], catalog)
    assert result.outcome == "unknown"
    assert result.review == ("licence of the weights", "training code", "data information")


def test_osai_index_score_is_the_mean_of_twelve_dimensions(catalog: Catalog) -> None:
    score = osai_score(catalog.models["opensci/osm-7b"], catalog)
    assert score is not None
    assert score["score"] == round(10 / 12, 3)
    assert score["categories"] == {"availability": 0.9, "documentation": 0.75, "access": 1.0}
    assert osai_score(catalog.models["acme/acme-1"], catalog) is None


def test_openness_summary_has_every_yardstick(catalog: Catalog) -> None:
    summary = assess_openness(catalog.models["opensci/osm-7b"], catalog).summary
    assert summary["access"] == "open-weights-unrestricted"
    assert summary["osaid"]["verdict"] == "pass"
    assert summary["osai_index"]["record"] == "osai:OSM.yaml"
    assert summary["mof"]["label"] == "not in the Model Openness Tool"
