"""User-visible facts of the catalog data for the nine large labs (Meta, Google, Mistral, Qwen, ...)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from catalog_support import labs_catalog, model_id

from openwatch.catalog.load import Catalog, CatalogProblem, package_roots, validate_catalog
from openwatch.catalog.schema import Access, EventKind, Stance
from openwatch.catalog.stance import stance_on

BIG_LABS = ("meta", "google", "mistral", "alibaba", "deepseek", "microsoft", "openai", "anthropic", "xai")

# Every seed event (data/sources/seed-events.yaml) of these labs, as (lab, date, kind).
SEED_EVENTS = (
    ("openai", "2019-02-14", EventKind.POLICY_ANNOUNCEMENT),
    ("openai", "2019-11-01", EventKind.OPEN_WEIGHTS_RELEASE),
    ("meta", "2023-02-24", EventKind.OPEN_WEIGHTS_RELEASE),
    ("openai", "2023-03-15", EventKind.CLOSED_RELEASE),
    ("meta", "2023-07-18", EventKind.OPEN_WEIGHTS_RELEASE),
    ("alibaba", "2023-08-01", EventKind.OPEN_WEIGHTS_RELEASE),
    ("mistral", "2023-09-01", EventKind.OPEN_WEIGHTS_RELEASE),
    ("microsoft", "2023-12-12", EventKind.OPEN_WEIGHTS_RELEASE),
    ("google", "2024-02-21", EventKind.OPEN_WEIGHTS_RELEASE),
    ("xai", "2024-03-17", EventKind.OPEN_WEIGHTS_RELEASE),
    ("meta", "2024-04-18", EventKind.OPEN_WEIGHTS_RELEASE),
    ("mistral", "2024-05-29", EventKind.LICENCE_CHANGE),
    ("meta", "2024-07-23", EventKind.POLICY_ANNOUNCEMENT),
    ("mistral", "2024-07-24", EventKind.OPEN_WEIGHTS_RELEASE),
    ("xai", "2024-08-13", EventKind.CLOSED_RELEASE),
    ("alibaba", "2024-09-19", EventKind.LICENCE_CHANGE),
    ("meta", "2024-09-25", EventKind.LICENCE_CHANGE),
    ("microsoft", "2024-12-12", EventKind.LICENCE_CHANGE),
    ("deepseek", "2024-12-24", EventKind.OPEN_WEIGHTS_RELEASE),
    ("deepseek", "2025-01-20", EventKind.LICENCE_CHANGE),
    ("mistral", "2025-01-30", EventKind.OPEN_WEIGHTS_RELEASE),
    ("openai", "2025-01-01", EventKind.POLICY_ANNOUNCEMENT),
    ("openai", "2025-03-31", EventKind.POLICY_ANNOUNCEMENT),
    ("meta", "2025-04-05", EventKind.OPEN_WEIGHTS_RELEASE),
    ("alibaba", "2025-04-29", EventKind.OPEN_WEIGHTS_RELEASE),
    ("meta", "2025-07-30", EventKind.POLICY_ANNOUNCEMENT),
    ("openai", "2025-08-05", EventKind.OPEN_WEIGHTS_RELEASE),
    ("xai", "2025-08-23", EventKind.OPEN_WEIGHTS_RELEASE),
    ("mistral", "2025-12-02", EventKind.OPEN_WEIGHTS_RELEASE),
    ("meta", "2025-12-10", EventKind.POLICY_ANNOUNCEMENT),
    ("google", "2026-04-01", EventKind.LICENCE_CHANGE),
    ("deepseek", "2026-04-24", EventKind.OPEN_WEIGHTS_RELEASE),
    ("meta", "2026-04-10", EventKind.POLICY_ANNOUNCEMENT),
    ("meta", "2026-04-01", EventKind.CLOSED_RELEASE),
)


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    """The nine labs' files with the package licences, validated on their own (no other helper's labs)."""
    return labs_catalog(tmp_path_factory.mktemp("big_labs"), BIG_LABS)


def test_nine_labs_hold_about_three_hundred_models_and_enough_events(catalog: Catalog) -> None:
    per_lab = {lab: sum(1 for m in catalog.models.values() if m.lab == lab) for lab in BIG_LABS}
    assert sum(per_lab.values()) >= 300
    assert all(count >= 10 for count in per_lab.values()), per_lab
    for lab in ("meta", "google", "mistral", "openai", "deepseek", "alibaba"):
        assert len(catalog.labs[lab].events) >= 6, lab
    for lab in ("microsoft", "anthropic", "xai"):
        assert len(catalog.labs[lab].events) >= 3, lab


def test_package_catalog_has_no_problem_in_these_files() -> None:
    _, problems = validate_catalog(package_roots())
    mine: list[CatalogProblem] = [
        p for p in problems if Path(p.file).stem in BIG_LABS or any(f"[{lab}/" in p.entry for lab in BIG_LABS)
    ]
    assert mine == []


def test_every_seed_event_of_these_labs_is_in_the_timeline(catalog: Catalog) -> None:
    for lab, day, kind in SEED_EVENTS:
        dates = {(e.date, e.kind) for e in catalog.labs[lab].events}
        assert (dt.date.fromisoformat(day), kind) in dates, (lab, day, kind)


def test_llama_31_8b_instruct_resolves_from_every_form(catalog: Catalog) -> None:
    for text in (
        "meta-llama/Llama-3.1-8B-Instruct",
        "meta-llama/Meta-Llama-3.1-8B-Instruct",
        "meta.llama3-1-8b-instruct-v1:0",
        "us.meta.llama3-1-8b-instruct-v1:0",
        "llama3.1:8b",
        "llama3.1",
        "Meta-Llama-3.1-8B-Instruct",
    ):
        assert model_id(catalog, text) == "meta/llama-3.1-8b-instruct", text
    model = catalog.models["meta/llama-3.1-8b-instruct"]
    assert model.base_model == "meta/llama-3.1-8b"
    assert model.licence == "llama-3.1-community"
    assert model.gating == "manual"
    assert model_id(catalog, "llama3.1:8b-text") == "meta/llama-3.1-8b"


def test_llama_31_405b_is_over_the_systemic_risk_threshold_per_epoch(catalog: Catalog) -> None:
    compute = catalog.models["meta/llama-3.1-405b-instruct"].training_compute
    assert compute.value is not None and compute.value >= 1e25
    assert compute.source is not None and compute.source.publisher.startswith("Epoch AI")
    assert compute.method == "reported"


def test_meta_stance_is_open_weight_in_2024_and_hybrid_after_april_2026(catalog: Catalog) -> None:
    meta = catalog.labs["meta"]
    hybrid = [(e.kind, e.declares) for e in meta.events if e.date == dt.date(2026, 4, 10)]
    assert hybrid == [(EventKind.POLICY_ANNOUNCEMENT, Stance.HYBRID), (EventKind.STATEMENT, Stance.HYBRID)]
    assert stance_on(catalog, meta, dt.date(2024, 8, 1)).stance is Stance.OPEN_WEIGHT
    assert stance_on(catalog, meta, dt.date(2026, 5, 1)).stance is Stance.HYBRID
    assert catalog.labs["meta"].code_of_practice == "declined"


def test_muse_spark_access_is_unknown_and_muse_glimmer_is_open(catalog: Catalog) -> None:
    assert catalog.models["meta/muse-spark"].access is Access.UNKNOWN
    assert catalog.models["meta/muse-spark"].licence is None
    assert model_id(catalog, "muse-glimmer") == "meta/muse-glimmer-30b"


def test_gpt_oss_is_open_weights_with_its_usage_policy_licence(catalog: Catalog) -> None:
    for size in ("20b", "120b"):
        model = catalog.models[f"openai/gpt-oss-{size}"]
        assert model.access is Access.OPEN_UNRESTRICTED
        assert model.licence == "gpt-oss-apache-2.0-with-usage-policy"
        assert model_id(catalog, f"openai/gpt-oss-{size}") == model.id
        assert model_id(catalog, f"gpt-oss:{size}") == model.id
    assert model_id(catalog, "gpt-oss") == "openai/gpt-oss-20b"
    assert model_id(catalog, "openai.gpt-oss-120b-1:0") == "openai/gpt-oss-120b"


def test_openai_api_models_are_closed_and_keep_their_snapshots(catalog: Catalog) -> None:
    gpt4o = catalog.models["openai/gpt-4o"]
    assert gpt4o.access is Access.API_ONLY
    assert gpt4o.licence == "proprietary-openai"
    dates = {s.id: s.deprecation_date for s in gpt4o.snapshots}
    assert dates["gpt-4o-2024-05-13"] == dt.date(2026, 10, 23)
    assert model_id(catalog, "gpt-4o-2024-08-06") == "openai/gpt-4o"
    assert model_id(catalog, "gpt-35-turbo") == "openai/gpt-3.5-turbo"


def test_whisper_is_narrow_speech_and_whisper_1_is_large_v2(catalog: Catalog) -> None:
    assert model_id(catalog, "whisper-1") == "openai/whisper-large-v2"
    for whisper in ("openai/whisper-tiny", "openai/whisper-large-v3", "openai/whisper-large-v3-turbo"):
        model = catalog.models[whisper]
        assert (model.kind, model.task_breadth, model.licence) == ("speech", "narrow", "mit")
    embedding = catalog.models["openai/text-embedding-3-small"]
    assert (embedding.kind, embedding.task_breadth) == ("embedding", "narrow")


def test_every_claude_is_api_only_and_proprietary(catalog: Catalog) -> None:
    claudes = [m for m in catalog.models.values() if m.lab == "anthropic"]
    assert len(claudes) >= 15
    assert all(m.access is Access.API_ONLY and m.licence == "proprietary-anthropic" for m in claudes)
    assert catalog.labs["anthropic"].code_of_practice == "full"


def test_claude_35_sonnet_v2_resolves_from_api_bedrock_and_vertex(catalog: Catalog) -> None:
    for text in (
        "claude-3-5-sonnet-20241022",
        "claude-3-5-sonnet-latest",
        "anthropic.claude-3-5-sonnet-20241022-v2:0",
        "us.anthropic.claude-3-5-sonnet-20241022-v2:0",
        "claude-3-5-sonnet-v2@20241022",
    ):
        assert model_id(catalog, text) == "anthropic/claude-3-5-sonnet-20241022", text
    assert model_id(catalog, "claude-3-5-sonnet-20240620") == "anthropic/claude-3-5-sonnet-20240620"
    sonnet45 = {s.id: s.deprecation_date for s in catalog.models["anthropic/claude-sonnet-4-5"].snapshots}
    assert sonnet45["claude-sonnet-4-5-20250929"] == dt.date(2026, 11, 30)


def test_gemini_versioned_ids_and_gemma_terms(catalog: Catalog) -> None:
    assert model_id(catalog, "gemini-1.5-pro-002") == "google/gemini-1.5-pro"
    assert model_id(catalog, "gemini-2.5-pro-preview-05-06") == "google/gemini-2.5-pro"
    assert model_id(catalog, "gemini-3-pro-preview") == "google/gemini-3-pro"
    assert model_id(catalog, "textembedding-gecko@003") == "google/textembedding-gecko"
    gemma2 = catalog.models[model_id(catalog, "google/gemma-2-9b-it")]
    assert (gemma2.licence, gemma2.gating, gemma2.access) == (
        "gemma-tou-2024-04-01",
        "auto",
        Access.OPEN_RESTRICTED,
    )
    gemma4 = catalog.models[model_id(catalog, "gemma4:e4b")]
    assert (gemma4.licence, gemma4.access) == ("gemma-4-apache-2.0", Access.OPEN_UNRESTRICTED)
    assert model_id(catalog, "gemma3") == "google/gemma-3-4b-it"


def test_mistral_is_in_the_eu_and_its_aliases_land_on_the_right_release(catalog: Catalog) -> None:
    assert catalog.labs["mistral"].eu_established is True
    assert model_id(catalog, "open-mistral-7b") == "mistral/mistral-7b-instruct-v0.2"
    assert model_id(catalog, "open-mixtral-8x7b") == "mistral/mixtral-8x7b-instruct-v0.1"
    assert model_id(catalog, "mistral-large-latest") == "mistral/mistral-large-3"
    assert model_id(catalog, "mistral.mistral-large-2407-v1:0") == "mistral/mistral-large-instruct-2407"
    codestral = catalog.models[model_id(catalog, "mistralai/Codestral-22B-v0.1")]
    assert (codestral.access, codestral.licence) == (Access.OPEN_NON_COMMERCIAL, "mistral-mnpl-0.1")
    assert model_id(catalog, "mistral") == "mistral/mistral-7b-instruct-v0.3"


def test_qwen_licences_follow_size_and_generation(catalog: Catalog) -> None:
    assert catalog.models[model_id(catalog, "Qwen/Qwen2.5-7B-Instruct")].licence == "apache-2.0"
    assert catalog.models[model_id(catalog, "Qwen/Qwen2.5-72B-Instruct")].licence == "qwen-2024"
    assert catalog.models[model_id(catalog, "Qwen/Qwen2.5-3B-Instruct")].licence == "qwen-research-2024"
    assert catalog.models[model_id(catalog, "Qwen/Qwen-72B-Chat")].licence == "tongyi-qianwen-2023"
    flagship = catalog.models[model_id(catalog, "qwen3:235b")]
    assert flagship.parameters.total == 235_000_000_000 and flagship.parameters.active == 22_000_000_000
    assert catalog.models[model_id(catalog, "qwen-max")].access is Access.API_ONLY


def test_deepseek_distills_point_to_their_bases_and_api_ids_to_v32(catalog: Catalog) -> None:
    assert catalog.models["deepseek/deepseek-r1-distill-llama-8b"].base_model == "meta/llama-3.1-8b"
    assert catalog.models["deepseek/deepseek-r1-distill-qwen-32b"].base_model == "alibaba/qwen2.5-32b"
    assert model_id(catalog, "deepseek-r1:7b") == "deepseek/deepseek-r1-distill-qwen-7b"
    assert model_id(catalog, "deepseek-chat") == "deepseek/deepseek-v3.2"
    assert model_id(catalog, "deepseek-reasoner") == "deepseek/deepseek-v3.2"
    r1 = catalog.models[model_id(catalog, "deepseek-ai/DeepSeek-R1")]
    assert (r1.licence, r1.access) == ("mit", Access.OPEN_UNRESTRICTED)
    assert catalog.models["deepseek/deepseek-v3"].licence == "deepseek-license-1.0"


def test_e5_and_phi_resolve_to_microsoft(catalog: Catalog) -> None:
    for text in ("intfloat/e5-large-v2", "intfloat/multilingual-e5-large", "intfloat/e5-mistral-7b-instruct"):
        model = catalog.models[model_id(catalog, text)]
        assert (model.lab, model.kind, model.task_breadth) == ("microsoft", "embedding", "narrow"), text
    assert model_id(catalog, "phi4") == "microsoft/phi-4"
    assert model_id(catalog, "Phi-4") == "microsoft/phi-4"
    assert catalog.models["microsoft/phi-4"].licence == "mit"


def test_grok_1_and_grok_2_open_weights_and_xai_signed_safety_only(catalog: Catalog) -> None:
    grok1 = catalog.models[model_id(catalog, "xai-org/grok-1")]
    assert (grok1.access, grok1.licence, grok1.released) == (
        Access.OPEN_UNRESTRICTED,
        "apache-2.0",
        dt.date(2024, 3, 17),
    )
    assert catalog.models[model_id(catalog, "xai-org/grok-2")].licence == "grok-2-community"
    assert catalog.models[model_id(catalog, "grok-4-0709")].access is Access.API_ONLY
    assert catalog.labs["xai"].code_of_practice == "safety-security-only"
