"""`openwatch scan` finds the same models however the paths are given, and keeps files real projects have."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from test_run_support import FIXTURES
from typer.testing import CliRunner

import openwatch.cli.commands  # noqa: F401  (registers the commands)
from openwatch.cli import app

runner = CliRunner()
Row = tuple[str, str, int, str]
FILES = [
    "app/chat.py",
    "app/embed.py",
    "app/settings.py",
    "jobs/summarise.py",
    ".env",
    "notebooks/explore.ipynb",
]


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The fixture project copied into tmp_path, which is the working folder."""
    root = tmp_path / "project"
    shutil.copytree(FIXTURES / "project", root)
    monkeypatch.chdir(root)
    return root


def _scan(*paths: str) -> dict[str, Any]:
    """`openwatch scan PATHS --format json` as printed."""
    result = runner.invoke(app, ["scan", *paths, "--format", "json"])
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def _rows(data: dict[str, Any]) -> list[Row]:
    """(path, text, line, model id) of every reference, resolved or not."""
    rows = [(r["path"], r["text"], r["line"], m["id"]) for m in data["models"] for r in m["references"]]
    rows += [(r["path"], r["text"], r["line"], "") for r in data["unresolved"]]
    return sorted(rows)


FOLDER_ROWS = [
    (".env", "gpt-4.1-mini", 3, "openai/gpt-4.1-mini"),
    ("app/chat.py", "gpt-4o-mini", 12, "openai/gpt-4o-mini"),
    ("app/embed.py", "text-embedding-3-small", 12, "openai/text-embedding-3-small"),
    ("app/settings.py", "gpt-4o-mini", 3, "openai/gpt-4o-mini"),
    ("app/settings.py", "text-embedding-3-small", 4, "openai/text-embedding-3-small"),
    ("jobs/summarise.py", "gpt-4o-mini", 12, "openai/gpt-4o-mini"),
    ("notebooks/explore.ipynb", "gpt-4o", 4, "openai/gpt-4o"),
]


def test_the_folder_scan_follows_imports_and_reports_the_settings_module(project: Path) -> None:
    assert _rows(_scan(".")) == FOLDER_ROWS


@pytest.mark.parametrize(
    "paths",
    [
        ["app", "jobs", "notebooks", ".env"],
        FILES,
        [".", "."],
        [".", "app", "app/chat.py"],
        ["app", "app", *FILES],
    ],
    ids=["folders", "file-names", "same-path-twice", "nested-paths", "folders-and-files"],
)
def test_several_paths_give_the_folder_scans_results(project: Path, paths: list[str]) -> None:
    """Folders, file names as pre-commit passes them, repeated and nested paths: the same references."""
    assert _rows(_scan(*paths)) == FOLDER_ROWS


def test_a_file_given_twice_is_read_once(project: Path) -> None:
    assert _scan(".", ".", "app")["stats"]["files_seen"] == _scan(".")["stats"]["files_seen"] == 7


def test_absolute_paths_are_shown_relative_to_the_folder_they_share(project: Path) -> None:
    assert _rows(_scan(str(project / "app"), str(project / "jobs"))) == [
        row for row in FOLDER_ROWS if row[0].startswith(("app/", "jobs/"))
    ]


def test_one_file_still_follows_its_imports(project: Path) -> None:
    assert _rows(_scan("app/chat.py")) == [("app/chat.py", "gpt-4o-mini", 12, "openai/gpt-4o-mini")]


def test_file_names_given_inside_a_package_follow_relative_imports(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project / "app")
    assert _rows(_scan("embed.py", "settings.py")) == [
        ("embed.py", "text-embedding-3-small", 12, "openai/text-embedding-3-small"),
        ("settings.py", "gpt-4o-mini", 3, "openai/gpt-4o-mini"),
        ("settings.py", "text-embedding-3-small", 4, "openai/text-embedding-3-small"),
    ]


def test_an_env_file_with_empty_values_is_read(project: Path) -> None:
    """`KEY=` lines (an unset key) are skipped; the file's other model settings are still found."""
    data = _scan(".env")
    assert _rows(data) == [(".env", "gpt-4.1-mini", 3, "openai/gpt-4.1-mini")]
    assert data["skipped"] == []


def test_a_notebook_with_an_over_long_output_line_keeps_its_code_cells(project: Path) -> None:
    """A plot saved in the notebook is one long JSON line: the notebook is still read, its code cells kept."""
    path = project / "notebooks" / "explore.ipynb"
    notebook = json.loads(path.read_text(encoding="utf-8"))
    notebook["cells"][1]["outputs"][0]["data"]["image/png"] = "iVBORw0KGgo" * 20_000
    path.write_text(json.dumps(notebook), encoding="utf-8")  # one line of 220,000+ characters
    data = _scan("notebooks/explore.ipynb")
    assert _rows(data) == [("notebooks/explore.ipynb", "gpt-4o", 4, "openai/gpt-4o")]
    assert data["skipped"] == []


def test_an_over_long_line_in_a_code_cell_is_cut_and_reported(project: Path) -> None:
    path = project / "notebooks" / "explore.ipynb"
    notebook = json.loads(path.read_text(encoding="utf-8"))
    notebook["cells"][1]["source"].append("DATA = '" + "x" * 120_000 + "'\n")
    path.write_text(json.dumps(notebook), encoding="utf-8")
    data = _scan("notebooks/explore.ipynb")
    assert _rows(data) == [("notebooks/explore.ipynb", "gpt-4o", 4, "openai/gpt-4o")]
    assert data["skipped"] == [
        {
            "path": "notebooks/explore.ipynb",
            "reason": "cell 2: 1 line(s) over 100,000 characters not scanned",
            "degraded": True,
        }
    ]
