"""The context layer: tests, examples, docs, vendored, production — from path and content."""

from __future__ import annotations

import pytest

from openwatch.domain import Context
from openwatch.scanner.context import classify, parse_contexts


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("src/app/main.py", Context.PRODUCTION),
        ("tests/test_x.py", Context.TEST),
        ("pkg/test_models.py", Context.TEST),
        ("pkg/models_test.py", Context.TEST),
        ("conftest.py", Context.TEST),
        ("spec/chat_spec.rb", Context.TEST),
        ("web/__tests__/chat.js", Context.TEST),
        ("web/chat.spec.ts", Context.TEST),
        ("examples/quickstart.py", Context.EXAMPLE),
        ("cookbook/rag.ipynb", Context.EXAMPLE),
        ("notebooks/eval.ipynb", Context.EXAMPLE),
        ("demo/app.py", Context.EXAMPLE),
        ("docs/index.md", Context.DOCS),
        ("README.md", Context.DOCS),
        ("guide.rst", Context.DOCS),
        ("mkdocs.yml", Context.DOCS),
        ("notes.txt", Context.DOCS),
        ("requirements.txt", Context.PRODUCTION),
        ("node_modules/x/index.js", Context.VENDORED),
        ("third_party/lib/tests/test_a.py", Context.VENDORED),
        ("examples/tests/test_a.py", Context.TEST),
    ],
)
def test_path_context(path: str, expected: Context) -> None:
    assert classify(path) is expected


def test_pytest_import_marks_a_test_module() -> None:
    assert classify("checks/accuracy.py", "import pytest\n\nMODEL = 'x'\n") is Context.TEST
    assert classify("app/accuracy.py", "import json\n") is Context.PRODUCTION


def test_parse_contexts() -> None:
    assert parse_contexts(["production,test", "docs"]) == {Context.PRODUCTION, Context.TEST, Context.DOCS}
    with pytest.raises(ValueError, match="unknown context 'prod'"):
        parse_contexts(["prod"])
