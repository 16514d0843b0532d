"""Property tests of the readers of files and feeds: GGUF and safetensors headers, news feeds, catalog
overlays, project settings (the policy), baselines and YAML from others. Each gives its value or its own
error, never another exception, and keeps its limits."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from fuzz_inputs import (
    BASELINE_TEXT,
    FEED_BYTES,
    LAB_YAML,
    SETTINGS_TEXT,
    SLOW_EXAMPLES,
    YAML_TEXT,
    gguf_bytes,
    safetensors_bytes,
)
from hypothesis import given, settings
from hypothesis import strategies as st

from openwatch.assess.baseline import BaselineError, load_baseline
from openwatch.catalog.core import Catalog, CatalogError, CatalogProblem
from openwatch.catalog.load import _read, load_catalog
from openwatch.catalog.schema import LabFile
from openwatch.config import ProjectSettings, SettingsError, load_settings
from openwatch.intel.feeds import FeedError, ParsedFeed, parse_feed
from openwatch.safeyaml import MAX_EXPANDED_NODES, YamlBombError, expanded_nodes, load_yaml
from openwatch.scanner.detectors.base import Detection, ScanContext, SourceFile
from openwatch.scanner.detectors.gguf_header import MAX_KV, MAX_STRING, GgufError, GgufHeader, parse_gguf
from openwatch.scanner.detectors.model_files import SafetensorsDetector


@pytest.fixture(scope="module", autouse=True)
def _own_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Catalogs built from fuzzed overlays are cached in a throwaway folder."""
    saved = os.environ.get("OPENWATCH_CACHE")
    os.environ["OPENWATCH_CACHE"] = str(tmp_path_factory.mktemp("cache"))
    yield
    if saved is None:
        os.environ.pop("OPENWATCH_CACHE", None)
    else:
        os.environ["OPENWATCH_CACHE"] = saved


def _folder_with(files: dict[str, str | bytes]) -> tempfile.TemporaryDirectory[str]:
    """A temporary folder holding the given files (Hypothesis runs many examples per test)."""
    folder = tempfile.TemporaryDirectory()
    for relpath, content in files.items():
        path = Path(folder.name, relpath)
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8", errors="surrogatepass")
    return folder


@given(gguf_bytes() | st.binary(max_size=200))
def test_gguf_header(data: bytes) -> None:
    try:
        header = parse_gguf(data)
    except GgufError:
        return
    assert isinstance(header, GgufHeader) and header.kv_count <= MAX_KV
    assert all(key.startswith("general.") for key in header.fields)
    assert all(len(value) <= MAX_STRING for value in header.fields.values() if isinstance(value, str))


@given(safetensors_bytes() | st.binary(max_size=64))
def test_safetensors_header(data: bytes) -> None:
    with _folder_with({"m.safetensors": data}) as folder:
        path = Path(folder, "m.safetensors")
        detection = SafetensorsDetector().detect(SourceFile(path, "m.safetensors"), ScanContext(Path(folder)))
    assert isinstance(detection, Detection)
    assert (detection.problem is None) == bool(detection.references)


@given(FEED_BYTES)
def test_feed(content: bytes) -> None:
    try:
        feed = parse_feed(content)
    except FeedError:
        return
    assert isinstance(feed, ParsedFeed)
    assert all(entry.guid and entry.title and isinstance(entry.summary, str) for entry in feed.entries)


@given(LAB_YAML)
def test_catalog_overlay_file(text: str) -> None:
    with _folder_with({"labs/acme.yaml": text}) as folder:
        problems: list[CatalogProblem] = []
        read = _read(Path(folder, "labs", "acme.yaml"), LabFile, problems)
    assert (read is None) == bool(problems)
    assert all(isinstance(problem, CatalogProblem) for problem in problems)


@settings(max_examples=SLOW_EXAMPLES)
@given(LAB_YAML)
def test_catalog_with_an_overlay(text: str) -> None:
    with _folder_with({"labs/acme.yaml": text}) as folder:
        try:
            catalog = load_catalog([Path(folder)])
        except CatalogError as error:
            assert error.problems
            return
    assert isinstance(catalog, Catalog) and catalog.models


@given(SETTINGS_TEXT)
def test_policy_file(text: str) -> None:
    with _folder_with({"pyproject.toml": text}) as folder:
        try:
            found = load_settings(Path(folder))
        except SettingsError as error:
            assert str(error)
            return
    assert isinstance(found, ProjectSettings)


@given(BASELINE_TEXT)
def test_baseline(text: str) -> None:
    with _folder_with({".openwatch-baseline.yaml": text}) as folder:
        try:
            entries = load_baseline(Path(folder, ".openwatch-baseline.yaml"))
        except BaselineError as error:
            assert str(error).startswith(folder)
            return
    assert all(entry.reason for entry in entries)


@given(YAML_TEXT)
def test_yaml_from_others_is_loaded_or_refused_with_a_yaml_error(text: str) -> None:
    try:
        load_yaml(text)
    except YamlBombError as error:
        assert "nested too deeply" in str(error) or expanded_nodes(text) > MAX_EXPANDED_NODES
    except yaml.YAMLError:
        return


def test_a_billion_laughs_is_refused_before_anything_walks_it() -> None:
    levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    levels += [f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]" for i in range(8)]
    with pytest.raises(YamlBombError, match="aliases would expand to over 1,000,000 nodes"):
        load_yaml("\n".join(levels))
    assert load_yaml("a: &a [1, 2]\nb: *a\n") == {"a": [1, 2], "b": [1, 2]}
