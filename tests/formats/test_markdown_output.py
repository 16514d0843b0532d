"""Markdown for pull-request comments: verdict first, a table per severity, under 65,536 characters."""

from __future__ import annotations

import re
from typing import Any

from formats_support import HOSTILE_TEXTS

from openwatch.formats.audit_markdown import LIMIT, render_audit_markdown


def test_verdict_comes_first_then_a_table_per_severity(example_audit: dict[str, Any]) -> None:
    text = render_audit_markdown(example_audit)
    lines = text.splitlines()
    assert lines[0] == "## ✅ openwatch: the audit passes"
    assert lines[2].startswith("**4 models**")
    headings = [line for line in lines if line.startswith("### ")]
    assert headings == ["### Medium (6)", "### Low (6)", "### Info (3)"]
    assert "| mistral/mistral-7b-instruct-v0.3 | euaiact.gpai | assistant/offline.py:10 |" in text


def test_a_failing_audit_says_so_first(example_audit: dict[str, Any]) -> None:
    failing = dict(
        example_audit, verdict={"passed": False, "exit_code": 1, "fail_on": "medium", "blocking": 6}
    )
    first = render_audit_markdown(failing).splitlines()[0]
    assert first == "## ❌ openwatch: the audit fails (6 blocking findings)"


def test_two_hundred_models_fit_a_comment_and_say_what_was_cut(big_audit: dict[str, Any]) -> None:
    text = render_audit_markdown(big_audit)
    assert len(text) < LIMIT
    assert text.startswith("## ")
    assert f"**{len(big_audit['models'])} models**" in text
    assert "rows were cut to fit a comment" in text
    assert "not shown: the comment would pass its size limit" in text


def test_hostile_text_is_shown_not_run(hostile_audit: dict[str, Any]) -> None:
    text = render_audit_markdown(hostile_audit)
    assert not re.search(r"(?<!\\)<img", text) and "\\<img src=x onerror=alert(1)\\>" in text
    assert not re.search(r"(?<!\\)\]\(javascript:", text) and "\\](javascript:alert(1))" in text
    assert "\x1b" not in text and "\x07" not in text and "\\x1b[31mred" not in text
    assert HOSTILE_TEXTS[2] not in text
    assert r"evil\\x1b\[31mred\\x1b\]0;pwned\\x07" in text  # shows as evil\x1b[31mred\x1b]0;pwned\x07
