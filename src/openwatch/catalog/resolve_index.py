"""Lookup tables the resolver builds once per catalog: model names by compact key, and orgs by lab."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from openwatch.catalog.load import Catalog
from openwatch.catalog.resolve_rules import (
    BEDROCK_REGIONS,
    BEDROCK_VENDORS,
    ORG_LAB_HINTS,
    bedrock_unversioned,
    compact,
    loose_name,
    name_keys,
    split_bedrock,
    strip_date_tail,
)
from openwatch.catalog.schema import Model


@dataclass(frozen=True)
class NameHit:
    """The outcome of a name lookup: one model, several (ambiguous) or none."""

    model_ids: tuple[str, ...] = ()
    tier: str = ""

    @property
    def unique(self) -> str | None:
        """The model id when exactly one model matched."""
        return self.model_ids[0] if len(self.model_ids) == 1 else None


@dataclass
class NameIndex:
    """Model ids by compact name in three tiers (exact names, undated names, names without -instruct)."""

    strict: dict[str, set[str]] = field(default_factory=dict)
    undated: dict[str, set[str]] = field(default_factory=dict)
    loose: dict[str, set[str]] = field(default_factory=dict)
    org_labs: dict[str, str] = field(default_factory=dict)
    bedrock_vendors: frozenset[str] = BEDROCK_VENDORS
    model_labs: dict[str, str] = field(default_factory=dict)

    def find(self, name: str, lab: str | None = None) -> NameHit:
        """Models whose name matches, tier by tier; a tier that knows the key decides."""
        keys = name_keys(name)
        for tier_name, tier in (("name", self.strict), ("undated name", self.undated), ("loose", self.loose)):
            found: set[str] = set()
            known = False
            for key in keys:
                if key in tier:
                    known = True
                    found |= tier[key]
            if not known:
                continue
            if lab is not None:
                found = {m for m in found if self.model_labs.get(m) == lab}
                if not found:
                    continue
            return NameHit(tuple(sorted(found)), tier_name)
        return NameHit()

    def lab_of_org(self, org: str) -> str | None:
        """The lab an org or vendor name stands for, if the catalog has that lab."""
        return self.org_labs.get(org.lower()) or self.org_labs.get(compact(org))


def _names_of(model: Model, vendors: frozenset[str]) -> Iterable[tuple[str, str]]:
    """(form, bare name) pairs under which a model is indexed; Ollama tags are left to exact lookup."""
    yield "id", model.id.split("/", 1)[1]
    aliases = model.aliases
    for text in (*aliases.hub, *aliases.api, *aliases.azure, *aliases.gguf, *aliases.other):
        yield "name", text.rsplit("/", 1)[-1]
    for text in aliases.vertex:
        last = text.rsplit("/", 1)[-1]
        yield "name", last.replace("@", "-")
    for text in aliases.bedrock:
        split = split_bedrock(text, vendors)
        if split is not None:
            yield "bedrock", split[1]
            if (unversioned := bedrock_unversioned(split[1])) is not None:
                yield "bedrock", unversioned


def _add(tier: dict[str, set[str]], keys: Iterable[str], model_id: str) -> None:
    for key in keys:
        if key:
            tier.setdefault(key, set()).add(model_id)


def _bedrock_vendors(catalog: Catalog) -> frozenset[str]:
    vendors = set(BEDROCK_VENDORS)
    for model in catalog.models.values():
        for text in model.aliases.bedrock:
            head = text.lower().split(".")
            if len(head) >= 2:
                vendors.add(head[1] if head[0] in BEDROCK_REGIONS else head[0])
    return frozenset(vendors)


def _org_labs(catalog: Catalog) -> dict[str, str]:
    org_labs: dict[str, str] = {}
    for org, lab in ORG_LAB_HINTS.items():
        if lab in catalog.labs:
            org_labs[org] = lab
    for lab_id, lab_record in catalog.labs.items():
        org_labs.setdefault(lab_id, lab_id)
        for alias in lab_record.aliases:
            org_labs.setdefault(alias.lower(), lab_id)
            org_labs.setdefault(compact(alias), lab_id)
    for model in catalog.models.values():
        for text in model.aliases.hub:
            if "/" in text:
                org_labs.setdefault(text.split("/", 1)[0].lower(), model.lab)
    return org_labs


def build_index(catalog: Catalog) -> NameIndex:
    """Build the name tables for one catalog (done once per Resolver)."""
    vendors = _bedrock_vendors(catalog)
    index = NameIndex(org_labs=_org_labs(catalog), bedrock_vendors=vendors)
    for model in catalog.models.values():
        index.model_labs[model.id] = model.lab
        for form, name in _names_of(model, vendors):
            keys = name_keys(name)
            if name.lower().endswith("-hf"):
                keys += name_keys(name[:-3])
            _add(index.strict, keys, model.id)
            if form != "id":
                _add(index.undated, name_keys(strip_date_tail(name)), model.id)
            loose = loose_name(name)
            if loose is not None:
                _add(index.loose, name_keys(loose.removesuffix("-hf")), model.id)
    return index
