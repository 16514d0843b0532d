"""Map text found in code to a catalog model (placeholder until the full resolver lands)."""

from __future__ import annotations

from openwatch.catalog.load import Catalog
from openwatch.domain import Resolution


class Resolver:
    """Resolves model references against one catalog."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog

    def resolve(self, text: str, provider: str | None = None) -> Resolution:
        """The model a text names, or an unresolved Resolution."""
        model = self.catalog.lookup(text)
        if model is None:
            return Resolution(text=text, model_id=None)
        return Resolution(text=text, model_id=model.id, matched=text, method="alias", via_provider=provider)
