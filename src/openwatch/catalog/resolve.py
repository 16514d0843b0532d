"""Map text found in code (Hub ids, API ids, cloud ids, Ollama tags, GGUF files) to a catalog model."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from openwatch.catalog.load import Catalog
from openwatch.catalog.resolve_cache import cached_index
from openwatch.catalog.resolve_index import NameIndex
from openwatch.catalog.resolve_parse import Parsed, parse
from openwatch.catalog.resolve_rules import (
    CONVERSION,
    FINE_TUNE,
    QUANT,
    REUPLOAD_ORGS,
    SNAPSHOT,
    VARIANT,
    bedrock_unversioned,
    gguf_stem,
    ollama_tag_variants,
    split_bedrock,
    strip_suffixes,
)
from openwatch.domain import Resolution
from openwatch.providers import canonical

if TYPE_CHECKING:  # the Hub client is imported only when --online asks for it
    from openwatch.catalog.hub_online import HubLookup

_VERTEX_AT = re.compile(r"-v\d+@")
_SIZE_TAG = re.compile(r"^\d|^latest$", re.IGNORECASE)
_OLLAMA_QUANT_TAG = re.compile(r"-(?:i?q\d|fp16|bf16|f16)", re.IGNORECASE)
_LAB_PREFIX = re.compile(r"^([a-z0-9]+)[-.](.+)$", re.IGNORECASE)
_KIND_ORDER = (QUANT, "re-upload", CONVERSION, FINE_TUNE, SNAPSHOT, VARIANT)
_MAX_DEPTH = 4
_MAX_FRONTIER = 48
_MEMO_LIMIT = 200_000
_OLLAMA = ("ollama", "ollama_chat")


@dataclass(frozen=True)
class Outcome:
    """A resolution before the input text and provider are attached."""

    model_id: str | None
    matched: str | None = None
    method: str = "unresolved"
    note: str | None = None
    kinds: tuple[str, ...] = ()


_MISS = Outcome(None)


def _derived(kinds: tuple[str, ...], plain: str) -> str:
    """The method name for a match reached by stripping suffixes of these kinds."""
    for kind in _KIND_ORDER:
        if kind in kinds:
            return f"derived: {kind}"
    return next((f"derived: {kind}" for kind in kinds), plain)


def _fine_tune_noted(found: Outcome, name: str) -> Outcome:
    """Say that a name reached by dropping a fine-tune ending is a fine-tune, shown as its base model."""
    if FINE_TUNE not in found.kinds or found.note:
        return found
    note = (
        f"{name!r} is a fine-tune of {found.matched!r}; the base model's facts and licence are shown, "
        "and the fine-tune's own terms and changes are not in the catalog"
    )
    return replace(found, note=note)


class Resolver:
    """Resolves model references against one catalog; lookup tables are built once, answers memoised."""

    def __init__(self, catalog: Catalog, *, online: bool = False, hub: HubLookup | None = None) -> None:
        self.catalog = catalog
        self.index: NameIndex = cached_index(catalog)
        self.online = online
        if hub is None and online:
            from openwatch.catalog.hub_online import HubLookup

            hub = HubLookup()
        self.hub = hub
        self._memo: dict[tuple[str, str | None], Resolution] = {}

    def resolve(self, text: str, provider: str | None = None) -> Resolution:
        """The model a text names, or an unresolved Resolution (with a note when the reason is useful)."""
        key = (text, provider)
        found = self._memo.get(key)
        if found is None:
            found = self._resolve(text, provider)
            if len(self._memo) < _MEMO_LIMIT:
                self._memo[key] = found
        return found

    def _resolve(self, text: str, provider: str | None) -> Resolution:
        clean = text.strip().strip("\"'`").strip()
        outcome, via = _MISS, provider
        if clean:
            model = self.catalog.lookup(clean)
            if model is not None:
                outcome = Outcome(model.id, clean, "alias")
                if (
                    via is None
                    and "/" in clean
                    and clean.lower() not in {h.lower() for h in model.aliases.hub}
                ):
                    via = parse(clean).provider
            elif clean.lower().endswith(".gguf"):
                outcome = self._gguf(clean)
            else:
                parsed = parse(clean, provider)
                via = provider or parsed.provider
                outcome = self.offline(parsed)
                if outcome.model_id is None and self.online and self.hub is not None:
                    outcome = self._online(parsed, outcome, depth=0)
        return Resolution(
            text=text,
            model_id=outcome.model_id,
            matched=outcome.matched,
            method=outcome.method,
            note=outcome.note,
            via_provider=canonical(via) if via else None,
        )

    def offline(self, parsed: Parsed) -> Outcome:
        """Resolve a parsed reference from the catalog alone."""
        if parsed.fine_tune_of:
            found = self.match_name(parsed.fine_tune_of, None)
            if found.model_id is None:
                return found
            note = f"fine-tuned from {found.matched}; the base model's terms apply"
            return Outcome(found.model_id, found.matched, "derived: fine-tune (API)", note)
        exact = f"{parsed.path}:{parsed.ollama_tag}" if parsed.ollama_tag and not parsed.hub else parsed.path
        if (model := self.catalog.lookup(exact)) is not None:
            return Outcome(model.id, exact, "alias" if parsed.revision is None else "alias (revision)")
        if parsed.ollama_tag and not parsed.hub:
            found = self._ollama(parsed.name, parsed.ollama_tag)
            if found.model_id is not None or parsed.provider in _OLLAMA or _SIZE_TAG.match(parsed.ollama_tag):
                return found
            return self._by_org(replace(parsed, ollama_tag=None))  # `model:variant1` on an API host
        if parsed.provider in _OLLAMA and (model := self.catalog.lookup(f"{parsed.name}:latest")):
            return Outcome(model.id, f"{parsed.name}:latest", "alias")
        if parsed.org is None and (bedrock := split_bedrock(parsed.name, self.index.bedrock_vendors)):
            return self._bedrock(*bedrock)
        return self._by_org(parsed)

    def _bedrock(self, vendor: str, name: str) -> Outcome:
        """`meta.llama3-1-8b-instruct-v1`: the name as given, without its version, then vendor-prefixed."""
        lab = self.index.lab_of_org(vendor)
        found = _MISS
        for candidate in (name, bedrock_unversioned(name), f"{vendor}-{name}"):
            if candidate is not None:
                found = self.match_name(candidate, lab)
                if found.model_id is not None or found.note:
                    return found
        return found

    def _by_org(self, parsed: Parsed) -> Outcome:
        """Match the name, trusting the org as far as it deserves (lab, re-uploader, host or stranger)."""
        org = parsed.org
        if org is None or parsed.org_is_host:
            return self._with_lab_prefix(self.match_name(parsed.name, None), parsed.name)
        lower = org.lower()
        if lower in REUPLOAD_ORGS:
            found = self.match_name(parsed.name, None)
            if found.model_id is not None and QUANT not in found.kinds:
                return Outcome(found.model_id, found.matched, "derived: re-upload", found.note, found.kinds)
            return found
        lab = self.index.lab_of_org(org)
        if lab is not None:
            found = self.match_name(parsed.name, lab)
            return self._with_lab_prefix(found, parsed.name) if found.model_id is None else found
        found = self.match_name(parsed.name, None)
        if found.model_id is None or QUANT in found.kinds:
            return found
        note = (
            f"the name matches {found.model_id}, but {org!r} is not its publisher "
            "(a fine-tune or re-upload?); --online checks the Hub card"
        )
        return Outcome(None, None, "unresolved", note)

    def _with_lab_prefix(self, found: Outcome, name: str) -> Outcome:
        """Retry `zai-glm-5` / `perplexity-sonar` as the lab's own name when the whole name failed."""
        if found.model_id is not None or found.note:
            return found
        match = _LAB_PREFIX.match(name)
        if match is None or (lab := self.index.lab_of_org(match.group(1))) is None:
            return found
        retry = self.match_name(match.group(2), lab)
        return retry if retry.model_id is not None else found

    def match_name(self, name: str, lab: str | None) -> Outcome:
        """Match a bare model name: exact alias, compact name, then with suffixes stripped (breadth first)."""
        frontier: list[tuple[str, tuple[str, ...]]] = []
        seen: set[str] = set()
        start: tuple[tuple[str, tuple[str, ...]], ...] = (
            (name, ()),
            (name.replace("@", "-"), (SNAPSHOT,)),
            (_VERTEX_AT.sub("-", name), (SNAPSHOT,)),
        )
        for candidate, kinds in start:
            if candidate not in seen:
                seen.add(candidate)
                frontier.append((candidate, kinds))
        for _ in range(_MAX_DEPTH + 1):
            following: list[tuple[str, tuple[str, ...]]] = []
            for candidate, kinds in frontier:
                found = self._match_one(candidate, kinds, lab)
                if found is not None:
                    return _fine_tune_noted(found, name)
                for shorter, kind in strip_suffixes(candidate):
                    if shorter not in seen:
                        seen.add(shorter)
                        following.append((shorter, (*kinds, kind)))
            frontier = following[:_MAX_FRONTIER]
            if not frontier:
                break
        return _MISS

    def _match_one(self, candidate: str, kinds: tuple[str, ...], lab: str | None) -> Outcome | None:
        model = self.catalog.lookup(candidate)
        if model is not None:
            return Outcome(model.id, candidate, _derived(kinds, "alias"), None, kinds)
        hit = self.index.find(candidate, lab)
        if len(hit.model_ids) > 1:
            ambiguous = f"ambiguous: {candidate!r} matches {', '.join(hit.model_ids)}"
            return Outcome(None, None, "unresolved", ambiguous)
        if hit.unique is None:
            return None
        note: str | None = None
        if hit.tier == "loose":
            note = "host name without -instruct; the catalog has only this chat model"
        return Outcome(hit.unique, candidate, _derived(kinds, "name"), note, kinds)

    def _gguf(self, file_name: str) -> Outcome:
        stem, quantised = gguf_stem(file_name)
        found = self.match_name(stem, None)
        if found.model_id is None:
            return found
        method = "derived: quantisation (GGUF file)" if quantised else f"{found.method} (GGUF file)"
        return Outcome(found.model_id, found.matched, method, found.note, found.kinds)

    def _ollama(self, name: str, tag: str) -> Outcome:
        """Ollama `name:tag`: the tag as listed, else without quantisation, -instruct or -text."""
        if tag.lower() == "latest" and (model := self.catalog.lookup(name)):
            return Outcome(model.id, name, "alias")
        variants = ollama_tag_variants(tag)
        if tag.lower().endswith("-cloud"):
            variants.insert(0, (tag[: -len("-cloud")], VARIANT))
        for variant, kind in variants:
            model = self.catalog.lookup(f"{name}:{variant}")
            if model is None:
                continue
            matched = f"{name}:{variant}"
            if kind != "text":
                method = f"derived: {QUANT}" if _OLLAMA_QUANT_TAG.search(tag) else f"derived: {kind}"
                return Outcome(model.id, matched, method)
            if model.base_model and model.base_model in self.catalog.models:
                note = f"-text tag is the base (pre-trained) model of {model.id}"
                return Outcome(model.base_model, matched, "derived: ollama text tag", note)
            note = "-text tag names the base model; the catalog has no separate one, so this is the family"
            return Outcome(model.id, matched, "derived: ollama text tag", note)
        return Outcome(None, None, "unresolved", f"Ollama tag {name}:{tag} is not in the catalog")

    def _online(self, parsed: Parsed, offline: Outcome, depth: int) -> Outcome:
        """Ask the Hub about an unknown repo and inherit its base model when the catalog knows that."""
        if parsed.org is None or parsed.org_is_host or self.hub is None or depth > 2:
            return offline
        record = self.hub.info(f"{parsed.org}/{parsed.name}")
        if record is None or not record.found:
            reason = record.error if record is not None and record.error else "not a Hub repo id"
            return Outcome(None, None, "unresolved", "; ".join(filter(None, (offline.note, reason))))
        licence = record.licence_name or record.licence or "not stated"
        for base in record.base_models:
            base_parsed = parse(base)
            found = self.offline(base_parsed)
            if found.model_id is None:
                found = self._online(base_parsed, found, depth + 1)
            if found.model_id is not None:
                relation = {"quantized": "quantisation", "adapter": "adapter", "merge": "merge"}.get(
                    record.relation or "", "fine-tune"
                )
                note = f"Hub card of {record.repo_id}: licence tag {licence!r}; base model {base}"
                return Outcome(found.model_id, base, f"derived: {relation} (hub)", note)
        note = (
            f"on the Hub (licence tag {licence!r}, gated: {record.gated or 'unknown'}) but not in the catalog"
        )
        if record.base_models:
            note += f"; its base model {', '.join(record.base_models)} is not in the catalog either"
        return Outcome(None, None, "unresolved", note)
