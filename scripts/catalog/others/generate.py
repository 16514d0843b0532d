"""Expand the hand-written lab specs in specs/ into catalog lab files, with figures from data/sources.

Run: .venv/bin/python scripts/catalog/others/generate.py [lab-id ...]
A spec is a lab file with shortcuts: `defaults:` merged into every model; alias slots (hub, api, bedrock,
vertex, azure, ollama, gguf, other) at model level; `released: 2025-08` (or `2025`) for a date its
sources give only to the month (or year); `epoch: <Epoch model name>` to take the release date,
parameters and training compute from Epoch AI; `hf_card: true` to cite the Hugging Face card of the first
hub id; `params:` / `active:` as stated parameter counts; `snapshots:` as plain ids (retirement dates come
from LiteLLM). Ollama tags are checked against the library scrape.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from shared_data import EPOCH_SOURCE, LITELLM_SOURCE, SharedData

from openwatch.catalog.schema import LabFile, Model

HERE = Path(__file__).resolve().parent
SPECS = HERE / "specs"
OUT = HERE.parents[2] / "src" / "openwatch" / "catalog" / "data" / "generated" / "labs"
ALIAS_SLOTS = ("hub", "api", "bedrock", "vertex", "azure", "ollama", "gguf", "other")
SHORTCUTS = {"epoch", "hf_card", "params", "active", "compute_method", *ALIAS_SLOTS}


class SpecError(Exception):
    """A spec names something the datasets do not have."""


def _ollama_source(tags: list[str]) -> dict[str, Any]:
    slug = tags[0].split(":", 1)[0]
    return {
        "publisher": "Ollama library (scrape of 2026-08-22)",
        "url": f"https://ollama.com/library/{slug}",
        "status": "reported",
    }


def _hf_source(repo: str) -> dict[str, Any]:
    org = repo.split("/", 1)[0]
    return {
        "publisher": f"Hugging Face model card ({org})",
        "url": f"https://huggingface.co/{repo}",
        "status": "vendor-claim",
    }


def _apply_epoch(model: dict[str, Any], name: str, data: SharedData, spec: dict[str, Any]) -> None:
    """Fill release date, parameters and compute from an Epoch row, unless the spec already states them."""
    row = data.epoch.get(name)
    if row is None:
        raise SpecError(f"{model['id']}: no Epoch row named {name!r}")
    if "released" not in model and row.published:
        model["released"] = dt.date.fromisoformat(row.published)
    stated: dict[str, Any] = model.get("parameters") or {}
    same = bool(row.parameters) and int(row.parameters or 0) == int(stated.get("total") or -1)
    if same and "source" not in stated:
        stated["source"] = dict(EPOCH_SOURCE)
    if "parameters" not in model and row.parameters:
        model["parameters"] = {"total": int(row.parameters), "source": dict(EPOCH_SOURCE)}
    if "training_compute" not in model and row.compute:
        model["training_compute"] = {
            "value": float(f"{row.compute:.6g}"),
            "method": spec.get("compute_method", row.method),
            "uncertainty": f"Epoch confidence: {row.confidence}" if row.confidence else None,
            "source": dict(EPOCH_SOURCE),
        }
        if model["training_compute"]["uncertainty"] is None:
            del model["training_compute"]["uncertainty"]
    model["sources"].append(dict(EPOCH_SOURCE))


def _release_precision(model: dict[str, Any]) -> None:
    """`released: 2025-08` (a month) or `released: 2025` (a year) as the first day with its precision."""
    value = model.get("released")
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}", value):
        model["released"] = dt.date.fromisoformat(f"{value}-01")
        model["released_precision"] = "month"
    elif isinstance(value, int):
        model["released"] = dt.date(value, 1, 1)
        model["released_precision"] = "year"


def _snapshots(model: dict[str, Any], data: SharedData) -> None:
    """Turn plain snapshot ids into snapshot records with LiteLLM's deprecation date."""
    out: list[dict[str, Any]] = []
    for snap in model.get("snapshots", []):
        record = {"id": snap} if isinstance(snap, str) else dict(snap)
        entries = data.litellm_entries(record["id"])
        dates = sorted({str(e["deprecation_date"]) for e in entries if e.get("deprecation_date")})
        if dates and "deprecation_date" not in record:
            record["deprecation_date"] = dates[0]
            record["source"] = dict(LITELLM_SOURCE)
        out.append(record)
    if out:
        model["snapshots"] = out


def _add_source(model: dict[str, Any], source: dict[str, Any]) -> None:
    """Cite a dataset the aliases were checked against, unless the spec already cites that page."""
    if all(cited.get("url") != source["url"] for cited in model["sources"]):
        model["sources"].append(source)


def expand_model(
    spec: dict[str, Any], defaults: dict[str, Any], lab_id: str, data: SharedData
) -> dict[str, Any]:
    """One spec entry as a schema Model mapping."""
    merged = {**defaults, **spec}
    model: dict[str, Any] = {k: v for k, v in merged.items() if k not in SHORTCUTS}
    model.setdefault("lab", lab_id)
    model["sources"] = [dict(s) for s in merged.get("sources", [])]
    _release_precision(model)
    aliases = {slot: list(spec[slot]) for slot in ALIAS_SLOTS if spec.get(slot)}
    for tag in aliases.get("ollama", []):
        if tag not in data.ollama_tags:
            raise SpecError(f"{spec['id']}: Ollama tag {tag!r} is not in the library scrape")
    if aliases:
        model["aliases"] = aliases
    if spec.get("hf_card"):
        model["sources"].insert(0, _hf_source(spec["hub"][0]))
    if "params" in spec:
        first = model["sources"][0] if model["sources"] else None
        params: dict[str, Any] = {"total": int(spec["params"])}
        if "active" in spec:
            params["active"] = int(spec["active"])
        if first:
            params["source"] = first
        model["parameters"] = params
    if spec.get("epoch"):
        _apply_epoch(model, spec["epoch"], data, merged)
    if aliases.get("ollama"):
        _add_source(model, _ollama_source(aliases["ollama"]))
    cloud = [*aliases.get("api", []), *aliases.get("bedrock", []), *aliases.get("vertex", [])]
    if any(data.litellm_entries(a) for a in cloud):
        _add_source(model, dict(LITELLM_SOURCE))
    _snapshots(model, data)
    if "status" not in spec:
        vendor = any(s.get("status") == "vendor-claim" for s in model["sources"])
        model["status"] = "vendor-claim" if vendor else "reported"
    order = list(Model.model_fields)
    return {key: model[key] for key in sorted(model, key=order.index)}


def expand(spec: dict[str, Any], data: SharedData) -> dict[str, Any]:
    """A whole spec file as a lab file mapping, validated against the schema."""
    lab = dict(spec["lab"])
    lab["events"] = sorted(lab.get("events", []), key=lambda event: str(event["date"]))
    defaults = spec.get("defaults", {})
    models = [expand_model(m, defaults, lab["id"], data) for m in spec.get("models", [])]
    out = {"lab": lab, "models": models}
    LabFile.model_validate(out)
    return out


class _NoAliasDumper(yaml.SafeDumper):
    """A YAML dumper that writes repeated objects out in full instead of as anchors."""

    def ignore_aliases(self, data: Any) -> bool:
        """Never emit anchors or aliases."""
        return True


def _dump(data: dict[str, Any]) -> str:
    header = "# Generated by scripts/catalog/others/generate.py from specs/; edit the spec, then re-run.\n"
    return header + yaml.dump(
        data, Dumper=_NoAliasDumper, sort_keys=False, allow_unicode=True, width=120, default_flow_style=False
    )


def generate(out_dir: Path, wanted: set[str] | None = None) -> int:
    """Expand every spec (or the named ones) into out_dir; 0 when all expanded, 1 when any failed."""
    data = SharedData()
    out_dir.mkdir(parents=True, exist_ok=True)
    status = 0
    for path in sorted(SPECS.glob("*.yaml")):
        if wanted and path.stem not in wanted:
            continue
        try:
            spec = yaml.safe_load(path.read_text(encoding="utf-8"))
            out = expand(spec, data)
        except (SpecError, ValueError) as exc:
            print(f"{path.name}: {exc}", file=sys.stderr)
            status = 1
            continue
        target = out_dir / f"{out['lab']['id']}.yaml"
        target.write_text(_dump(out), encoding="utf-8")
        print(f"{target.name}: {len(out['models'])} models, {len(out['lab'].get('events', []))} events")
    return status


def main(argv: list[str]) -> int:
    """Command-line entry: [lab-id ...] [--out DIR]."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("labs", nargs="*", help="Lab ids to generate (default: every spec).")
    parser.add_argument("--out", type=Path, default=OUT, help="Folder for the lab files.")
    args = parser.parse_args(argv)
    return generate(args.out, set(args.labs) or None)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
