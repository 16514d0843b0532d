"""The Markdown detector against labelled fixtures: code blocks only, at their true lines and columns."""

from __future__ import annotations

from test_config_support import FIXTURES, detect_folder, detect_text, expected_rows

from openwatch.scanner.detectors.markdown import MarkdownDetector

FOLDER = FIXTURES / "markdown"


def test_markdown_fixtures_match_labels_exactly() -> None:
    """Every labelled reference is found and nothing else (precision and recall 1.0), Python included."""
    found, detections = detect_folder(MarkdownDetector(), FOLDER)
    assert found == expected_rows(FOLDER)
    assert all(r.detector == "markdown" for d in detections.values() for r in d.references)


def test_selects_markdown_and_rst() -> None:
    """Markdown, MDX and reStructuredText are read; other files are not."""
    detector = MarkdownDetector()
    assert all(detector.accepts(p) for p in ("README.md", "docs/a.mdx", "guide.rst", "NOTES.markdown"))
    assert not any(detector.accepts(p) for p in ("a.txt", "a.py", "md.json"))


def test_prose_and_unlabelled_blocks_are_not_references() -> None:
    """Model names in prose, inline code and blocks without a language are ignored."""
    text = "Use `ollama run llama3` or gpt-4o.\n\n```\nollama pull llama3.1:8b\n```\n"
    assert detect_text(MarkdownDetector(), "README.md", text).references == ()


def test_unclosed_fence_and_broken_snippets_do_not_fail_the_file() -> None:
    """An unclosed fence runs to the end; a broken YAML snippet gives no problem for the whole file."""
    text = "```yaml\nmodel: [broken\n```\n\n```sh\nollama run phi3:mini\n"
    detection = detect_text(MarkdownDetector(), "README.md", text)
    assert detection.problem is None
    assert [(r.text, r.line, r.column) for r in detection.references] == [("phi3:mini", 6, 12)]


def test_pycon_prompts_are_stripped_with_columns_kept() -> None:
    """Interpreter sessions are read without their `>>> ` prompts, columns still match the file."""
    text = (
        "```pycon\n>>> from openai import OpenAI\n"
        '>>> OpenAI().embeddings.create(model="text-embedding-3-small", input="x")\n[...]\n```\n'
    )
    refs = detect_text(MarkdownDetector(), "README.md", text).references
    assert [(r.text, r.line, r.use.value) for r in refs] == [("text-embedding-3-small", 3, "embedding")]
    assert refs[0].column == text.split("\n")[2].index('"text-embedding') + 1
