"""Regenerate every file under src/openwatch/catalog/data/generated/ from its inputs in the repository.

Run from the repository root: .venv/bin/python scripts/catalog/regenerate.py [--out DIR]

In order: licences/ from data/sources/licence-facts.yaml (scripts/catalog/licences.py), labs/ from the lab
specs in scripts/catalog/others/specs (scripts/catalog/others/generate.py), then imported/ from the Epoch AI,
Model Openness Tool, Open Source AI Index and LiteLLM datasets in data/sources (the importers behind
`openwatch catalog import`, which match rows against the package's curated and generated labs).
tests/catalog/test_generated_data.py runs this into a temporary folder and compares it with the package, so
a hand edit to a generated file fails CI: edit the input (or the generator) and re-run this instead.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE / "others"))

import licences  # noqa: E402  (a sibling script)
from generate import generate  # noqa: E402  (scripts/catalog/others/generate.py)

from openwatch.catalog.importers.common import default_data_dir  # noqa: E402
from openwatch.catalog.importers.epoch import import_epoch  # noqa: E402
from openwatch.catalog.importers.litellm import import_litellm  # noqa: E402
from openwatch.catalog.importers.mof import import_mof  # noqa: E402
from openwatch.catalog.importers.osai import import_osai  # noqa: E402
from openwatch.catalog.load import generated_data_dir  # noqa: E402

IMPORTERS = (import_epoch, import_mof, import_osai, import_litellm)


def regenerate(out: Path, data: Path) -> int:
    """Write licences/, labs/ and imported/ under out; 0 on success."""
    licences.write_all(data / "licence-facts.yaml", out / "licences")
    status = generate(out / "labs")
    (out / "imported").mkdir(parents=True, exist_ok=True)
    for importer in IMPORTERS:
        for line in importer(data, out / "imported").lines():
            print(line)
    return status


def main(argv: list[str] | None = None) -> int:
    """Command-line entry: --out DIR (default: the package's generated/ folder), --data DIR."""
    formatter = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=formatter)
    parser.add_argument("--out", type=Path, default=generated_data_dir())
    parser.add_argument("--data", type=Path, default=None, help="Datasets folder (default: data/sources).")
    args = parser.parse_args(argv)
    return regenerate(args.out, args.data or default_data_dir())


if __name__ == "__main__":
    raise SystemExit(main())
