"""Finding labs and models the way a person names them: by id, name or alias, or by a search word."""

from __future__ import annotations

from openwatch.catalog.load import Catalog
from openwatch.catalog.schema import Access, Lab, Model


def find_lab(catalog: Catalog, text: str) -> Lab | None:
    """The lab whose id, name or alias is `text` (ignoring case and surrounding spaces)."""
    wanted = text.strip().lower()
    for lab in catalog.labs.values():
        if wanted in (key.lower() for key in (lab.id, lab.name, *lab.aliases)):
            return lab
    return None


def search_models(
    catalog: Catalog, query: str | None = None, lab: str | None = None, access: Access | None = None
) -> list[Model]:
    """Models by id whose id, name, family or an alias contains `query`, of a lab and access tier."""
    needle = query.lower() if query else None
    return [
        m
        for m in sorted(catalog.models.values(), key=lambda m: m.id)
        if (lab is None or m.lab == lab)
        and (access is None or m.access is access)
        and (
            needle is None
            or needle in m.id
            or needle in m.name.lower()
            or needle in m.family.lower()
            or any(needle in text.lower() for _, text in m.aliases.all())
        )
    ]
