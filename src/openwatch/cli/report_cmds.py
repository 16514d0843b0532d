"""`openwatch report`: render a saved JSON scan or audit again, in any format, without rescanning."""

from __future__ import annotations

from pathlib import Path

import typer

from openwatch.cli import app
from openwatch.cli.common import fail
from openwatch.cli.output import OutputFormat, OutputOption, check_output, emit, format_option
from openwatch.formats.document import DocumentError, read_document


@app.command("report")
def report_command(
    document_path: Path = typer.Argument(..., help="A JSON file from `audit --format json` (or `scan`)."),
    fmt: OutputFormat = format_option(OutputFormat.TABLE),
    output: Path = OutputOption,
) -> None:
    """Render a saved audit (or scan) in another format; the JSON is checked against its schema first."""
    check_output(output)
    try:
        text = document_path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        fail(f"cannot read {document_path}: {getattr(exc, 'strerror', None) or exc}", 2)
    try:
        document = read_document(text)
    except DocumentError as exc:
        fail(f"{document_path}: {exc}", 2)
    emit(document, fmt.value, output)
