"""Measure the catalog's factual gaps: duplicates, training compute coverage, month-only dates, licence gaps.

Run: .venv/bin/python bench/catalog_facts.py [--data DIR]
DIR is a catalog data folder with curated/ and generated/ (default: the package's). The figures:
- probable_duplicates: imported models that probably duplicate a curated model of their lab
  (openwatch.catalog.duplicates, the rule `openwatch catalog validate` applies);
- compute: LLM-class models (kind llm or multimodal; all, and curated only) and the 60 models of
  bench/most_used_models.csv with a training compute figure or lower bound, as assessments see it
  (imported and inherited facts included);
- month_only_dates_stored_as_days: release dates stored as the 1st of a month, with day precision, whose
  source gives only the month (the European Open Source AI Index records months; or the notes say so);
  dates_with_month_or_year_precision: dates stored with their precision;
- licence_gaps: curated open-weights models with no licence key.
The same script measures an older checkout: `PYTHONPATH=OLD/src python bench/catalog_facts.py --data
OLD/src/openwatch/catalog/data` uses that checkout's code; figures its code cannot compute print as null.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

from openwatch.catalog.effective import effective_model
from openwatch.catalog.load import Catalog, merged_catalog, package_data_dir
from openwatch.catalog.schema import Model

ROOT = Path(__file__).resolve().parents[1]
MOST_USED = ROOT / "bench" / "most_used_models.csv"
LLM_CLASS = ("llm", "multimodal")
_MONTH_NOTE = re.compile(
    r"release month|only the month|month only|day (?:is )?(?:unknown|not in our sources)"
)


def compute_origin(model: Model, catalog: Catalog) -> str | None:
    """Where the model's compute comes from (own, imported, inherited, lower bound); None if unknown."""
    compute = effective_model(model, catalog).training_compute
    if compute.value is None and getattr(compute, "lower_bound", None) is None:
        return None
    if compute.value is None:
        return "lower bound only"
    if getattr(compute, "inherited_from", None):
        return "inherited from the base model"
    return "the model's own record" if model.training_compute.value is not None else "imported"


def has_compute(model: Model, catalog: Catalog) -> bool:
    """A figure or a lower bound, after imported and inherited facts."""
    return compute_origin(model, catalog) is not None


def month_only(model: Model) -> bool:
    """A day-precision date on the 1st whose source gives only the month."""
    if model.released is None or model.released.day != 1:
        return False
    if getattr(model, "released_precision", "day") != "day":
        return False
    osai = any("Open Source AI Index" in source.publisher for source in model.sources)
    return osai or bool(_MONTH_NOTE.search((model.notes or "").lower()))


def duplicates(catalog: Catalog) -> int | None:
    """Imported models with a curated twin, or None when this checkout has no duplicate rule."""
    try:
        from openwatch.catalog.duplicates import probable_duplicates
    except ImportError:
        return None
    return len(probable_duplicates(catalog.models.values()))


def measure(catalog: Catalog) -> dict[str, Any]:
    """Every figure for one catalog."""
    models = list(catalog.models.values())
    llm = [m for m in models if m.kind in LLM_CLASS]
    with MOST_USED.open(encoding="utf-8") as handle:
        top = [row["model_id"] for row in csv.DictReader(handle)]
    missing = [model_id for model_id in top if model_id not in catalog.models]
    top_without = [m for m in top if m in catalog.models and not has_compute(catalog.models[m], catalog)]
    return {
        "models": len(models),
        "probable_duplicates": duplicates(catalog),
        "llm_class_models": len(llm),
        "llm_class_with_compute": sum(has_compute(m, catalog) for m in llm),
        "curated_llm_class_models": sum(m.curated for m in llm),
        "curated_llm_class_with_compute": sum(m.curated and has_compute(m, catalog) for m in llm),
        "llm_class_compute_by_origin": dict(Counter(o for m in llm if (o := compute_origin(m, catalog)))),
        "most_used_models": len(top),
        "most_used_with_compute": len(top) - len(top_without) - len(missing),
        "most_used_without_compute": top_without,
        "most_used_not_in_catalog": missing,
        "month_only_dates_stored_as_days": sorted(m.id for m in models if month_only(m)),
        "dates_with_month_or_year_precision": sum(
            getattr(m, "released_precision", "day") != "day" for m in models if m.released
        ),
        "licence_gaps": sorted(
            m.id for m in models if m.curated and m.access.is_open_weights and not m.licence
        ),
    }


def main() -> None:
    """Print the figures as JSON (lists with their counts)."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=package_data_dir())
    args = parser.parse_args()
    catalog, problems = merged_catalog([args.data / "generated", args.data / "curated"])
    figures = measure(catalog)
    for key in ("most_used_without_compute", "month_only_dates_stored_as_days", "licence_gaps"):
        figures[key.replace("_dates_stored_as_days", "_dates") + "_count"] = len(figures[key])
    figures["catalog_problems"] = len(problems)
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
