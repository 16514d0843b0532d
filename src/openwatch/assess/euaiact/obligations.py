"""The R6 obligations table as data, and the function that picks the rows for a provider's situation."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

AppliesWhen = Literal["provider", "sr", "non-eu-provider", "authorised-rep"]
RemovedWhen = Literal["foss", "never"]


@dataclass(frozen=True)
class ObligationRow:
    """One row of the spec's R6 table."""

    id: str
    obligation: str
    article: str
    tag: str
    applies_when: AppliesWhen
    removed_when: RemovedWhen
    scope_note: str = ""
    modifier_limited: bool = False


TABLE: tuple[ObligationRow, ...] = (
    ObligationRow(
        "O-52-1",
        "Notify the Commission within two weeks after the Art. 51(1)(a) condition is met or "
        "known, with compute to 2 significant figures and the estimation method",
        "Art. 52(1)-(2)",
        "LAW",
        "sr",
        "never",
        "may be due before training ends; a rebuttal does not suspend it",
    ),
    ObligationRow(
        "O-53-1a",
        "Technical documentation (at least Annex XI §1), kept up to date and handed over on request",
        "Art. 53(1)(a), Annex XI",
        "LAW",
        "provider",
        "foss",
        modifier_limited=True,
    ),
    ObligationRow(
        "O-53-1a-SR",
        "Extra Annex XI §2 content: evaluation strategies and results, adversarial "
        "testing, model adaptations, system architecture",
        "Annex XI §2",
        "LAW",
        "sr",
        "never",
    ),
    ObligationRow(
        "O-53-1b",
        "Information and documentation for downstream AI-system providers (at least Annex XII)",
        "Art. 53(1)(b), Annex XII",
        "LAW",
        "provider",
        "foss",
        "IP and trade secrets protected",
        modifier_limited=True,
    ),
    ObligationRow(
        "O-53-1c",
        "Copyright policy, incl. identifying and honouring TDM opt-outs (Art. 4(3) Directive (EU) 2019/790)",
        "Art. 53(1)(c)",
        "LAW",
        "provider",
        "never",
        modifier_limited=True,
    ),
    ObligationRow(
        "O-53-1d",
        "Public, sufficiently detailed summary of training content on the AI Office template",
        "Art. 53(1)(d)",
        "LAW",
        "provider",
        "never",
        modifier_limited=True,
    ),
    ObligationRow(
        "O-53-3",
        "Cooperate with the Commission and national authorities",
        "Art. 53(3)",
        "INFERENCE",
        "provider",
        "never",
        "not removed by the open-source exemption [INFERENCE]",
    ),
    ObligationRow(
        "O-54",
        "Appoint an EU authorised representative by written mandate before placing on the market",
        "Art. 54(1)-(5)",
        "LAW",
        "non-eu-provider",
        "foss",
        "the representative keeps Annex XI documentation for 10 years (Art. 54(3)(b))",
    ),
    ObligationRow(
        "O-55-1a",
        "Model evaluation with state-of-the-art protocols, incl. documented adversarial testing",
        "Art. 55(1)(a)",
        "LAW",
        "sr",
        "never",
    ),
    ObligationRow(
        "O-55-1b",
        "Assess and mitigate systemic risks at Union level, incl. their sources",
        "Art. 55(1)(b)",
        "LAW",
        "sr",
        "never",
        "continuously, over the whole lifecycle (GL §2.2)",
    ),
    ObligationRow(
        "O-55-1c",
        "Track, document and report serious incidents and corrective measures to the AI "
        "Office without undue delay",
        "Art. 55(1)(c)",
        "LAW",
        "sr",
        "never",
        "includes serious cybersecurity breaches (GL §5.2)",
    ),
    ObligationRow(
        "O-55-1d",
        "Adequate cybersecurity for the model and its physical infrastructure",
        "Art. 55(1)(d)",
        "LAW",
        "sr",
        "never",
    ),
    ObligationRow(
        "O-AR",
        "Tasks of an authorised representative (if you are the AR)",
        "Art. 54(3)-(5)",
        "LAW",
        "authorised-rep",
        "foss",
    ),
)

MODIFIER_SCOPE = "limited to the modification (Rec. 109; GL §3.2.1)"


@dataclass(frozen=True)
class Obligation:
    """An obligation owed in this situation, with its scope and any condition still open."""

    id: str
    article: str
    obligation: str
    scope: str = ""
    condition: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "id": self.id,
            "article": self.article,
            "obligation": self.obligation,
            "scope": self.scope,
            "condition": self.condition,
        }


Tri = Literal["yes", "no", "review"]


def _join(*parts: str | None) -> str | None:
    kept = [p for p in parts if p]
    return "; ".join(kept) if kept else None


def select_obligations(
    *,
    gpai: Tri,
    systemic_risk: Tri,
    foss: Tri,
    outside_eu: Tri,
    modifier: bool,
    condition: str | None = None,
    rows: Sequence[ObligationRow] = TABLE,
) -> tuple[Obligation, ...]:
    """The rows a GPAI provider owes; open questions ('review') become conditions on the row."""
    if gpai == "no":
        return ()
    gpai_cond = _join(condition, "if the model is GPAI" if gpai == "review" else None)
    out: list[Obligation] = []
    for row in rows:
        cond: str | None = gpai_cond
        if row.applies_when == "authorised-rep":
            continue  # only when the user is the AR, a role the settings do not model
        if row.applies_when == "sr":
            if systemic_risk == "no":
                continue
            cond = _join(cond, "if the model is SR" if systemic_risk == "review" else None)
        if row.applies_when == "non-eu-provider":
            if outside_eu == "no":
                continue
            cond = _join(
                cond, "if the provider is established outside the EU" if outside_eu == "review" else None
            )
        if row.removed_when == "foss" and systemic_risk != "yes":
            if foss == "yes":
                continue
            cond = _join(cond, "unless the open-source exemption applies" if foss == "review" else None)
        scope = row.scope_note
        if modifier and row.modifier_limited and systemic_risk != "yes":
            scope = _join(MODIFIER_SCOPE, scope) or ""
        out.append(Obligation(row.id, row.article, row.obligation, scope, cond))
    return tuple(out)
