"""HTML: one offline file, charts, a sortable inventory, every model's facts; hostile text inert."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any

from formats_support import EXAMPLE, run

from openwatch.formats.html_report import render_audit_html


class _Tags(HTMLParser):
    """Every start tag with its attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def _tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(html)
    return parser.tags


def test_the_page_is_self_contained(example_audit: dict[str, Any]) -> None:
    html = render_audit_html(example_audit)
    tags = _tags(html)
    assert not [t for t, a in tags if t in ("link", "iframe", "img", "object", "embed")]
    assert not [a for t, a in tags if t == "script" and "src" in a]
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)
    csp = next(
        a["content"] for t, a in tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"
    )
    assert csp is not None and "default-src 'none'" in csp and "script-src 'sha256-" in csp
    assert html.count("<script>") == 1


def test_the_page_shows_verdict_charts_inventory_and_decision_path(example_audit: dict[str, Any]) -> None:
    html = render_audit_html(example_audit)
    assert "The audit passes" in html
    assert html.count("<svg") == 2
    assert 'aria-label="Openness mix"' in html and 'aria-label="Vendor stance over time"' in html
    assert '<table id="inventory" class="sortable">' in html and 'data-filter="inventory"' in html
    assert html.count('<td class="id"><a href="#m') == len(example_audit["models"])
    assert "R1 GPAI model?" in html and "Facts and their sources" in html
    assert "Meta: open-weight from 2018-08-28" in html and "Meta: hybrid from 2026-04 —" in html


def test_hostile_text_is_escaped(hostile_audit: dict[str, Any]) -> None:
    html = render_audit_html(hostile_audit)
    assert "<img" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert not [a for t, a in _tags(html) if any(k.startswith("on") for k in a)]
    assert "\x1b" not in html or "&#" in html  # shown as text, inside an inert page
    assert "javascript:" not in " ".join(str(a.get("href")) for _, a in _tags(html))


def test_two_hundred_models_render(big_audit: dict[str, Any]) -> None:
    html = render_audit_html(big_audit)
    assert html.count('<td class="id"><a href="#m') == len(big_audit["models"])


def test_audit_and_map_write_html_files(tmp_path: Any) -> None:
    report = tmp_path / "report.html"
    code, _ = run("audit", str(EXAMPLE), "-f", "html", "-o", str(report), "--today", "2026-11-29")
    assert code == 0 and report.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    code, html = run("map", "--as-of", "2026-05-01", "--format", "html")
    assert code == 0
    assert "Openness policy map as of 2026-05-01" in html and '<table id="map" class="sortable">' in html
    assert 'aria-label="Stance mix"' in html and "<link" not in html
