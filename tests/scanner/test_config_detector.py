"""The config detector against labelled fixtures, its file selection, and bad or hostile input."""

from __future__ import annotations

import json
import time

from test_config_support import FIXTURES, detect_folder, detect_text, expected_rows

from openwatch.domain import Use
from openwatch.scanner.detectors.config import ConfigDetector

FOLDER = FIXTURES / "config"


def test_config_fixtures_match_labels_exactly() -> None:
    """Every labelled reference is found and nothing else (precision and recall 1.0)."""
    found, detections = detect_folder(ConfigDetector(), FOLDER)
    assert found == expected_rows(FOLDER)
    assert all(d.problem is None and not d.degraded for d in detections.values())


def test_litellm_alias_is_not_a_reference() -> None:
    """A LiteLLM model_name is the user's alias: only litellm_params.model is reported."""
    text = "model_list:\n  - model_name: gpt-4o\n    litellm_params:\n      model: openai/gpt-4o-mini\n"
    refs = detect_text(ConfigDetector(), "proxy.yaml", text).references
    assert [(r.text, r.line, r.column, r.provider, r.confidence) for r in refs] == [
        ("openai/gpt-4o-mini", 4, 14, "openai", 0.95)
    ]


def test_selects_config_files_and_skips_lock_and_tool_files() -> None:
    """YAML, JSON, TOML and .env files are read; lock files, tsconfig, lint configs and notebooks are not."""
    detector = ConfigDetector()
    accepted = ("a.yaml", "b.yml", "c.json", "pyproject.toml", ".env", ".env.local", "prod.env",
                "deploy/docker-compose.yml", "chart/values.yaml", ".github/workflows/ci.yml")  # fmt: skip
    refused = ("package-lock.json", "poetry.lock", "tsconfig.json", "tsconfig.build.json", ".eslintrc.json",
               "nb.ipynb", "composer.json", "app.py", "README.md")  # fmt: skip
    assert [p for p in accepted if not detector.accepts(p)] == []
    assert [p for p in refused if detector.accepts(p)] == []


def test_invalid_yaml_reports_line_and_falls_back_to_model_keys() -> None:
    """Broken YAML is a problem naming the line; model-specific keys are still read by line (degraded)."""
    text = "base_model: meta-llama/Llama-3.1-8B\nadapter: lora\nbad: [unclosed\nother: x\n"
    detection = detect_text(ConfigDetector(), "train.yml", text)
    assert detection.problem is not None and detection.problem.startswith("invalid YAML at line ")
    assert detection.degraded
    assert [(r.text, r.line, r.use) for r in detection.references] == [
        ("meta-llama/Llama-3.1-8B", 1, Use.FINE_TUNE)
    ]


def test_invalid_json_and_toml_report_their_line() -> None:
    """Broken JSON and TOML name the line of the error and never raise."""
    json_detection = detect_text(ConfigDetector(), "c.json", '{\n  "model": "gpt-4o",\n  oops\n}')
    assert (
        json_detection.problem == "invalid JSON at line 3: Expecting property name enclosed in double quotes"
    )
    assert [(r.text, r.line) for r in json_detection.references] == [("gpt-4o", 2)]
    toml_detection = detect_text(ConfigDetector(), "c.toml", 'model = "gpt-4o"\nx = = 1\n')
    assert toml_detection.problem is not None and toml_detection.problem.startswith("invalid TOML at line 2")


def test_yaml_alias_bomb_stays_small_and_fast() -> None:
    """A billion-laughs document is read without expanding aliases."""
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, 10):
        prev, name = chr(96 + level), chr(97 + level)
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    lines.append("model: gpt-4o-mini")
    start = time.perf_counter()
    detection = detect_text(ConfigDetector(), "bomb.yaml", "\n".join(lines) + "\n")
    assert time.perf_counter() - start < 1.0
    assert [r.text for r in detection.references] == ["gpt-4o-mini"]


def test_large_json_stops_at_budget_and_says_degraded() -> None:
    """A big data file is read up to a node budget, then reported as degraded, not parsed forever."""
    text = json.dumps([{"id": i, "model": "gpt-4o-mini"} for i in range(60_000)])
    detection = detect_text(ConfigDetector(), "data.json", text)
    assert detection.degraded
    assert detection.problem is not None and "stopped" in detection.problem
    assert 0 < len(detection.references) < 60_000


def test_hostile_inputs_never_raise() -> None:
    """Deep nesting, binary junk and empty files give a problem or nothing, never an exception."""
    detector = ConfigDetector()
    deep_json = "[" * 100_000 + "]" * 100_000
    assert detect_text(detector, "deep.json", deep_json).problem is not None
    assert detect_text(detector, "deep.yaml", "[" * 100_000).problem is not None
    assert detect_text(detector, "deep.toml", "a = " + "[" * 5_000 + "]" * 5_000).references == ()
    assert detect_text(detector, "junk.yaml", "\x00\x01\x02 model: \xff\n").references == ()
    assert detect_text(detector, "empty.json", "").problem is not None
    assert detect_text(detector, ".env", "").references == ()
