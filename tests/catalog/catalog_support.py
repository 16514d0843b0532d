"""Shared test support for catalog tests: the mini-catalog resolver and a catalog of chosen lab files."""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from openwatch.catalog.load import Catalog, package_roots, validate_catalog
from openwatch.catalog.resolve import Resolver
from openwatch.domain import Resolution

MINI = Path(__file__).resolve().parents[1] / "fixtures" / "catalog-mini"


@cache
def mini_resolver() -> Resolver:
    """One resolver over the mini catalog (tests/fixtures/catalog-mini) for the whole run."""
    catalog, problems = validate_catalog([MINI])
    assert catalog is not None, problems
    return Resolver(catalog)


def resolve(text: str, provider: str | None = None) -> Resolution:
    """Resolve against the mini catalog."""
    return mini_resolver().resolve(text, provider)


def labs_catalog(root: Path, lab_ids: Iterable[str]) -> Catalog:
    """The named bundled lab files with the package licences, validated on their own in `root`."""
    (root / "labs").mkdir()
    (root / "licences").mkdir()
    wanted = {f"{lab_id}.yaml" for lab_id in lab_ids}
    for data in package_roots():
        for path in (data / "labs").glob("*.yaml"):
            if path.name in wanted:
                shutil.copy(path, root / "labs" / path.name)
        for path in (data / "licences").glob("*.yaml"):
            shutil.copy(path, root / "licences" / path.name)
    result, problems = validate_catalog([root])
    assert problems == []
    assert result is not None
    return result


def model_id(catalog: Catalog, text: str) -> str:
    """The id of the model a text names exactly, failing the test if none."""
    model = catalog.lookup(text)
    assert model is not None, text
    return model.id
