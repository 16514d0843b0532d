"""The hostile corpus (tests/hostile/hostile_corpus.py) scanned by the real CLI: it finishes, within a memory
bound, reports every bad file with its reason (the per-file budget fired for the slow ones), and touches
nothing: no canary file, no connection to the canary port, the tree and HOME unchanged but for openwatch's
own cache and data folders."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hostile_corpus import build, write_acting_files
from sandbox import canary, connection_attempted, fake_home, outside_own_folders, run, snapshot

MEMORY_BOUND_MB = 700
"""Peak resident memory of the scan and its workers: the files' budget (300 MB here) plus the interpreter,
the catalog and the walk of 100,000 files (measured: about 350 MB)."""
HANG_GUARD_SECONDS = 900
"""Not a speed test: a scan still running after this is a hang (measured: under 30 s on a busy laptop)."""
BUDGET = ["--max-file-seconds", "0.2", "--max-file-mb", "300"]
"""Small per-file budgets, so that the corpus's big files show the budget firing."""


@pytest.fixture(scope="module")
def scanned(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Build the corpus, scan it once, and keep what the checks need."""
    base = tmp_path_factory.mktemp("hostile")
    home, work, logs, tree = base / "home", base / "work", base / "logs", base / "tree"
    work.mkdir()
    with canary(base) as (target, listener):
        bad = build(tree, target)
        env = fake_home(home)
        before = snapshot(tree), snapshot(home)
        result = run(["scan", str(tree), "-f", "json", "-o", str(logs / "scan.json"), "-q", *BUDGET],
                     env, work, logs, HANG_GUARD_SECONDS)  # fmt: skip
        return {
            "bad": bad, "run": result, "canary": target.file, "connected": connection_attempted(listener),
            "tree": (before[0], snapshot(tree)), "home": (before[1], outside_own_folders(snapshot(home))),
            "work": list(work.iterdir()), "home_dir": home,
            "document": json.loads((logs / "scan.json").read_text()) if result.code == 0 else {},
        }  # fmt: skip


def test_the_scan_finishes_within_the_memory_bound(scanned: dict[str, Any]) -> None:
    result = scanned["run"]
    assert result.code == 0, result.stderr
    assert result.peak_mb < MEMORY_BOUND_MB
    assert scanned["document"]["stats"]["files_seen"] > 100_000


def test_every_bad_file_is_reported_with_its_reason(scanned: dict[str, Any]) -> None:
    skipped = {entry["path"]: entry["reason"] for entry in scanned["document"]["skipped"]}
    for path, pattern in scanned["bad"].items():
        assert path in skipped, f"{path} was not reported"
        assert re.search(pattern, skipped[path]), f"{path}: {skipped[path]!r} does not say {pattern!r}"
    unexpected = {
        p: r for p, r in skipped.items() if p not in scanned["bad"] and "over the time budget" not in r
    }
    assert unexpected == {}


def test_the_budget_stopped_the_slow_file_and_the_scan_went_on(scanned: dict[str, Any]) -> None:
    document = scanned["document"]
    assert document["stats"]["files_over_budget"] >= 1
    found = {(r["path"], r["line"]) for m in document["models"] for r in m["references"]}
    assert ("enc/crlf.py", 3) in found  # files after the slow one were still scanned
    assert ("enc/utf16_no_bom.py", 2) in found
    assert ("config/bomb.yaml", 11) in found  # the bomb is read unexpanded, its model kept
    assert ("names/new\nline.py", 1) in found and ("names/esc\x1b[31mred\x1b]0;title\x07.py", 1) in found


def test_nothing_ran_and_nothing_was_contacted(scanned: dict[str, Any]) -> None:
    assert not scanned["canary"].exists(), "a hostile file was run, imported or unpickled"
    assert not scanned["connected"], "something connected to the canary port"


def test_the_canaries_would_catch_a_file_that_ran(tmp_path: Path) -> None:
    """The checks above can fail: running one hostile file, or unpickling one, trips both canaries."""
    with canary(tmp_path) as (target, listener):
        write_acting_files(tmp_path / "tree", target)
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin")}
        subprocess.run(
            [sys.executable, "app/acts_if_imported.py"], cwd=tmp_path / "tree", env=env, check=False
        )
        assert target.file.exists() and connection_attempted(listener)
        target.file.unlink()
        unpickle = "import pickle, sys; pickle.load(open(sys.argv[1], 'rb'))"
        subprocess.run(
            [sys.executable, "-c", unpickle, "models/model.pkl"], cwd=tmp_path / "tree", check=False
        )
        assert target.file.exists()


def test_nothing_changed_outside_openwatch_own_folders(scanned: dict[str, Any]) -> None:
    before, after = scanned["tree"]
    assert before == after
    before, after = scanned["home"]
    assert before == after
    assert scanned["work"] == []  # nothing written in the working folder


def test_file_names_with_escapes_are_printed_inert(tmp_path: Path) -> None:
    home, tree = tmp_path / "home", tmp_path / "tree"
    names = tree / "names"
    names.mkdir(parents=True)
    (names / "esc\x1b[2Jred.py").write_text("model = 'gpt-4o'\n")
    (names / "new\nline.py").write_text("model = 'gpt-4o'\n")
    env = {**fake_home(home), "COLUMNS": "250"}  # wide enough that no path is wrapped
    result = run(["scan", str(tree)], env, tmp_path, tmp_path / "logs", 120)
    assert result.code == 0, result.stderr
    assert "\x1b" not in result.stdout
    assert "esc\\x1b[2Jred.py" in result.stdout and "new\\nline.py" in result.stdout
