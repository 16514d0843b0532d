"""A scan's cost grows linearly with its input: every shape of tests/hostile/growth_shapes.py, at 1×, 10× and
100× its size, costs at most about ten times more calls (and, from 10× to 100×, memory) per tenfold step.

Calls and traced memory are counted, not timed, so the test does not depend on the machine's load;
`bench/linear_growth.py` prints the wall-time ratios of the same shapes.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from growth_measure import Cost, cost_of
from growth_shapes import SHAPES, Shape

CALLS_TOLERANCE = 1.3
"""A tenfold input may cost up to 13 times the calls (an index built once, a few more list growths)."""
MEMORY_TOLERANCE = 1.6
"""Allocator granularity makes memory peaks coarser than call counts."""


def _costs(shape: Shape, root: Path) -> list[tuple[int, Cost]]:
    """(input bytes, cost) at 1×, 10× and 100×."""
    costs = []
    for factor in (1, 10, 100):
        relpath, text = shape.make(shape.unit * factor)
        costs.append((len(text), cost_of(relpath, text, root)))
    return costs


def test_every_detector_has_a_shape() -> None:
    from openwatch.scanner.detectors.registry import default_detectors

    text_detectors = {d.id for d in default_detectors() if not d.binary}
    covered = {d.id for shape in SHAPES for d in default_detectors() if d.accepts(shape.make(1)[0])}
    assert text_detectors <= covered


@pytest.mark.parametrize("shape", SHAPES, ids=[s.name for s in SHAPES])
def test_cost_grows_linearly(shape: Shape, tmp_path: Path) -> None:
    (size1, cost1), (size10, cost10), (size100, cost100) = _costs(shape, tmp_path)
    for (small, low), (big, high) in (
        ((size1, cost1), (size10, cost10)),
        ((size10, cost10), (size100, cost100)),
    ):
        growth = big / small
        assert high.calls <= low.calls * growth * CALLS_TOLERANCE, (shape.name, low.calls, high.calls, growth)
    growth = size100 / size10
    assert cost100.peak_bytes <= cost10.peak_bytes * growth * MEMORY_TOLERANCE, (shape.name, cost10, cost100)


def test_a_huge_gitignore_is_honoured_up_to_the_bound_and_reported(tmp_path: Path) -> None:
    """Each path is matched against the patterns in effect, so their number is bounded (linear walks)."""
    from openwatch.domain import Skipped
    from openwatch.scanner.gitignore import MAX_PATTERNS
    from openwatch.scanner.walk import FoundFile, walk

    lines = [f"ignored-{i}.py" for i in range(50_000)]
    (tmp_path / ".gitignore").write_text("# many\n" + "\n".join(lines) + "\n")
    for name in ("ignored-0.py", f"ignored-{MAX_PATTERNS - 1}.py", f"ignored-{MAX_PATTERNS}.py", "kept.py"):
        (tmp_path / name).touch()
    items = list(walk(tmp_path))
    files = sorted(i.relpath for i in items if isinstance(i, FoundFile) and i.relpath.endswith(".py"))
    assert files == [f"ignored-{MAX_PATTERNS}.py", "kept.py"]
    reason = "50,000 patterns; only the first 1,000 are honoured (at most 1,000 are in effect for any path)"
    assert Skipped(".gitignore", reason, degraded=True) in items


def test_nested_gitignores_share_the_bound(tmp_path: Path) -> None:
    from openwatch.scanner.walk import FoundFile, walk

    (tmp_path / ".gitignore").write_text("".join(f"top-{i}\n" for i in range(900)))
    inner = tmp_path / "inner"
    inner.mkdir()
    (inner / ".gitignore").write_text("".join(f"in-{i}.py\n" for i in range(200)))
    for name in ("in-0.py", "in-99.py", "in-100.py", "in-199.py"):
        (inner / name).touch()
    found = walk(tmp_path)
    files = sorted(i.relpath for i in found if isinstance(i, FoundFile) and i.relpath.endswith(".py"))
    assert files == ["inner/in-100.py", "inner/in-199.py"]
