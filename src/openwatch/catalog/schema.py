"""Pydantic schema of the catalog: labs, their events and models, licences, each fact with provenance."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

Status = Literal["vendor-claim", "reported", "verified"]
"""How sure a fact is: the vendor says so, someone else reported it, or we read the primary text."""


class Access(StrEnum):
    """How a model can be obtained (the tiers follow Epoch AI's accessibility values)."""

    OPEN_UNRESTRICTED = "open-weights-unrestricted"
    OPEN_RESTRICTED = "open-weights-restricted"
    OPEN_NON_COMMERCIAL = "open-weights-non-commercial"
    API_ONLY = "api-only"
    HOSTED_NO_API = "hosted-no-api"
    UNRELEASED = "unreleased"
    UNKNOWN = "unknown"

    @property
    def is_open_weights(self) -> bool:
        """True for the three open-weights tiers."""
        return self.value.startswith("open-weights")


class EventKind(StrEnum):
    """What kind of openness event a lab's timeline records."""

    OPEN_WEIGHTS_RELEASE = "open-weights-release"
    CLOSED_RELEASE = "closed-release"
    LICENCE_CHANGE = "licence-change"
    POLICY_ANNOUNCEMENT = "policy-announcement"
    STATEMENT = "statement"
    """A third party's statement about the lab (news analysis, index, report): a claim, never evidence."""


class Stance(StrEnum):
    """A lab's overall openness stance on a date."""

    OPEN = "open"
    OPEN_WEIGHT = "open-weight"
    HYBRID = "hybrid"
    CLOSED = "closed"
    UNKNOWN = "unknown"


class Strict(BaseModel):
    """Base for catalog records: unknown fields are errors, records are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(Strict):
    """Where a fact comes from."""

    publisher: str = Field(min_length=1)
    url: str | None = None
    citation: str | None = None
    date: dt.date | None = None
    status: Status = "reported"


class Compute(Strict):
    """Training compute in FLOP, how it was estimated and how sure it is; value None means unknown."""

    value: float | None = Field(default=None, gt=0)
    method: Literal["reported", "hardware", "6ND", "unknown"] = "unknown"
    uncertainty: str | None = None
    basis: Literal["parameter-updates", "cumulative", "unknown"] = "unknown"
    source: Source | None = None


class Parameters(Strict):
    """Parameter count (total, and active for mixture-of-experts models); None means unknown."""

    total: int | None = Field(default=None, gt=0)
    active: int | None = Field(default=None, gt=0)
    source: Source | None = None


Openness = Literal["open", "partial", "closed", "unknown"]


class Components(Strict):
    """Known openness of a model's components beyond its weights."""

    data: Openness = "unknown"
    training_code: Openness = "unknown"
    inference_code: Openness = "unknown"
    docs: Openness = "unknown"
    paper: Openness = "unknown"
    source: Source | None = None


class Aliases(Strict):
    """Every form in which code names a model."""

    hub: list[str] = Field(default_factory=list)
    api: list[str] = Field(default_factory=list)
    bedrock: list[str] = Field(default_factory=list)
    vertex: list[str] = Field(default_factory=list)
    azure: list[str] = Field(default_factory=list)
    ollama: list[str] = Field(default_factory=list)
    gguf: list[str] = Field(default_factory=list)
    other: list[str] = Field(default_factory=list)

    def all(self) -> list[tuple[str, str]]:
        """Every alias as (form, text)."""
        out: list[tuple[str, str]] = []
        for form in ("hub", "api", "bedrock", "vertex", "azure", "ollama", "gguf", "other"):
            out.extend((form, text) for text in getattr(self, form))
        return out


Modality = Literal["text", "code", "image", "audio", "speech", "video", "embedding", "other"]


def _text_only() -> list[Modality]:
    return ["text"]


class Modalities(Strict):
    """What a model takes in and puts out."""

    input: list[Modality] = Field(default_factory=_text_only)
    output: list[Modality] = Field(default_factory=_text_only)


class ApiSnapshot(Strict):
    """A dated API snapshot with its retirement date, where known."""

    id: str
    deprecation_date: dt.date | None = None
    source: Source | None = None


class Model(Strict):
    """One model version as the catalog knows it."""

    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9._-]*/[a-z0-9][a-z0-9._+-]*$")]
    name: str
    lab: str
    family: str
    version: str | None = None
    kind: Literal["llm", "embedding", "image", "speech", "vision", "multimodal", "other"] = "llm"
    task_breadth: Literal["broad", "narrow", "unknown"] = "unknown"
    released: dt.date | None = None
    parameters: Parameters = Parameters()
    training_compute: Compute = Compute()
    modalities: Modalities = Modalities()
    access: Access = Access.UNKNOWN
    licence: str | None = None
    components: Components = Components()
    base_model: str | None = None
    successor: str | None = None
    aliases: Aliases = Aliases()
    snapshots: list[ApiSnapshot] = Field(default_factory=list)
    monetised: bool | None = None
    gating: Literal["none", "auto", "manual", "unknown"] = "unknown"
    systemic_risk: bool | None = None
    """Known EU AI Act systemic-risk status (designation, Art. 52(6) list, notification); None = unknown."""
    notes: str | None = None
    curated: bool = True
    sources: list[Source] = Field(min_length=1)
    status: Status = "reported"


class Denial(Strict):
    """A checkable part of a claim: the lab made no release of this kind (and tier) after a date."""

    kind: Literal["open-weights-release", "closed-release"]
    since: dt.date
    tier: Literal["frontier", "smaller", "all"] = "all"


class Event(Strict):
    """A dated, sourced claim about a lab's openness; `id` is stable (given, or derived at load)."""

    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9._:-]*$")] | None = None
    date: dt.date
    date_precision: Literal["day", "month", "year"] = "day"
    kind: EventKind
    summary: str
    models: list[str] = Field(default_factory=list)
    tier: Literal["frontier", "smaller", "all"] = "all"
    declares: Stance | None = None
    denies: Denial | None = None
    sources: list[Source] = Field(min_length=1)
    status: Status = "reported"
    notes: str | None = None


class Lab(Strict):
    """An organisation that releases models, with its stance timeline."""

    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9._-]*$")]
    name: str
    country: str | None = None
    eu_established: bool | None = None
    aliases: list[str] = Field(default_factory=list)
    code_of_practice: Literal["full", "safety-security-only", "declined", "unknown"] = "unknown"
    events: list[Event] = Field(default_factory=list)
    sources: list[Source] = Field(default_factory=list)


class LabFile(Strict):
    """One YAML file under labs/: a lab and the models it released."""

    lab: Lab
    models: list[Model] = Field(default_factory=list)


class EventsFile(Strict):
    """One YAML file under an overlay's events/: events appended to a lab's timeline."""

    lab: str
    events: list[Event] = Field(default_factory=list)


class Grant(Strict):
    """One right a licence grants: yes, no, only under a condition, or unknown (text not seen)."""

    value: bool | Literal["conditional", "unknown"]
    condition: str | None = None


class Grants(Strict):
    """The four rights the EU open-source test asks about, plus commercial use."""

    use: Grant
    modify: Grant
    redistribute: Grant
    commercial: Grant


RestrictionKind = Literal[
    "user-cap",
    "acceptable-use-policy",
    "attribution",
    "naming",
    "regional-exclusion",
    "output-use",
    "non-commercial",
    "field-of-use",
    "revocation",
    "other",
]


class Restriction(Strict):
    """A term that limits what a licensee may do."""

    kind: RestrictionKind
    detail: str
    clause: str | None = None
    threshold: int | None = None
    regions: list[str] = Field(default_factory=list)
    applies_to: str | None = None


class Verdict(Strict):
    """A rule's verdict on a licence with its reason and citation."""

    verdict: Literal["pass", "fail", "review"]
    reason: str
    basis: str


class Licence(Strict):
    """One licence version."""

    key: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9._-]*$")]
    name: str
    version: str | None = None
    kind: Literal[
        "permissive", "copyleft", "open-rail", "community", "non-commercial", "research", "proprietary"
    ]
    spdx_id: str | None = None
    licenseref: str | None = None
    hf_license_ids: list[str] = Field(default_factory=list)
    osi_approved: bool = False
    grants: Grants
    restrictions: list[Restriction] = Field(default_factory=list)
    derivatives: str | None = None
    eu_foss_licence_test: Verdict
    sources: list[Source] = Field(min_length=1)
    status: Status = "reported"
    notes: str | None = None

    @field_validator("spdx_id", "licenseref")
    @classmethod
    def _no_blank(cls, value: str | None) -> str | None:
        if value is not None and not value.strip():
            raise ValueError("must not be blank")
        return value

    @property
    def expression_id(self) -> str:
        """The SPDX id, else the LicenseRef id, else a LicenseRef built from the key."""
        return self.spdx_id or self.licenseref or f"LicenseRef-openwatch-{self.key}"


class LicenceFile(Strict):
    """One YAML file under licences/."""

    licence: Licence
