"""Command-line interface: this package is the only code that parses arguments and prints."""

from __future__ import annotations

import typer

app = typer.Typer(
    help="Which AI models your code depends on, how open they are, and what follows.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)


def main() -> None:
    """Entry point of the console script."""
    from openwatch.cli import commands  # noqa: F401  (registers the commands)

    app()
