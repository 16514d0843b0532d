"""The Model Openness Framework class of a set of components, by the Model Openness Tool's own rules."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from typing import Any

import yaml

TECHNICAL_REPORT = "Technical report"
RESEARCH_PAPER = "Research paper"
UNLICENSED = "unlicensed"
LABELS = {
    0: "Unclassified",
    1: "Class I - Open Science Model",
    2: "Class II - Open Tooling Model",
    3: "Class III - Open Model",
}
CLASSES = (3, 2, 1)
STATUSES = ("included", "missing", "invalid", "unlicensed", "optional")


@dataclass(frozen=True)
class MofComponent:
    """One of the 17 MOF components: the class that first requires it and the content type of its licence."""

    name: str
    content_type: str
    mof_class: int
    required: bool


@dataclass(frozen=True)
class MofTables:
    """The MOT's component table and licence lists (see mof_tables.yaml for their origin)."""

    commit: str
    components: tuple[MofComponent, ...]
    open_licences: frozenset[str]
    licence_types: Mapping[str, frozenset[str]]

    def required(self, mof_class: int) -> tuple[str, ...]:
        """Names of the components a class adds as required."""
        return tuple(c.name for c in self.components if c.mof_class == mof_class and c.required)

    def optional(self, mof_class: int) -> tuple[str, ...]:
        """Names of the components a class adds as optional."""
        return tuple(c.name for c in self.components if c.mof_class == mof_class and not c.required)


@cache
def mof_tables() -> MofTables:
    """Load the MOT tables shipped with the package."""
    text = (resources.files("openwatch.assess") / "mof_tables.yaml").read_text(encoding="utf-8")
    safe_loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present; safe loading only
    data: dict[str, Any] = yaml.load(text, Loader=safe_loader)
    licences: dict[str, dict[str, Any]] = data["licences"]
    open_ids = {key for key, facts in licences.items() if facts["osi"] or facts["fsf"]}
    open_ids |= set(data["open_data_licences"]) | set(data["open_licences"])
    return MofTables(
        commit=data["commit"],
        components=tuple(
            MofComponent(c["name"], c["content_type"], c["class"], c["required"]) for c in data["components"]
        ),
        open_licences=frozenset(open_ids),
        licence_types={key: frozenset(facts["content_type"]) for key, facts in licences.items()},
    )


@dataclass(frozen=True)
class ClassEvaluation:
    """The components one class asks for, sorted by what the MOT found for each."""

    included: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()
    invalid: tuple[str, ...] = ()
    unlicensed: tuple[str, ...] = ()
    optional: tuple[str, ...] = ()

    def status(self, name: str) -> str | None:
        """'included', 'invalid' or 'unlicensed' for a component evaluated in this class, else None."""
        for status in ("included", "invalid", "unlicensed"):
            if name in getattr(self, status):
                return status
        return None


@dataclass(frozen=True)
class MofResult:
    """A model's MOF class (0 = unclassified) with what each class still lacks."""

    mof_class: int
    label: str
    progress: Mapping[int, float]
    evaluations: Mapping[int, ClassEvaluation]
    licences: Mapping[str, str]
    not_type_appropriate: tuple[str, ...]
    conditional: bool
    unknown_components: tuple[str, ...]

    def missing(self, mof_class: int) -> tuple[str, ...]:
        """Required components absent from the record, for a class."""
        return self.evaluations[mof_class].missing

    def invalid(self, mof_class: int) -> tuple[str, ...]:
        """Components present for a class whose licence is not open (or absent: 'unlicensed')."""
        ev = self.evaluations[mof_class]
        return tuple(n for n in self.licences if n in ev.invalid or n in ev.unlicensed)


def _is_open(licence: str, tables: MofTables) -> bool:
    return licence in tables.open_licences


def _evaluate_class(
    names: tuple[str, ...], optional: tuple[str, ...], components: Mapping[str, str | None], tables: MofTables
) -> tuple[ClassEvaluation, set[str]]:
    """Sort the cumulative required and optional components of one class by licence status."""
    lists: dict[str, list[str]] = {k: [] for k in STATUSES}
    wrong_type: set[str] = set()
    types = {c.name: c.content_type for c in tables.components}
    for group, status in ((names, "included"), (optional, "optional")):
        for name in group:
            if name not in components:
                if status == "included":
                    lists["missing"].append(name)
                continue
            licence = components[name] or UNLICENSED
            if _is_open(licence, tables):
                lists[status].append(name)
                if types[name] not in tables.licence_types.get(licence, frozenset()):
                    wrong_type.add(name)
            elif licence == UNLICENSED:
                lists["unlicensed"].append(name)
            else:
                lists["invalid"].append(name)
    return ClassEvaluation(**{k: tuple(v) for k, v in lists.items()}), wrong_type


def _research_paper_for_report(evaluations: dict[int, ClassEvaluation]) -> None:
    """A research paper may stand in for the technical report (MOF 1.0; the MOT applies it to all classes)."""
    if evaluations[3].status(TECHNICAL_REPORT) == "included":
        return
    paper = evaluations[1].status(RESEARCH_PAPER)
    if paper is None:
        return
    for cls, ev in evaluations.items():
        missing = tuple(n for n in ev.missing if n != TECHNICAL_REPORT)
        changes: dict[str, tuple[str, ...]] = {"missing": missing}
        if cls in (2, 3):
            changes[paper] = (*getattr(ev, paper), RESEARCH_PAPER)
        evaluations[cls] = replace(ev, **changes)


def _progress(mof_class: int, evaluations: Mapping[int, ClassEvaluation], tables: MofTables) -> float:
    """Percentage of a class met; 0 when a class above it is not met (MOT ModelEvaluator::getProgress)."""
    total = included = 0
    for cls in range(3, mof_class - 1, -1):
        total += len(tables.required(cls))
        included = len(evaluations[cls].included)
        if included < total:
            if cls > mof_class:
                return 0.0
            break
    if (
        mof_class == 1
        and evaluations[1].status(TECHNICAL_REPORT) != "included"
        and evaluations[1].status(RESEARCH_PAPER) == "included"
    ):
        total -= 1
    return min(included / total * 100, 100.0)


def classify(components: Mapping[str, str | None]) -> MofResult:
    """The MOF class of a model from its components and each one's resolved licence (None = unlicensed)."""
    tables = mof_tables()
    known = {c.name for c in tables.components}
    present = {name: licence for name, licence in components.items() if name in known}
    evaluations: dict[int, ClassEvaluation] = {}
    wrong_type: set[str] = set()
    required: tuple[str, ...] = ()
    optional: tuple[str, ...] = ()
    for cls in CLASSES:
        required += tables.required(cls)
        optional += tables.optional(cls)
        evaluations[cls], wrong = _evaluate_class(required, optional, present, tables)
        wrong_type |= wrong
    _research_paper_for_report(evaluations)
    progress = {cls: _progress(cls, evaluations, tables) for cls in CLASSES}
    achieved = min((cls for cls in CLASSES if progress[cls] == 100.0), default=0)
    order = [c.name for c in tables.components]
    counted = set(evaluations[achieved].included) if achieved else set()
    return MofResult(
        mof_class=achieved,
        label=LABELS[achieved],
        progress=progress,
        evaluations=evaluations,
        licences={n: present[n] or UNLICENSED for n in order if n in present},
        not_type_appropriate=tuple(n for n in order if n in wrong_type),
        conditional=bool(counted & wrong_type),
        unknown_components=tuple(sorted(set(components) - known)),
    )


def _licence_name(entry: Any) -> str | None:
    """The 'name' of a global licence entry, if it is a non-empty string (PHP empty() semantics)."""
    name = entry.get("name") if isinstance(entry, dict) else None
    return name if isinstance(name, str) and name not in ("", "0") else None


def components_from_record(record: Mapping[str, Any]) -> dict[str, str | None]:
    """Each listed component's licence from a raw MOT YAML record, resolved as the MOT resolves it.

    A component's own `license` wins ('unlicensed' or '' mean none); without one (or with null), the global
    licence of the component's content type, else the global `distribution` licence, else none.
    """
    release = record.get("release", record)
    if not isinstance(release, Mapping):
        return {}
    globals_ = release.get("license")
    globals_ = globals_ if isinstance(globals_, Mapping) else {}
    types = {c.name: c.content_type for c in mof_tables().components}
    resolved: dict[str, str | None] = {}
    for entry in release.get("components") or ():
        if not isinstance(entry, Mapping) or not isinstance(entry.get("name"), str):
            continue
        name, own = entry["name"], entry.get("license")
        if own is not None:
            text = own if isinstance(own, str) else str(own)
            resolved[name] = None if text in ("", "0", UNLICENSED) else text
        else:
            resolved[name] = _licence_name(globals_.get(types.get(name, ""))) or _licence_name(
                globals_.get("distribution")
            )
    return resolved
