"""The context layer: whether a reference sits in production code, tests, examples, docs or vendored code."""

from __future__ import annotations

import re
from collections.abc import Iterable

from openwatch.domain import Context

VENDORED_DIRS = frozenset(
    {"node_modules", "bower_components", "vendor", "vendored", "third_party", "third-party", "site-packages",
     ".venv", "venv", "_vendor"}
)  # fmt: skip
TEST_DIRS = frozenset({"tests", "test", "testing", "spec", "specs", "__tests__", "__mocks__", "e2e"})
EXAMPLE_DIRS = frozenset(
    {"examples", "example", "samples", "sample", "demo", "demos", "cookbook", "cookbooks", "notebooks",
     "tutorials", "tutorial", "recipes", "playground"}
)  # fmt: skip
DOCS_DIRS = frozenset({"docs", "doc", "documentation", "website", "site-docs", "mkdocs"})

_TEST_FILE = re.compile(
    r"""^(test_.*\.py|.*_tests?\.py|conftest\.py|.*_test\.go|.*\.(spec|test)\.[cm]?[jt]sx?|.*Tests?\.java
    |.*_spec\.rb)$""",
    re.VERBOSE,
)
_DOCS_SUFFIXES = (".md", ".mdx", ".rst", ".adoc", ".txt", ".markdown", ".rdoc")
_NOT_DOCS_TXT = re.compile(r"^(requirements.*|constraints.*|cmakelists|.*-requirements)\.txt$")
_DOCS_FILES = re.compile(r"^(readme|changelog|changes|history|contributing|mkdocs\.ya?ml)(\..*)?$")
_TEST_CONTENT = re.compile(r"^\s*(import pytest|from pytest |import unittest|from unittest )", re.MULTILINE)


def _dirs(parts: list[str]) -> set[str]:
    """The lower-cased folder names of a path (its file name left out)."""
    return {part.lower() for part in parts[:-1]}


def _is_docs_file(name: str) -> bool:
    """True for prose files: README, CHANGELOG, *.md, *.rst, *.txt (but not requirements files)."""
    lower = name.lower()
    if _DOCS_FILES.match(lower):
        return True
    return lower.endswith(_DOCS_SUFFIXES) and not _NOT_DOCS_TXT.match(lower)


def classify_path(relpath: str) -> Context:
    """The context a path alone implies (vendored, then test, example, docs; else production)."""
    parts = relpath.replace("\\", "/").split("/")
    dirs = _dirs(parts)
    name = parts[-1]
    if dirs & VENDORED_DIRS:
        return Context.VENDORED
    if dirs & TEST_DIRS or _TEST_FILE.match(name):
        return Context.TEST
    if dirs & EXAMPLE_DIRS:
        return Context.EXAMPLE
    if dirs & DOCS_DIRS or _is_docs_file(name):
        return Context.DOCS
    return Context.PRODUCTION


def classify(relpath: str, text: str | None = None) -> Context:
    """The context of a file from its path and, for Python outside any marked folder, its imports."""
    context = classify_path(relpath)
    if (
        context is Context.PRODUCTION
        and text is not None
        and relpath.endswith(".py")
        and _TEST_CONTENT.search(text, 0, 20_000)
    ):
        return Context.TEST
    return context


def parse_contexts(values: Iterable[str]) -> frozenset[Context]:
    """Contexts named by the user (comma-separated or repeated); ValueError names an unknown one."""
    chosen: set[Context] = set()
    for value in values:
        for item in value.split(","):
            word = item.strip().lower()
            if not word:
                continue
            try:
                chosen.add(Context(word))
            except ValueError:
                known = ", ".join(c.value for c in Context)
                raise ValueError(f"unknown context {word!r} (known: {known})") from None
    return frozenset(chosen)
