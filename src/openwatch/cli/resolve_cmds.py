"""`openwatch resolve` (the model a text names) and `openwatch catalog unmapped` (LiteLLM ids left over)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer
from rich.markup import escape
from rich.table import Table

from openwatch.catalog.importers.common import ImporterInputError, default_data_dir
from openwatch.catalog.importers.litellm import AUDIO_MODES, CHAT_MODES, read_model_map
from openwatch.catalog.litellm_coverage import UnmappedFileError, coverage, load_unmapped
from openwatch.catalog.load import Catalog
from openwatch.catalog.resolve import Resolver
from openwatch.cli import app
from openwatch.cli.catalog_import_cmds import catalog_app
from openwatch.cli.common import CatalogOption, TableOrJson, console, fail, open_catalog, print_json
from openwatch.domain import Resolution
from openwatch.formats.text import terminal_safe


def resolution_view(resolution: Resolution, catalog: Catalog) -> dict[str, Any]:
    """The JSON object `openwatch resolve` prints for one text."""
    model = catalog.models.get(resolution.model_id) if resolution.model_id else None
    return {
        "text": resolution.text,
        "model": resolution.model_id,
        "lab": model.lab if model else None,
        "licence": model.licence if model else None,
        "method": resolution.method,
        "matched": resolution.matched,
        "provider": resolution.via_provider,
        "note": resolution.note,
    }


@app.command("resolve")
def resolve_texts(
    texts: list[str] = typer.Argument(
        ..., help="Model references: Hub ids, API ids, Ollama tags, GGUF files…"
    ),
    fmt: TableOrJson = typer.Option(TableOrJson.TABLE, "--format", help="table or json."),
    online: bool = typer.Option(
        False, "--online", help="Ask the Hugging Face Hub about repos the catalog does not know (cached)."
    ),
    catalog_dirs: list[Path] = CatalogOption,
) -> None:
    """Name the catalog model each text refers to (unresolved texts are part of the answer, exit 0)."""
    catalog = open_catalog(catalog_dirs)
    resolver = Resolver(catalog, online=online)
    rows = [resolution_view(resolver.resolve(text), catalog) for text in texts]
    if fmt is TableOrJson.JSON:
        print_json(rows)
        return
    table = Table(title=f"{sum(1 for r in rows if r['model'])} of {len(rows)} resolved")
    widest = max((len(r["model"] or "") for r in rows), default=5)
    table.add_column("text", overflow="fold", ratio=2)
    table.add_column("model", no_wrap=True, min_width=widest)  # model ids stay whole; the lab is their prefix
    table.add_column("licence", overflow="fold", ratio=1)
    table.add_column("how", overflow="fold", ratio=1)
    notes = []
    for row in rows:
        how = row["method"] + (f" via {row['provider']}" if row["provider"] else "")
        table.add_row(
            escape(terminal_safe(row["text"])),
            escape(row["model"] or "—"),
            escape(row["licence"] or "—"),
            escape(how),
        )
        if row["note"]:
            notes.append(f"- {terminal_safe(row['text'])}: {terminal_safe(row['note'])}")
    console.print(table)
    for note in notes:
        console.print(note, markup=False, highlight=False)


@catalog_app.command("unmapped")
def unmapped(
    fmt: TableOrJson = typer.Option(TableOrJson.TABLE, "--format", help="table or json."),
    data: Path = typer.Option(
        None, "--data", help="Dataset folder (default: $OPENWATCH_DATA, else data/sources in the repository)."
    ),
    audio: bool = typer.Option(
        False, "--audio", help="Count speech, transcription and realtime ids instead of language ones."
    ),
    catalog_dirs: list[Path] = CatalogOption,
) -> None:
    """List LiteLLM chat/completion/embedding/responses ids (or, with --audio, speech ones) that resolve to
    no catalog model, and why."""
    try:
        entries = read_model_map(data if data is not None else default_data_dir())
        rules = load_unmapped()
    except (ImporterInputError, UnmappedFileError) as exc:
        fail(str(exc), 2)
    catalog = open_catalog(catalog_dirs)
    result = coverage(entries, Resolver(catalog), rules, AUDIO_MODES if audio else CHAT_MODES)
    if fmt is TableOrJson.JSON:
        print_json(
            {
                "total": result.total,
                "resolved": result.resolved,
                "share": round(result.share, 4),
                "unmapped": [{"id": k, "provider": p, "reason": r} for k, p, r in result.unresolved],
            }
        )
        return
    table = Table(
        title=f"{len(result.unresolved)} of {result.total} LiteLLM ids unmapped "
        f"({result.share:.1%} resolved; {result.explained} explained by litellm-unmapped.yaml)"
    )
    for column in ("id", "provider", "reason"):
        table.add_column(column, overflow="fold")
    for key, provider, reason in result.unresolved:
        table.add_row(escape(key), escape(provider), escape(reason))
    console.print(table)
