"""The prefilter: aliases send a file to every accepting detector, keywords only to their own."""

from __future__ import annotations

from typing import ClassVar

from openwatch.scanner.detectors.base import Detection, Detector, ScanContext, SourceFile
from openwatch.scanner.prefilter import build_prefilter, cached_prefilter


class _Fake(Detector):
    """A detector that only declares keywords."""

    id: ClassVar[str] = "py"
    keywords: ClassVar[tuple[str, ...]] = ("OpenAI(",)

    def accepts(self, relpath: str) -> bool:
        return True

    def detect(self, file: SourceFile, context: ScanContext) -> Detection:
        return Detection()


class _Other(_Fake):
    id: ClassVar[str] = "js"
    keywords: ClassVar[tuple[str, ...]] = ("require('ai')",)


class _Every(_Fake):
    id: ClassVar[str] = "cfg"
    keywords: ClassVar[tuple[str, ...]] = ()
    needs_every_file: ClassVar[bool] = True


def test_alias_match_wants_every_accepting_detector() -> None:
    pre = build_prefilter(["meta-llama/llama-3.1-8b", "o1"], [_Fake(), _Other()])
    assert pre.wanted_by("x = 'Meta-Llama/Llama-3.1-8B'", ["py", "js"]) == {"py", "js"}


def test_short_aliases_are_not_patterns() -> None:
    pre = build_prefilter(["o1", "phi"], [_Fake()])
    assert pre.patterns == 1
    assert pre.wanted_by("use o1 and phi", ["py"]) == frozenset()


def test_keyword_wants_only_its_detector_case_insensitively() -> None:
    pre = build_prefilter([], [_Fake(), _Other()])
    assert pre.wanted_by("client = openai()", ["py", "js"]) == {"py"}
    assert pre.wanted_by("nothing here", ["py", "js"]) == frozenset()


def test_needs_every_file_bypasses_the_filter() -> None:
    pre = build_prefilter([], [_Fake(), _Every()])
    assert pre.wanted_by("nothing here", ["py", "cfg"]) == {"cfg"}


def test_cached_per_alias_index_object() -> None:
    index = {"alpha-7b-chat": "testlab/alpha-7b"}
    first = cached_prefilter(index, [_Fake()])
    assert cached_prefilter(index, [_Fake()]) is first
    assert cached_prefilter(dict(index), [_Fake()]) is not first


def test_all_letter_aliases_must_stand_as_words() -> None:
    pre = build_prefilter(["xception", "parti", "command"], [_Fake()])
    assert pre.wanted_by("except Exception: partial(x)", ["py"]) == frozenset()
    assert pre.wanted_by("model = Xception(weights=None)", ["py"]) == {"py"}
    assert pre.wanted_by("co.chat(model='command-r')", ["py"]) == {"py"}
    assert pre.wanted_by("run('command3')", ["py"]) == {"py"}
