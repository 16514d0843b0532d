"""The catalog's licence files: every allowed key exists, validates and says what the key facts require."""

from __future__ import annotations

import pytest
import yaml

from openwatch.catalog.load import package_roots
from openwatch.catalog.schema import Licence, LicenceFile

ALLOWED_KEYS = [
    "llama-1-noncommercial",
    "llama-2-community",
    "llama-3-community",
    "llama-3.1-community",
    "llama-3.2-community",
    "llama-3.3-community",
    "llama-4-community",
    "gemma-tou-2024-02-21",
    "gemma-tou-2024-04-01",
    "gemma-tou-2025-03-24",
    "gemma-4-apache-2.0",
    "mistral-mrl-0.1",
    "mistral-mnpl-0.1",
    "qwen-2024",
    "qwen-research-2024",
    "tongyi-qianwen-2023",
    "tongyi-qianwen-research-2023",
    "deepseek-license-1.0",
    "falcon-180b-tii-1.0",
    "falcon-2-11b-tii-1.0",
    "falcon-3-tii-falcon-license",
    "nvidia-open-model-2025-04-28",
    "grok-2-community",
    "bigscience-bloom-rail-1.0",
    "creativeml-openrail-m",
    "bigscience-openrail-m",
    "creativeml-openrail-pp-m",
    "stability-ai-community-2024",
    "flux-1-dev-non-commercial",
    "cc-by-nc-4.0",
    "cc-by-4.0",
    "apache-2.0",
    "mit",
    "bsd-3-clause",
    "openmdw-1.0",
    "gpt-oss-apache-2.0-with-usage-policy",
    "ai2-impact-lr-2.0",
    "microsoft-research-license-terms",
    "apple-ascl",
    "exaone-nc-1.1",
    "proprietary-openai",
    "proprietary-anthropic",
    "proprietary-google",
    "proprietary-xai",
    "proprietary-mistral",
    "proprietary-cohere",
    "proprietary-amazon",
    "proprietary-meta",
    "proprietary-voyage",
    "proprietary-other",
]

LICENCE_FILES = {path.stem: path for root in package_roots() for path in (root / "licences").glob("*.yaml")}


def _load(key: str) -> Licence:
    data = yaml.safe_load(LICENCE_FILES[key].read_text(encoding="utf-8"))
    return LicenceFile.model_validate(data).licence


def test_allowed_list_has_fifty_keys() -> None:
    assert len(ALLOWED_KEYS) == len(set(ALLOWED_KEYS)) == 50


@pytest.mark.parametrize("key", ALLOWED_KEYS)
def test_every_allowed_key_exists_and_validates(key: str) -> None:
    licence = _load(key)
    assert licence.key == key
    assert licence.sources


def test_no_licence_file_outside_the_allowed_list() -> None:
    assert sorted(LICENCE_FILES) == sorted(ALLOWED_KEYS)


def test_llama_3_1_has_700m_user_cap_and_fails_eu_test() -> None:
    licence = _load("llama-3.1-community")
    caps = [r for r in licence.restrictions if r.kind == "user-cap"]
    assert [r.threshold for r in caps] == [700_000_000]
    assert licence.eu_foss_licence_test.verdict == "fail"
    assert licence.hf_license_ids == ["llama3.1"]


def test_apache_passes_eu_test_and_is_osi_approved() -> None:
    licence = _load("apache-2.0")
    assert licence.eu_foss_licence_test.verdict == "pass"
    assert licence.osi_approved
    assert licence.expression_id == "Apache-2.0"


@pytest.mark.parametrize(
    "key", ["creativeml-openrail-m", "bigscience-openrail-m", "bigscience-bloom-rail-1.0"]
)
def test_openrail_licences_say_review(key: str) -> None:
    licence = _load(key)
    assert licence.kind == "open-rail"
    assert licence.eu_foss_licence_test.verdict == "review"


@pytest.mark.parametrize("key", ["llama-3.2-community", "llama-4-community"])
def test_llama_multimodal_eu_exclusion(key: str) -> None:
    exclusions = [r for r in _load(key).restrictions if r.kind == "regional-exclusion"]
    assert len(exclusions) == 1
    assert exclusions[0].regions == ["EU"]
    assert exclusions[0].applies_to is not None and "multimodal" in exclusions[0].applies_to


def test_cc_by_nc_is_non_commercial() -> None:
    licence = _load("cc-by-nc-4.0")
    assert licence.kind == "non-commercial"
    assert licence.grants.commercial.value is False
    assert any(r.kind == "non-commercial" for r in licence.restrictions)
    assert licence.eu_foss_licence_test.verdict == "fail"


def test_qwen_cap_is_100m() -> None:
    caps = [r.threshold for r in _load("qwen-2024").restrictions if r.kind == "user-cap"]
    assert caps == [100_000_000]


@pytest.mark.parametrize("key", [k for k in ALLOWED_KEYS if k.startswith("proprietary-")])
def test_proprietary_terms_grant_no_weights_rights(key: str) -> None:
    licence = _load(key)
    assert licence.kind == "proprietary"
    assert licence.grants.modify.value is False
    assert licence.grants.redistribute.value is False
    assert licence.eu_foss_licence_test.verdict == "fail"


@pytest.mark.parametrize("key", ["proprietary-openai", "proprietary-anthropic", "proprietary-google"])
def test_big_api_vendors_limit_output_use(key: str) -> None:
    outputs = [r for r in _load(key).restrictions if r.kind == "output-use"]
    assert outputs and "compet" in outputs[0].detail


def test_unknown_grant_is_kept_as_unknown() -> None:
    assert _load("ai2-impact-lr-2.0").grants.use.value == "unknown"
