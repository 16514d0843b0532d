"""Shared output plumbing of scan, audit and report: format names, `-f/--format`, writing `-o FILE`."""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Any

import typer

from openwatch.cli.common import console, fail
from openwatch.files import replace_file
from openwatch.formats.registry import FormatError, render


class OutputFormat(StrEnum):
    """Every output format of `audit` and `report`."""

    TABLE = "table"
    JSON = "json"
    MARKDOWN = "markdown"
    HTML = "html"
    SARIF = "sarif"
    CYCLONEDX = "cyclonedx"
    SPDX = "spdx"
    CSV = "csv"


class ScanFormat(StrEnum):
    """The output formats of `scan` (those that need no assessment)."""

    TABLE = "table"
    JSON = "json"
    CSV = "csv"


def format_option(default: StrEnum) -> Any:
    """The `-f/--format` option."""
    return typer.Option(default, "-f", "--format", help="Output format.")


OutputOption: Any = typer.Option(
    None, "-o", "--output", help="Write the report to this file (its folder must exist)."
)


def check_output(output: Path | None) -> None:
    """Exit 2 before any work if the output file cannot be written where asked."""
    if output is None:
        return
    if output.is_dir():
        fail(f"-o {output}: is a folder; give a file name", 2)
    if not output.parent.is_dir():
        fail(f"-o {output}: folder {output.parent} does not exist", 2)


def emit(document: dict[str, Any], fmt: str, output: Path | None) -> None:
    """Render a document and print it, or write it to `output` (the table prints in colour on screen)."""
    if fmt == "table" and output is None:
        from openwatch.formats.registry import print_table

        print_table(document, console)
        return
    try:
        text = render(document, fmt)
    except FormatError as exc:
        fail(str(exc), 2)
    write_or_print(text, output)


def write_or_print(text: str, output: Path | None) -> None:
    """Print rendered text, or write it to `output`; a write that fails is a one-line error, exit 2."""
    if output is None:
        print_text(text)
    else:
        write_output(output, text)


def write_output(output: Path, text: str) -> None:
    """Write a report file whole (files.replace_file), or exit 2 saying why not; the old file is kept."""
    try:
        replace_file(output, text)
    except OSError as exc:
        fail(f"cannot write {output}: {exc.strerror or exc}", 2)


def print_text(text: str) -> None:
    """Print a report on stdout, or exit 2 saying why it could not be written (a full disk, a closed pipe)."""
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except OSError as exc:
        silence_stdout()
        fail(f"cannot write the report to standard output: {exc.strerror or exc}", 2)


def silence_stdout() -> None:
    """Point stdout at /dev/null, so what is still buffered for a broken stdout is not flushed at exit."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        return
    finally:
        os.close(devnull)
