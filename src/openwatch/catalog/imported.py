"""Schema of importer output: models and enrichments from an external dataset, with attribution."""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from openwatch.catalog.schema import ApiSnapshot, Components, Compute, Model, Parameters, Strict


class Enrichment(Strict):
    """Facts an importer adds to a model it did not create; curated facts always win."""

    model: str
    record: str
    match: str | None = None
    """How the record was matched when not by name or hub id (a probable duplicate, with the evidence)."""
    training_compute: Compute | None = None
    parameters: Parameters | None = None
    components: Components | None = None
    snapshots: list[ApiSnapshot] = Field(default_factory=list)
    aliases: list[str] = Field(default_factory=list)
    mof_components: dict[str, str | None] | None = None
    osai_dimensions: dict[str, str] | None = None


class ImportedFile(Strict):
    """One file under imported/: what one importer produced from one dataset."""

    dataset: str
    attribution: str
    data_licence: str
    retrieved: dt.date
    input_sha256: str
    models: list[Model] = Field(default_factory=list)
    enrichments: list[Enrichment] = Field(default_factory=list)
