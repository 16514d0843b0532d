"""Render the digest as an HTML page with Jinja2 (every value escaped)."""

from __future__ import annotations

from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape


def render_digest_html(digest: dict[str, Any]) -> str:
    """The digest as one self-contained HTML page."""
    env = Environment(
        loader=PackageLoader("openwatch.formats", "templates"),
        autoescape=select_autoescape(["html", "j2"], default=True),
        trim_blocks=True,
    )
    return env.get_template("digest.html.j2").render(d=digest)
