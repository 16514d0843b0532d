"""Measure `openwatch scan` precision and recall against hand labels of a real repository (bench/quality)."""

from __future__ import annotations

import argparse
import csv
import io
import json
import subprocess
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from openwatch.scanner.walk import SKIPPED_DIRS

OPTIONAL = "optional"
DEFAULT_OPENWATCH = Path(__file__).resolve().parents[2] / ".venv" / "bin" / "openwatch"


@dataclass(frozen=True)
class Label:
    """One hand-labelled (model, file) pair; optional pairs are neither required nor false when reported."""

    path: str
    text: str
    model_id: str | None
    note: str

    @property
    def optional(self) -> bool:
        """A don't-care pair (commented-out alternative, docstring example...)."""
        return self.note.strip().lower().startswith(OPTIONAL)


@dataclass(frozen=True)
class Reported:
    """One reference the scanner reported: where, the raw text, and the catalog id it resolved to (if any)."""

    path: str
    text: str
    model_id: str | None
    line: int
    detector: str


@dataclass
class LabelSet:
    """The labels of one repository and the path prefixes they cover."""

    labels: list[Label]
    include: list[str]
    exclude: list[str] = field(default_factory=list)

    def covers(self, path: str) -> bool:
        """Whether a repository path is inside the labelled scope."""
        inside = any(p in {".", ""} or path == p.rstrip("/") or path.startswith(p) for p in self.include)
        return inside and not any(path.startswith(p) for p in self.exclude)


@dataclass
class Outcome:
    """The comparison of one scan with one label set, over distinct (model, file) pairs."""

    true_pairs: list[tuple[str, str]]
    false_pairs: list[tuple[str, str, list[Reported]]]
    ignored_pairs: list[tuple[str, str]]
    detected: list[Label]
    missed: list[Label]
    resolved_right: list[Label]
    resolution_misses: list[tuple[Label, list[str | None]]]

    @property
    def precision(self) -> float:
        """True reported pairs over all reported pairs (don't-care pairs left out)."""
        total = len(self.true_pairs) + len(self.false_pairs)
        return len(self.true_pairs) / total if total else 1.0

    @property
    def recall(self) -> float:
        """Required labels found (by text or by resolved id) over all required labels."""
        total = len(self.detected) + len(self.missed)
        return len(self.detected) / total if total else 1.0

    @property
    def resolution_recall(self) -> float:
        """Required labels with a known id for which the scan produced that id in that file."""
        total = len(self.resolved_right) + len(self.resolution_misses) + len(self._unfound_with_id())
        return len(self.resolved_right) / total if total else 1.0

    def unwalked(self) -> list[Label]:
        """Missed labels in folders the scanner does not walk by default (vendor/, third_party/...)."""
        return [label for label in self.missed if set(label.path.split("/")[:-1]) & SKIPPED_DIRS]

    @property
    def walked_recall(self) -> float:
        """Recall over the labels in folders the scanner walks (a detection figure, walk policy aside)."""
        unwalked = len(self.unwalked())
        total = len(self.detected) + len(self.missed) - unwalked
        return len(self.detected) / total if total else 1.0

    def _unfound_with_id(self) -> list[Label]:
        """Missed labels that had a known id (they count against resolution recall too)."""
        return [label for label in self.missed if label.model_id]


def normalise(text: str) -> str:
    """Compare texts case-blind, without quotes or surrounding spaces."""
    return text.strip().strip("\"'`").strip().lower()


def texts_match(label_text: str, reported_text: str) -> bool:
    """Same text, or one is the other with a routing prefix (`ollama_chat/llama3.2` vs `llama3.2`)."""
    a, b = normalise(label_text), normalise(reported_text)
    return a == b or a.endswith("/" + b) or b.endswith("/" + a)


def matches(label: Label, ref: Reported) -> bool:
    """Whether a reported reference is the labelled pair: same file, and same text or same resolved model."""
    if label.path != ref.path:
        return False
    return bool(label.model_id and ref.model_id == label.model_id) or texts_match(label.text, ref.text)


def read_labels(path: Path) -> LabelSet:
    """Labels from a CSV whose `#` header lines may name `include:` and `exclude:` path prefixes."""
    include: list[str] = []
    exclude: list[str] = []
    body: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            key, _, value = line.lstrip("# ").partition(":")
            if key.strip() == "include":
                include.extend(value.split())
            elif key.strip() == "exclude":
                exclude.extend(value.split())
        elif line.strip():
            body.append(line)
    rows = csv.DictReader(io.StringIO("\n".join(body)))
    labels = [
        Label(row["path"], row["model_text"], row["model_id_if_known"] or None, row.get("note") or "")
        for row in rows
    ]
    return LabelSet(labels, include or ["."], exclude)


def reported_references(scan: dict[str, Any]) -> list[Reported]:
    """Every reference in `openwatch scan --format json` output, resolved or not."""
    found: list[Reported] = []
    for model in scan.get("models", []):
        for ref in model.get("references", []):
            found.append(Reported(ref["path"], ref["text"], model["id"], ref["line"], ref["detector"]))
    for ref in scan.get("unresolved", []):
        found.append(Reported(ref["path"], ref["text"], None, ref["line"], ref["detector"]))
    return found


def aibom_references(bom: dict[str, Any], checkout: Path) -> list[Reported]:
    """The model names in `ai-bom scan -f json` output (CycloneDX with trusera: properties), unresolved."""
    found: list[Reported] = []
    prefix = str(checkout.resolve()).rstrip("/") + "/"
    for component in bom.get("components", []):
        props = {p.get("name"): p.get("value") for p in component.get("properties", [])}
        name, where = props.get("trusera:model_name"), props.get("trusera:source_location") or ""
        if not name:
            continue
        path, _, line = where.rpartition(":") if where.rpartition(":")[2].isdigit() else (where, "", "0")
        path = path[len(prefix) :] if path.startswith(prefix) else path
        found.append(Reported(path, str(name), None, int(line or 0), "ai-bom"))
    return found


def pair_key(ref: Reported) -> tuple[str, str]:
    """The distinct pair a reference belongs to: its file, and its model id (else its normalised text)."""
    return ref.path, ref.model_id or "text:" + normalise(ref.text)


def compare(labels: LabelSet, refs: Iterable[Reported]) -> Outcome:
    """Score reported references against labels over distinct (model, file) pairs inside the scope."""
    in_scope = [ref for ref in refs if labels.covers(ref.path)]
    grouped: dict[tuple[str, str], list[Reported]] = {}
    for ref in in_scope:
        grouped.setdefault(pair_key(ref), []).append(ref)
    outcome = Outcome([], [], [], [], [], [], [])
    for key, group in sorted(grouped.items()):
        hit = [label for label in labels.labels if any(matches(label, ref) for ref in group)]
        if any(not label.optional for label in hit):
            outcome.true_pairs.append(key)
        elif hit:
            outcome.ignored_pairs.append(key)
        else:
            outcome.false_pairs.append((key[0], key[1], group))
    for label in labels.labels:
        if label.optional:
            continue
        found = [ref for ref in in_scope if matches(label, ref)]
        (outcome.detected if found else outcome.missed).append(label)
        if found and label.model_id:
            ids = [ref.model_id for ref in found]
            if label.model_id in ids:
                outcome.resolved_right.append(label)
            else:
                outcome.resolution_misses.append((label, sorted(set(ids), key=str)))
    return outcome


def run_scan(openwatch: Path, checkout: Path) -> dict[str, Any]:
    """Run `openwatch scan CHECKOUT --format json` and parse what it prints."""
    done = subprocess.run(
        [str(openwatch), "scan", str(checkout), "--format", "json", "--quiet"],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode not in (0, 1):
        raise SystemExit(f"openwatch scan failed ({done.returncode}): {done.stderr.strip()[:500]}")
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def report(name: str, labels: LabelSet, outcome: Outcome, out: TextIO) -> None:
    """Print the figures, then the false positives, misses and resolution misses."""
    required = [label for label in labels.labels if not label.optional]
    print(f"== {name}: scope {' '.join(labels.include)}", file=out)
    print(
        f"labels: {len(required)} required pairs, {len(labels.labels) - len(required)} optional; "
        f"reported pairs: {len(outcome.true_pairs)} true, {len(outcome.false_pairs)} false, "
        f"{len(outcome.ignored_pairs)} optional",
        file=out,
    )
    print(
        f"precision {outcome.precision:.3f}  recall {outcome.recall:.3f}  "
        f"resolution recall {outcome.resolution_recall:.3f} "
        f"({len(outcome.resolved_right)} of {len([x for x in required if x.model_id])} labels with an id)",
        file=out,
    )
    if unwalked := outcome.unwalked():
        folders = sorted(SKIPPED_DIRS & {part for label in unwalked for part in label.path.split("/")})
        print(
            f"  {len(unwalked)} misses lie in folders not walked by default ({', '.join(folders)}); "
            f"recall over walked folders {outcome.walked_recall:.3f}",
            file=out,
        )
    for path, key, group in outcome.false_pairs:
        lines = ",".join(str(ref.line) for ref in group[:5])
        print(f"  FP   {path}:{lines}  {key}  [{group[0].detector}] text={group[0].text!r}", file=out)
    for label in outcome.missed:
        print(f"  MISS {label.path}  {label.text}  ({label.note})", file=out)
    for label, ids in outcome.resolution_misses:
        print(f"  RES  {label.path}  {label.text}: expected {label.model_id}, got {ids}", file=out)


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: one or more CHECKOUT=LABELS pairs; prints figures per repository."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("pairs", nargs="+", help="CHECKOUT=LABELS.csv (a checkout and its label file)")
    parser.add_argument("--openwatch", type=Path, default=DEFAULT_OPENWATCH, help="openwatch executable")
    parser.add_argument("--scan-json", type=Path, help="reuse this scan output (with one pair only)")
    parser.add_argument("--aibom-json", type=Path, help="score this `ai-bom scan -f json` output instead")
    args = parser.parse_args(argv)
    for pair in args.pairs:
        checkout_text, sep, labels_text = pair.partition("=")
        if not sep:
            parser.error(f"expected CHECKOUT=LABELS, got {pair!r}")
        checkout, labels_path = Path(checkout_text), Path(labels_text)
        if not checkout.is_dir() or not labels_path.is_file():
            parser.error(f"no checkout {checkout} or no label file {labels_path}")
        labels = read_labels(labels_path)
        if args.aibom_json is not None:
            bom = json.loads(args.aibom_json.read_text(encoding="utf-8"))
            refs = aibom_references(bom, checkout)
        elif args.scan_json is not None:
            refs = reported_references(json.loads(args.scan_json.read_text(encoding="utf-8")))
        else:
            refs = reported_references(run_scan(args.openwatch, checkout))
        report(labels_path.stem, labels, compare(labels, refs), sys.stdout)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
