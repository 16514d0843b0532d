"""The JavaScript/TypeScript detector against labelled fixtures, and hostile input."""

from __future__ import annotations

from test_config_support import FIXTURES, detect_folder, detect_text, expected_rows

from openwatch.scanner.detectors.javascript import JavaScriptDetector

FOLDER = FIXTURES / "js"


def test_js_fixtures_match_labels_exactly() -> None:
    """Every labelled reference is found and nothing else (precision and recall 1.0)."""
    found, detections = detect_folder(JavaScriptDetector(), FOLDER)
    assert found == expected_rows(FOLDER)
    assert all(d.problem is None for d in detections.values())


def test_selects_sources_not_bundles() -> None:
    """JS and TS sources are read; minified bundles and type declarations are not."""
    detector = JavaScriptDetector()
    for relpath in ("a.js", "b.mjs", "c.cjs", "d.ts", "e.tsx", "f.jsx"):
        assert detector.accepts(relpath), relpath
    for relpath in ("vendor.min.js", "types.d.ts", "a.py", "a.json"):
        assert not detector.accepts(relpath), relpath


def test_long_lines_are_skipped_and_reported_degraded() -> None:
    """A minified line over 20 000 characters is skipped; the rest of the file is still read."""
    text = (
        "var x="
        + "1+" * 15_000
        + "1;\n"
        + 'const r = anthropic.messages.create({ model: "claude-3-opus-20240229" });\n'
    )
    detection = detect_text(JavaScriptDetector(), "app.js", text)
    assert detection.degraded and detection.problem == "skipped 1 line(s) longer than 20000 characters"
    assert [(r.text, r.line) for r in detection.references] == [("claude-3-opus-20240229", 2)]


def test_strings_in_comments_templates_and_regexes_are_not_calls() -> None:
    """Calls written inside comments, template text or regex literals are not detected."""
    text = (
        '/* openai("gpt-4o") */ // anthropic("claude-3-opus-20240229")\n'
        'const t = `openai("gpt-4o") ${ x } mistral("mistral-large-2407")`;\n'
        'const re = /openai\\("gpt-4o"\\)/;\n'
        'const real = t ? openai("gpt-4.1") : null;\n'
    )
    refs = detect_text(JavaScriptDetector(), "a.js", text).references
    assert [(r.text, r.line, r.column, r.provider) for r in refs] == [("gpt-4.1", 4, 26, "openai")]


def test_hostile_inputs_never_raise() -> None:
    """Unclosed brackets, strings, templates and comments give no references and no exception."""
    detector = JavaScriptDetector()
    for text in (
        "openai(",
        'f("unterminated',
        "`${ `${ `",
        "/* never closed",
        "a = /[/",
        ")]}" * 1000,
        "(" * 50_000,
    ):
        assert detect_text(detector, "x.ts", text).references == ()
