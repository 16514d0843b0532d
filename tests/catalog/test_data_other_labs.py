"""User-visible facts of the catalog data for the labs outside the big nine (cohere, nvidia, tii, ...)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from catalog_support import labs_catalog, model_id

from openwatch.catalog.load import Catalog, CatalogProblem, package_roots, validate_catalog
from openwatch.catalog.schema import EventKind

OTHER_LABS = (
    "01-ai", "ai2", "ai21", "aleph-alpha", "amazon", "apple", "baai", "baidu", "bigcode", "bigscience",
    "black-forest-labs", "bytedance", "cerebras", "cohere", "databricks", "eleutherai", "essential-ai",
    "huggingface", "ibm", "inception", "jina", "lg", "liquid", "minimax", "mixedbread", "moonshot",
    "mosaicml", "nomic", "nous-research", "nvidia", "perplexity", "reka", "salesforce",
    "sentence-transformers", "snowflake", "stability", "tencent", "tii", "upstage", "voyage", "zhipu",
)  # fmt: skip


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    """These labs' files with the package licences, validated on their own (no other helper's data)."""
    return labs_catalog(tmp_path_factory.mktemp("other_labs"), OTHER_LABS)


def test_at_least_32_labs_and_250_models(catalog: Catalog) -> None:
    assert len(catalog.labs) >= 32
    assert sum(1 for m in catalog.models.values() if m.lab in OTHER_LABS) >= 250
    assert all(catalog.labs[lab_id].name for lab_id in OTHER_LABS)


def test_package_catalog_has_no_problem_in_these_files() -> None:
    _, problems = validate_catalog(package_roots())
    mine: list[CatalogProblem] = [
        p
        for p in problems
        if Path(p.file).stem in OTHER_LABS or any(f"[{lab}/" in p.entry for lab in OTHER_LABS)
    ]
    assert mine == []


def test_sentence_transformers_bare_and_hub_names_are_one_model(catalog: Catalog) -> None:
    bare = model_id(catalog, "all-MiniLM-L6-v2")
    assert bare == model_id(catalog, "sentence-transformers/all-MiniLM-L6-v2")
    assert bare == model_id(catalog, "all-minilm:l6-v2")
    model = catalog.models[bare]
    assert (model.kind, model.task_breadth, model.licence) == ("embedding", "narrow", "apache-2.0")


def test_flux_dev_is_non_commercial_and_schnell_is_apache(catalog: Catalog) -> None:
    dev = catalog.models[model_id(catalog, "black-forest-labs/FLUX.1-dev")]
    assert dev.licence == "flux-1-dev-non-commercial"
    assert dev.access.value == "open-weights-non-commercial"
    assert catalog.licences["flux-1-dev-non-commercial"].grants.commercial.value is not True
    schnell = catalog.models[model_id(catalog, "black-forest-labs/FLUX.1-schnell")]
    assert schnell.licence == "apache-2.0"
    pro = catalog.models[model_id(catalog, "flux-pro")]
    assert pro.access.value == "api-only"


def test_falcon_180b_has_its_tii_licence_and_small_falcons_are_apache(catalog: Catalog) -> None:
    falcon180 = catalog.models[model_id(catalog, "tiiuae/falcon-180B")]
    assert falcon180.licence == "falcon-180b-tii-1.0"
    assert falcon180.released == dt.date(2023, 9, 6)
    assert catalog.models[model_id(catalog, "tiiuae/falcon-40b")].licence == "apache-2.0"
    assert catalog.models[model_id(catalog, "falcon3:7b")].licence == "falcon-3-tii-falcon-license"


def test_cohere_open_weights_are_cc_by_nc_and_api_models_proprietary(catalog: Catalog) -> None:
    plus = catalog.models[model_id(catalog, "CohereForAI/c4ai-command-r-plus")]
    assert (plus.licence, plus.access.value) == ("cc-by-nc-4.0", "open-weights-non-commercial")
    assert model_id(catalog, "CohereLabs/c4ai-command-r-plus") == plus.id
    embed = catalog.models[model_id(catalog, "cohere.embed-english-v3")]
    assert (embed.id, embed.licence) == ("cohere/embed-english-v3.0", "proprietary-cohere")
    assert model_id(catalog, "cohere.command-text-v14") == "cohere/command"
    assert catalog.labs["cohere"].code_of_practice == "full"


def test_code_of_practice_and_eu_establishment(catalog: Catalog) -> None:
    aleph = catalog.labs["aleph-alpha"]
    assert (aleph.eu_established, aleph.code_of_practice) == (True, "full")
    assert catalog.labs["ibm"].code_of_practice == "full"
    assert catalog.labs["amazon"].code_of_practice == "full"
    assert catalog.labs["nvidia"].code_of_practice == "unknown"


def test_seed_events_are_in_the_timelines(catalog: Catalog) -> None:
    def dates(lab_id: str) -> set[dt.date]:
        return {event.date for event in catalog.labs[lab_id].events}

    assert dt.date(2022, 7, 11) in dates("bigscience")
    assert {dt.date(2022, 8, 22), dt.date(2024, 7, 1)} <= dates("stability")
    assert {dt.date(2023, 5, 1), dt.date(2023, 9, 6)} <= dates("tii")
    assert dt.date(2024, 2, 1) in dates("ai2")
    assert dt.date(2024, 3, 11) in dates("cohere")
    assert dt.date(2024, 6, 14) in dates("nvidia")
    licence_change = next(e for e in catalog.labs["stability"].events if e.kind is EventKind.LICENCE_CHANGE)
    assert licence_change.date_precision == "month"
    assert licence_change.notes is not None and "confirmed: false" in licence_change.notes


def test_ten_largest_labs_have_two_release_events(catalog: Catalog) -> None:
    sizes = sorted(OTHER_LABS, key=lambda lab: -sum(1 for m in catalog.models.values() if m.lab == lab))
    releases = (EventKind.OPEN_WEIGHTS_RELEASE, EventKind.CLOSED_RELEASE, EventKind.LICENCE_CHANGE)
    for lab_id in sizes[:10]:
        assert sum(1 for e in catalog.labs[lab_id].events if e.kind in releases) >= 2, lab_id


def test_epoch_compute_is_attributed(catalog: Catalog) -> None:
    nemotron = catalog.models[model_id(catalog, "nvidia/Nemotron-4-340B-Base")]
    compute = nemotron.training_compute
    assert compute.value == pytest.approx(1.8e25)
    assert compute.source is not None and compute.source.publisher.startswith("Epoch AI")
    assert compute.uncertainty == "Epoch confidence: Confident"
    assert nemotron.parameters.total == 340_000_000_000


def test_bigcode_openrail_is_not_filed_as_bigscience_openrail(catalog: Catalog) -> None:
    starcoder2 = catalog.models[model_id(catalog, "bigcode/starcoder2-15b")]
    assert starcoder2.licence is None
    assert starcoder2.notes is not None and "BigCode OpenRAIL-M" in starcoder2.notes
    assert catalog.models[model_id(catalog, "bigscience/bloom")].licence == "bigscience-bloom-rail-1.0"


def test_ollama_and_cloud_aliases_resolve(catalog: Catalog) -> None:
    assert model_id(catalog, "nomic-embed-text") == "nomic/nomic-embed-text-v1.5"
    assert model_id(catalog, "granite4:latest") == "ibm/granite-4.0-micro"
    assert model_id(catalog, "amazon.nova-pro-v1:0") == "amazon/nova-pro-v1"
    assert catalog.models["amazon/nova-pro-v1"].licence == "proprietary-amazon"
    assert model_id(catalog, "voyage/voyage-3-large") == "voyage/voyage-3-large"
    assert catalog.models["voyage/voyage-3-large"].licence == "proprietary-voyage"


def test_snapshot_retirement_dates_come_from_litellm(catalog: Catalog) -> None:
    jamba = catalog.models[model_id(catalog, "ai21.jamba-1-5-large-v1:0")]
    retire = {s.id: s.deprecation_date for s in jamba.snapshots}
    assert retire["ai21.jamba-1-5-large-v1:0"] == dt.date(2026, 11, 26)


def test_image_models_do_not_claim_a_task_breadth(catalog: Catalog) -> None:
    sd35 = catalog.models[model_id(catalog, "stabilityai/stable-diffusion-3.5-large")]
    assert (sd35.kind, sd35.task_breadth, sd35.licence) == ("image", "unknown", "stability-ai-community-2024")
    assert catalog.models[model_id(catalog, "stabilityai/stable-diffusion-xl-base-1.0")].licence == (
        "creativeml-openrail-pp-m"
    )
    sd14 = catalog.models[model_id(catalog, "CompVis/stable-diffusion-v1-4")]
    assert sd14.licence == "creativeml-openrail-m"
