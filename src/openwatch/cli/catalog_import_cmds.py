"""`openwatch catalog import`: run a dataset importer (Epoch AI, Model Openness Tool, OSAI index, LiteLLM)."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from pathlib import Path

import typer

from openwatch.catalog.importers.common import (
    ImporterInputError,
    ImportSummary,
    default_data_dir,
    default_out_dir,
)
from openwatch.catalog.importers.epoch import import_epoch
from openwatch.catalog.importers.litellm import import_litellm
from openwatch.catalog.importers.mof import import_mof
from openwatch.catalog.importers.osai import import_osai
from openwatch.cli import app
from openwatch.cli.common import console, fail

catalog_app = typer.Typer(help="Maintain the catalog: import external datasets.", no_args_is_help=True)
app.add_typer(catalog_app, name="catalog")


class Dataset(StrEnum):
    """Datasets with an importer."""

    EPOCH = "epoch"
    MOF = "mof"
    OSAI = "osai"
    LITELLM = "litellm"


IMPORTERS: dict[Dataset, Callable[[Path, Path], ImportSummary]] = {
    Dataset.EPOCH: import_epoch,
    Dataset.MOF: import_mof,
    Dataset.OSAI: import_osai,
    Dataset.LITELLM: import_litellm,
}


@catalog_app.command("import")
def import_dataset(
    dataset: Dataset = typer.Argument(..., help="Which dataset to import."),
    data: Path = typer.Option(
        None, "--data", help="Dataset folder (default: $OPENWATCH_DATA, else data/sources in the repository)."
    ),
    out: Path = typer.Option(
        None, "--out", help="Where to write <dataset>.yaml (default: the package's imported/)."
    ),
) -> None:
    """Import one dataset into catalog enrichments (and, for Epoch, new non-curated models)."""
    try:
        data_dir = data if data is not None else default_data_dir()
        if not data_dir.is_dir():
            fail(f"data folder not found: {data_dir}", 2)
        summary = IMPORTERS[dataset](data_dir, out if out is not None else default_out_dir())
    except ImporterInputError as exc:
        fail(str(exc), 2)
    except OSError as exc:
        fail(f"cannot read or write: {exc}", 1)
    for line in summary.lines():
        console.print(line, markup=False)
