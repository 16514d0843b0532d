"""Command-line interface: this package is the only code that parses arguments and prints."""

from __future__ import annotations

import errno
import importlib
import os
import signal
import sys

import typer

from openwatch import __version__

app = typer.Typer(
    help="Which AI models your code depends on, how open they are, and what follows.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)

COMMAND_MODULES: dict[str, tuple[str, ...]] = {
    "audit": ("audit_cmds",),
    "baseline": ("audit_cmds",),
    "scan": ("scan_cmds",),
    "report": ("report_cmds",),
    "explain": ("explain_cmds",),
    "resolve": ("resolve_cmds",),
    "catalog": ("catalog_import_cmds", "catalog_validate_cmds", "resolve_cmds"),
    **{name: ("catalog_cmds",) for name in ("models", "model", "labs", "licences")},
    "timeline": ("stance_cmds",),
    "map": ("stance_cmds",),
    **{name: ("history_cmds",) for name in ("history", "diff")},
    "events": ("events_cmds",),
    "feeds": ("feeds_cmds",),
    "triage": ("feeds_cmds",),
    **{name: ("intel_cmds",) for name in ("impact", "digest")},
    "serve": ("serve_cmds",),
}
"""Which modules define each command, so a run imports only what it needs (start-up time matters to scans)."""


def _version(value: bool) -> None:
    if value:
        typer.echo(f"openwatch {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """openwatch: which AI models your code depends on, how open they are, and what follows."""


def _register(argv: list[str]) -> None:
    """Import the command modules the invoked command needs, or all of them for help and unknown names."""
    name = next((arg for arg in argv if not arg.startswith("-")), None)
    modules = COMMAND_MODULES.get(name) if name else None
    if modules is None:
        importlib.import_module("openwatch.cli.commands")
        return
    for module in modules:
        importlib.import_module(f"openwatch.cli.{module}")


CRASH_EXIT = 3
"""Exit code of an internal error, distinct from a failed audit (1) and a usage error (2)."""
INTERRUPTED_EXIT = 130
"""Exit code after Ctrl-C (128 + SIGINT, as shells report it)."""
OUTPUT_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO, errno.EPIPE})
"""Errors of writing that are the environment's (a full disk, a closed pipe), not openwatch's bugs."""


class Interrupted(BaseException):
    """Ctrl-C: raised by the SIGINT handler, past every `except` of the commands and of Click."""


def _interrupt(_signum: int, _frame: object) -> None:
    """The SIGINT handler: stop the command where it is (transactions roll back, files are not replaced)."""
    raise Interrupted


def main() -> None:
    """Entry point of the console script; an unexpected error is one line on stderr and exit code 3, Ctrl-C
    one line and exit code 130."""
    _register(sys.argv[1:])
    if signal.getsignal(signal.SIGINT) is not signal.SIG_IGN:  # a background job keeps ignoring it
        signal.signal(signal.SIGINT, _interrupt)
    try:
        app()
    except Interrupted:
        sys.stderr.write("openwatch: interrupted; stopped before finishing (earlier records are kept)\n")
        sys.exit(INTERRUPTED_EXIT)
    except Exception as exc:
        if os.environ.get("OPENWATCH_DEBUG"):
            raise
        if isinstance(exc, OSError) and exc.errno in OUTPUT_ERRNOS:  # the terminal or pipe printed to
            from openwatch.cli.output import silence_stdout

            silence_stdout()
            sys.stderr.write(f"openwatch: cannot write the output: {exc.strerror}\n")
            sys.exit(2)
        from openwatch.formats.text import printable

        what = f"{type(exc).__name__}: {printable(exc)}"
        sys.stderr.write(f"openwatch: internal error: {what} (a bug; OPENWATCH_DEBUG=1 shows a traceback)\n")
        sys.exit(CRASH_EXIT)
