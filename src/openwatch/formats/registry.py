"""Which formats exist, which documents each can render, and rendering a document by format name."""

from __future__ import annotations

import importlib
import io
from typing import Any

AUDIT_FORMATS: dict[str, str] = {
    "table": "openwatch.formats.registry:table_text",
    "json": "openwatch.formats.document:json_text",
    "markdown": "openwatch.formats.audit_markdown:render_audit_markdown",
    "html": "openwatch.formats.html_report:render_audit_html",
    "sarif": "openwatch.formats.sarif:render_sarif",
    "cyclonedx": "openwatch.formats.cyclonedx_bom:render_cyclonedx",
    "spdx": "openwatch.formats.spdx3:render_spdx",
    "csv": "openwatch.formats.csv_table:render_csv",
}
"""Format name -> renderer of an audit document (imported only when used)."""

SCAN_FORMATS = ("table", "json", "csv")
"""Formats that need no assessment, and so also render a scan document."""

ORG_FORMATS = ("table", "json")
"""Formats of an organisation's document (several repositories); each repository's renders in any."""

TABLE_WIDTH = 120
"""Width of tables written to files (the terminal's own width is used on screen)."""


class FormatError(ValueError):
    """A format that does not exist, or cannot render this kind of document."""


def table_text(document: dict[str, Any]) -> str:
    """The terminal table of a document, as plain text without colour."""
    from rich.console import Console

    console = Console(file=io.StringIO(), width=TABLE_WIDTH, no_color=True, highlight=False, record=True)
    print_table(document, console)
    text: str = console.export_text()
    return text


def print_table(document: dict[str, Any], console: Any) -> None:
    """Print a document's table on a Rich console (an audit, a scan, or an organisation's)."""
    from openwatch.formats.audit_table import print_audit
    from openwatch.formats.org_table import print_org
    from openwatch.formats.scan_table import print_scan

    printers = {"audit": print_audit, "scan": print_scan}
    printers.get(document["kind"], print_org)(document, console)


def render(document: dict[str, Any], fmt: str) -> str:
    """A scan or audit document rendered in the named format."""
    if fmt not in AUDIT_FORMATS:
        raise FormatError(f"unknown format {fmt!r} (known: {', '.join(AUDIT_FORMATS)})")
    if document["kind"].startswith("org-") and fmt not in ORG_FORMATS:
        raise FormatError(
            f"format {fmt!r} renders one repository; several render as {', '.join(ORG_FORMATS)}"
        )
    if document["kind"] != "audit" and fmt not in SCAN_FORMATS:
        raise FormatError(f"format {fmt!r} needs an audit; a scan renders as {', '.join(SCAN_FORMATS)}")
    module, _, name = AUDIT_FORMATS[fmt].partition(":")
    text: str = getattr(importlib.import_module(module), name)(document)
    return text
