"""The --online path: Hub lookups replayed from recorded responses, cached as JSON, never by default."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx2
import pytest
from huggingface_hub import HfApi
from huggingface_hub.errors import RepositoryNotFoundError
from huggingface_hub.hf_api import ModelInfo

from openwatch.catalog.hub_online import HubLookup, HubRecord, fetch_from_hub
from openwatch.catalog.load import Catalog, validate_catalog
from openwatch.catalog.resolve import Resolver

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
HUB = FIXTURES / "hub"


def mini() -> Catalog:
    """The mini overlay catalog."""
    catalog, problems = validate_catalog([FIXTURES / "catalog-mini"])
    assert catalog is not None, problems
    return catalog


@pytest.fixture()
def hub_calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Replace HfApi.model_info with a replay of tests/fixtures/hub; returns the repo ids asked for."""
    calls: list[str] = []

    def model_info(self: HfApi, repo_id: str, **kwargs: Any) -> ModelInfo:
        calls.append(repo_id)
        path = HUB / (repo_id.replace("/", "--") + ".json")
        if not path.is_file():
            request = httpx2.Request("GET", f"https://huggingface.co/api/models/{repo_id}")
            raise RepositoryNotFoundError(
                "404 Repository Not Found", response=httpx2.Response(404, request=request)
            )
        return ModelInfo(**json.loads(path.read_text(encoding="utf-8")))

    monkeypatch.setattr(HfApi, "model_info", model_info)
    return calls


def online_resolver(cache: Path) -> Resolver:
    """A resolver with --online on, caching under a temporary folder."""
    return Resolver(mini(), online=True, hub=HubLookup(folder=cache, fetch=fetch_from_hub))


def test_fine_tune_inherits_its_base_model(hub_calls: list[str], tmp_path: Path) -> None:
    found = online_resolver(tmp_path).resolve("someuser/Llama-3.1-8B-Medical")
    assert (found.model_id, found.method) == ("meta/llama-3.1-8b-instruct", "derived: fine-tune (hub)")
    assert found.matched == "meta-llama/Llama-3.1-8B-Instruct"
    assert found.note is not None and "'llama3.1'" in found.note
    assert hub_calls == ["someuser/Llama-3.1-8B-Medical"]


def test_quantised_upload_is_named_from_the_relation_tag(hub_calls: list[str], tmp_path: Path) -> None:
    found = online_resolver(tmp_path).resolve("someuser/Qwen2.5-7B-Instruct-Q4-GGUF-custom")
    assert (found.model_id, found.method) == ("alibaba/qwen2.5-7b-instruct", "derived: quantisation (hub)")


def test_merge_of_a_fine_tune_follows_two_hops(hub_calls: list[str], tmp_path: Path) -> None:
    found = online_resolver(tmp_path).resolve("https://huggingface.co/lab2/Medical-Merge-8B")
    assert (found.model_id, found.method) == ("meta/llama-3.1-8b-instruct", "derived: merge (hub)")
    assert hub_calls == ["lab2/Medical-Merge-8B", "someuser/Llama-3.1-8B-Medical"]


def test_repo_without_base_model_stays_unresolved_with_its_licence(
    hub_calls: list[str], tmp_path: Path
) -> None:
    found = online_resolver(tmp_path).resolve("acme/acme-chat-7b")
    assert found.model_id is None
    assert found.note is not None and "acme-community-licence" in found.note and "manual" in found.note


def test_missing_repo_is_a_note_not_an_error(hub_calls: list[str], tmp_path: Path) -> None:
    found = online_resolver(tmp_path).resolve("nobody/does-not-exist")
    assert found.model_id is None
    assert found.note is not None and "no such repo" in found.note


def test_answers_are_cached_as_json(hub_calls: list[str], tmp_path: Path) -> None:
    online_resolver(tmp_path).resolve("someuser/Llama-3.1-8B-Medical")
    cached = json.loads((tmp_path / "someuser--Llama-3.1-8B-Medical.json").read_text(encoding="utf-8"))
    assert cached["licence"] == "llama3.1"
    assert cached["base_models"] == ["meta-llama/Llama-3.1-8B-Instruct"]
    assert cached["parameters"] == 8030261248

    def no_network(repo_id: str) -> HubRecord:
        raise AssertionError(f"network asked for {repo_id}")

    again = Resolver(mini(), online=True, hub=HubLookup(folder=tmp_path, fetch=no_network))
    assert again.resolve("someuser/Llama-3.1-8B-Medical").model_id == "meta/llama-3.1-8b-instruct"


def test_offline_by_default(hub_calls: list[str]) -> None:
    found = Resolver(mini()).resolve("someuser/Llama-3.1-8B-Medical")
    assert found.model_id is None
    assert hub_calls == []


def test_known_models_never_go_online(hub_calls: list[str], tmp_path: Path) -> None:
    assert (
        online_resolver(tmp_path).resolve("TheBloke/Llama-2-7B-Chat-GGUF").model_id == "meta/llama-2-7b-chat"
    )
    assert hub_calls == []
