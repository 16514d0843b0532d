"""MOF class of a catalog model, from its Model Openness Tool record, as a sourced rule result."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from openwatch.assess.mof_class import (
    LABELS,
    MofResult,
    classify,
    components_from_record,
    mof_tables,
)
from openwatch.catalog.load import Catalog
from openwatch.catalog.schema import Model
from openwatch.domain import Citation, FactUsed, RuleResult

__all__ = ["MofAssessment", "MofResult", "classify", "components_from_record", "mof_assessment"]

MOF = Citation("Model Openness Framework 1.0 (LF AI & Data, 2024-12-15)", "STANDARD")
MOT_SOURCE = "Model Openness Tool (lfai/model_openness_tool), MIT"
NOT_IN_MOT = "not in the Model Openness Tool"
OUTCOMES = {0: "unclassified", 1: "class-1", 2: "class-2", 3: "class-3"}


@dataclass(frozen=True)
class MofAssessment:
    """A model's MOF class for reports (summary) and as a rule result with its facts."""

    summary: dict[str, Any]
    results: tuple[RuleResult, ...]


def _record_name(record: str) -> str:
    """The MOT record file named by an enrichment ('mof:OLMo-7B.yml' -> 'OLMo-7B.yml')."""
    return record.removeprefix("mof:")


def _best(candidates: Sequence[tuple[str, MofResult]]) -> tuple[str, MofResult]:
    """The record giving the highest class (then the most progress, then the first name)."""
    return min(
        candidates,
        key=lambda c: (c[1].mof_class or 4, -sum(c[1].progress.values()), c[0]),
    )


def _next_class(result: MofResult) -> int | None:
    """The class the model would reach next: III when unclassified, none above Class I."""
    return {0: 3, 3: 2, 2: 1}.get(result.mof_class)


def _gaps(result: MofResult, target: int) -> tuple[list[str], list[str], list[str]]:
    """Missing, non-open and unlicensed components that stand between the model and a class."""
    ev = result.evaluations[target]
    invalid = [n for n in result.licences if n in ev.invalid]
    unlicensed = [n for n in result.licences if n in ev.unlicensed]
    return list(ev.missing), invalid, unlicensed


def _message(record: str, result: MofResult) -> str:
    """One sentence for the class, then what the next class still needs."""
    text = f"MOF class: {result.label} (Model Openness Tool rules, record {record})."
    target = _next_class(result)
    if target is None:
        text += " Every Class I component is present under an open licence."
    else:
        missing, invalid, unlicensed = _gaps(result, target)
        needs = []
        if missing:
            needs.append("missing " + ", ".join(missing))
        if invalid:
            named = ", ".join(f"{n} ({result.licences[n]})" for n in invalid)
            needs.append(f"not under an open licence: {named}")
        if unlicensed:
            needs.append("no licence: " + ", ".join(unlicensed))
        text += f" For {LABELS[target]}: " + "; ".join(needs) + "."
    if result.conditional:
        types = {c.name: c.content_type for c in mof_tables().components}
        wrong = [f"{n} ({result.licences[n]} for {types[n]})" for n in result.not_type_appropriate]
        text += " Conditional: open licence not meant for the content type: " + ", ".join(wrong) + "."
    return text


def _unknown() -> MofAssessment:
    """The assessment of a model the Model Openness Tool has no record for."""
    summary: dict[str, Any] = {
        "class": None,
        "label": NOT_IN_MOT,
        "record": None,
        "next_class": None,
        "missing": [],
        "invalid": [],
        "unlicensed": [],
        "conditional": False,
        "not_type_appropriate": [],
        "progress": None,
        "source": MOT_SOURCE,
    }
    result = RuleResult(
        "openness.mof",
        "unknown",
        "MOF class unknown: the Model Openness Tool has no record for this model.",
        (FactUsed("MOT record", None, MOT_SOURCE),),
        (MOF,),
    )
    return MofAssessment(summary, (result,))


def mof_assessment(model: Model, catalog: Catalog) -> MofAssessment:
    """The MOF class of a model from the MOT record(s) the catalog's enrichments attach to it."""
    candidates = [
        (_record_name(e.record), classify(e.mof_components))
        for e in catalog.enrichments.get(model.id, ())
        if e.mof_components is not None
    ]
    if not candidates:
        return _unknown()
    record, result = _best(candidates)
    target = _next_class(result)
    missing, invalid, unlicensed = _gaps(result, target) if target else ([], [], [])
    source = f"Model Openness Tool record {record} (lfai/model_openness_tool @{mof_tables().commit[:8]}, MIT)"
    summary: dict[str, Any] = {
        "class": result.mof_class,
        "label": result.label,
        "record": record,
        "next_class": target,
        "missing": missing,
        "invalid": invalid,
        "unlicensed": unlicensed,
        "conditional": result.conditional,
        "not_type_appropriate": list(result.not_type_appropriate),
        "progress": {f"class_{c}": round(result.progress[c], 1) for c in (3, 2, 1)},
        "source": MOT_SOURCE,
    }
    facts = [
        FactUsed("MOF components", dict(result.licences), source, "reported"),
        FactUsed("MOF progress (%)", summary["progress"], "Model Openness Tool rules (ModelEvaluator)"),
    ]
    others = sorted(name for name, _ in candidates if name != record)
    if others:
        facts.append(FactUsed("other MOT records for this model", others, MOT_SOURCE, "reported"))
    rule = RuleResult(
        "openness.mof", OUTCOMES[result.mof_class], _message(record, result), tuple(facts), (MOF,)
    )
    return MofAssessment(summary, (rule,))
