"""The inventory resolves each reference once, after the scan: a weak clue stays if the catalog knows it."""

from __future__ import annotations

from test_run_support import make_catalog

from openwatch.catalog.resolve import Resolver
from openwatch.domain import Reference, ScanResult
from openwatch.scanner.conditional import chain
from openwatch.scanner.inventory import build_inventory, inventory_dict

CATALOG = make_catalog()


def _ref(text: str, confidence: float = 0.6, *, known_only: bool = False, line: int = 1) -> Reference:
    return Reference(text, "app.py", line, 1, "test", confidence, known_only=known_only)


def _result(*references: Reference) -> ScanResult:
    return ScanResult(references, ())


def _listed(result: ScanResult) -> tuple[list[tuple[str, str, int]], list[tuple[str, int]]]:
    """(model id, text, line) of the resolved references, (text, line) of the others, as JSON lists them."""
    data = inventory_dict(build_inventory(result, Resolver(CATALOG)), CATALOG)
    resolved = [(m["id"], r["text"], r["line"]) for m in data["models"] for r in m["references"]]
    return resolved, [(r["text"], r["line"]) for r in data["unresolved"]]


def test_a_weak_clue_stays_only_if_the_catalog_resolves_it() -> None:
    result = _result(
        _ref("alpha-7b-chat", known_only=True, line=1),
        _ref("user", known_only=True, line=2),
        _ref("mystery-model-9000", line=3),
    )
    assert _listed(result) == ([("testlab/alpha-7b", "alpha-7b-chat", 1)], [("mystery-model-9000", 3)])


def test_readings_of_one_place_give_the_first_that_holds() -> None:
    """A GGUF header's names: the first the catalog knows, else the file's own name, unresolved."""
    known_second = chain([_ref("Mystery 9B", 0.95, known_only=True), _ref("alpha:7b", 0.95, known_only=True)])
    fallback = chain([_ref("Mystery 9B", 0.95, known_only=True), _ref("Mystery 9B", 0.7)])
    assert _listed(_result(known_second)) == ([("testlab/alpha-7b", "alpha:7b", 1)], [])
    assert _listed(_result(fallback)) == ([], [("Mystery 9B", 1)])


def test_counts_are_of_what_the_inventory_keeps() -> None:
    result = _result(_ref("alpha-7b-chat", known_only=True), _ref("user", known_only=True, line=2))
    stats = build_inventory(result, Resolver(CATALOG)).stats
    assert (stats["references"], stats["models"], stats["unresolved"]) == (1, 1, 0)
