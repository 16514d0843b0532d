"""The loaded catalog (labs, models, licences, alias index) and its validation problems."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from openwatch.catalog.aliases import normalise_alias
from openwatch.catalog.imported import Enrichment
from openwatch.catalog.schema import Lab, Licence, Model


@dataclass(frozen=True)
class CatalogProblem:
    """One validation problem, located by file, entry and field."""

    file: str
    entry: str
    field: str
    message: str

    def __str__(self) -> str:
        where = " ".join(part for part in (self.entry, self.field) if part)
        return f"{self.file}: {where}: {self.message}" if where else f"{self.file}: {self.message}"


class CatalogError(Exception):
    """The catalog did not validate; nothing of it was loaded."""

    def __init__(self, problems: Sequence[CatalogProblem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


@dataclass(frozen=True)
class Catalog:
    """Labs, models and licences, with the alias index and where each record came from."""

    labs: Mapping[str, Lab]
    models: Mapping[str, Model]
    licences: Mapping[str, Licence]
    alias_index: Mapping[str, str]
    origins: Mapping[str, str] = field(default_factory=dict)
    enrichments: Mapping[str, tuple[Enrichment, ...]] = field(default_factory=dict)
    datasets: Mapping[str, str] = field(default_factory=dict)

    def lab_of(self, model: Model) -> Lab:
        """The lab that released a model."""
        return self.labs[model.lab]

    def licence_of(self, model: Model) -> Licence | None:
        """The licence a model is released under, if the catalog knows it."""
        return self.licences.get(model.licence) if model.licence else None

    def lookup(self, text: str) -> Model | None:
        """The model whose alias or id is exactly this text (after normalisation)."""
        model_id = self.alias_index.get(normalise_alias(text))
        return self.models.get(model_id) if model_id else None
