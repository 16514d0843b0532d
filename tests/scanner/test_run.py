"""Orchestration: detectors run on the files they accept, context set, problems kept, stats counted."""

from __future__ import annotations

import dataclasses
import os
import shutil
from pathlib import Path
from typing import ClassVar

import pytest
from test_run_support import FIXTURES, WordDetector, gguf_bytes, make_catalog

from openwatch.domain import Context, Reference, Skipped
from openwatch.scanner import dispatch
from openwatch.scanner.detectors.base import Detection, Detector, ScanContext, SourceFile
from openwatch.scanner.detectors.model_files import GgufDetector
from openwatch.scanner.run import ScanOptions, scan

CATALOG = make_catalog()
OPTIONS = ScanOptions(detectors=(WordDetector(), GgufDetector()))


def _repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    shutil.copytree(FIXTURES / "repo-basic", root)
    return root


def _found(refs: tuple[Reference, ...]) -> list[tuple[str, int, int, str, str]]:
    return [(r.path, r.line, r.column, r.text, r.context.value) for r in refs]


def test_scan_fixture_repo(tmp_path: Path) -> None:
    result = scan([_repo(tmp_path)], OPTIONS, CATALOG)
    assert _found(result.references) == [
        ("app/main.py", 7, 19, "testlab/Alpha-7B", "production"),
        ("app/main.py", 8, 20, "mystery-model-9000", "production"),
        ("app/markup.py", 3, 16, "[red]evil[/red]-model", "production"),
        ("docs/guide.md", 3, 14, "testlab/Alpha-7B", "docs"),
        ("examples/demo.py", 3, 14, "alpha-7b-chat", "example"),
        ("tests/check_main.py", 5, 19, "alpha-7b-chat", "test"),
    ]
    assert result.skipped == ()
    stats = result.stats
    assert (stats["files_seen"], stats["files_parsed"], stats["files_prefiltered_out"]) == (7, 5, 2)
    assert stats["references"] == 6 and stats["bytes"] > 0 and stats["seconds"] >= 0


def test_context_filter_keeps_only_asked_contexts(tmp_path: Path) -> None:
    options = ScanOptions(detectors=OPTIONS.detectors, contexts=frozenset({Context.TEST, Context.EXAMPLE}))
    result = scan([_repo(tmp_path)], options, CATALOG)
    assert [r.path for r in result.references] == ["examples/demo.py", "tests/check_main.py"]


def test_explicitly_included_vendored_code_is_vendored(tmp_path: Path) -> None:
    options = ScanOptions(detectors=OPTIONS.detectors, include=("vendor/**",))
    result = scan([_repo(tmp_path)], options, CATALOG)
    assert _found(result.references) == [("vendor/lib/shim.py", 3, 18, "alpha-7b-chat", "vendored")]


def test_several_roots_are_shown_relative_to_the_folder_they_share(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    result = scan([repo / "app", repo / "examples" / "demo.py"], OPTIONS, CATALOG)
    paths = sorted({r.path for r in result.references})
    assert paths == ["app/main.py", "app/markup.py", "examples/demo.py"]
    assert {r.context for r in result.references if r.path.endswith("demo.py")} == {Context.EXAMPLE}


class _Flaky(Detector):
    """Finds one reference and reports a degraded problem; crashes on files named boom.py."""

    id: ClassVar[str] = "flaky"
    keywords: ClassVar[tuple[str, ...]] = ("model(",)

    def accepts(self, relpath: str) -> bool:
        return relpath.endswith(".py")

    def detect(self, file: SourceFile, context: ScanContext) -> Detection:
        if file.relpath.endswith("boom.py"):
            raise RecursionError("maximum recursion depth exceeded")
        ref = Reference("alpha-7b-chat", file.relpath, 1, 1, self.id, 0.5)
        return Detection((ref,), problem="syntax error at line 2; read with regex", degraded=True)


def test_degraded_problem_keeps_references_and_crash_is_reported(tmp_path: Path) -> None:
    (tmp_path / "ok.py").write_text("MODEL('x')\n", encoding="utf-8")
    (tmp_path / "boom.py").write_text("MODEL('x')\n", encoding="utf-8")
    result = scan([tmp_path], ScanOptions(detectors=(_Flaky(),)), CATALOG)
    assert _found(result.references) == [("ok.py", 1, 1, "alpha-7b-chat", "production")]
    assert result.skipped == (
        Skipped("boom.py", "flaky detector failed: RecursionError: maximum recursion depth exceeded"),
        Skipped("ok.py", "syntax error at line 2; read with regex", degraded=True),
    )


class _Everything(WordDetector):
    """Like WordDetector but wants every file it accepts."""

    id: ClassVar[str] = "every"
    keywords: ClassVar[tuple[str, ...]] = ()
    needs_every_file: ClassVar[bool] = True


def test_prefilter_keeps_files_out_unless_a_detector_needs_every_file(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text("print('hello')\n", encoding="utf-8")
    assert (
        scan([tmp_path], ScanOptions(detectors=(WordDetector(),)), CATALOG).stats["files_prefiltered_out"]
        == 1
    )
    stats = scan([tmp_path], ScanOptions(detectors=(_Everything(),)), CATALOG).stats
    assert (stats["files_prefiltered_out"], stats["files_parsed"]) == (0, 1)


def test_catalog_alias_alone_passes_the_prefilter(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text("NAME = 'alpha-7b-chat'\n", encoding="utf-8")
    stats = scan([tmp_path], ScanOptions(detectors=(WordDetector(),)), CATALOG).stats
    assert (stats["files_prefiltered_out"], stats["files_parsed"]) == (0, 1)


def test_hub_cache_and_model_files(tmp_path: Path) -> None:
    blob_dir = tmp_path / "hub" / "models--testlab--Alpha-7B" / "blobs"
    blob_dir.mkdir(parents=True)
    (blob_dir / "deadbeef").write_bytes(b"\0" * 100)
    (tmp_path / "alpha.gguf").write_bytes(gguf_bytes({"general.name": "Alpha 7B Instruct"}))
    result = scan([tmp_path], OPTIONS, CATALOG)
    found = [(r.path, r.text, r.detector, r.use.value) for r in result.references]
    assert found == [
        ("alpha.gguf", "Alpha 7B Instruct", "gguf", "inference"),
        ("hub/models--testlab--Alpha-7B", "testlab/Alpha-7B", "hf-cache", "download"),
    ]


def test_same_place_found_twice_is_one_reference(tmp_path: Path) -> None:
    class _Twin(WordDetector):
        id: ClassVar[str] = "twin"

    (tmp_path / "a.py").write_text("MODEL('alpha-7b-chat')\n", encoding="utf-8")
    result = scan([tmp_path], ScanOptions(detectors=(WordDetector(), _Twin())), CATALOG)
    assert len(result.references) == 1


def test_worker_processes_give_the_same_result(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = _repo(tmp_path)
    monkeypatch.setattr(dispatch, "PARALLEL_AFTER", 2)
    monkeypatch.setattr(dispatch, "BATCH", 1)
    serial = scan([repo], dataclasses.replace(OPTIONS, jobs=1), CATALOG)
    forked = scan([repo], dataclasses.replace(OPTIONS, jobs=2), CATALOG)
    assert forked.references == serial.references
    assert forked.skipped == serial.skipped
    assert {k: v for k, v in forked.stats.items() if k != "seconds"} == {
        k: v for k, v in serial.stats.items() if k != "seconds"
    }


_MAIN_PID = os.getpid()


class _DiesInWorker(WordDetector):
    """Kills its own process on die.py, but only inside a worker (never the test process)."""

    id: ClassVar[str] = "dies"

    def detect(self, file: SourceFile, context: ScanContext) -> Detection:
        if file.relpath.endswith("die.py") and os.getpid() != _MAIN_PID:
            os._exit(3)
        return super().detect(file, context)


def test_a_dead_worker_loses_only_its_files_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("a.py", "b.py", "z/die.py", "z/ok.py"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("MODEL('alpha-7b-chat')\n", encoding="utf-8")
    monkeypatch.setattr(dispatch, "PARALLEL_AFTER", 2)
    monkeypatch.setattr(dispatch, "BATCH", 1)
    result = scan([tmp_path], ScanOptions(detectors=(_DiesInWorker(),), jobs=2), CATALOG)
    skipped = {s.path: s.reason for s in result.skipped}
    assert skipped["z/die.py"] == "scan worker failed: BrokenProcessPool"
    found = {r.path for r in result.references}
    assert {"a.py", "b.py"} <= found
    assert found | set(skipped) == {"a.py", "b.py", "z/die.py", "z/ok.py"}
