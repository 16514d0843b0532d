"""Take a model reference apart: URL, provider prefix, routing segments, org and name, revision, file name."""

from __future__ import annotations

import re
from dataclasses import dataclass

from openwatch import providers
from openwatch.catalog.resolve_rules import PROVIDER_PREFIXES, is_routing_segment

_HUB_URL = re.compile(r"^(?:https?://)?(?:www\.)?(?:huggingface\.co|hf\.co)/", re.IGNORECASE)
_OLLAMA_REGISTRY = re.compile(r"^(?:https?://)?registry\.ollama\.ai/(?:library/)?", re.IGNORECASE)
_REVISION = re.compile(r"@(?![0-9]{3,8}$)(?!default$|latest$)[A-Za-z0-9._-]+$")
_OLLAMA_TAG = re.compile(r"^[a-z0-9][a-z0-9._-]*:[A-Za-z0-9][A-Za-z0-9._-]*$", re.IGNORECASE)


@dataclass(frozen=True)
class Parsed:
    """What a reference says once taken apart."""

    text: str
    provider: str | None = None
    org: str | None = None
    name: str = ""
    hub: bool = False
    revision: str | None = None
    ollama_tag: str | None = None
    fine_tune_of: str | None = None
    org_is_host: bool = False

    @property
    def path(self) -> str:
        """org/name, or the name alone."""
        return f"{self.org}/{self.name}" if self.org else self.name


def _vertex_tail(segments: list[str]) -> list[str] | None:
    """`[projects/p/locations/l/]publishers/X/models/Y` → [X, Y]."""
    lower = [s.lower() for s in segments]
    if "publishers" in lower:
        at = lower.index("publishers")
        if at + 3 < len(segments) and lower[at + 2] == "models":
            return [segments[at + 1], segments[at + 3]]
    return None


def _fireworks_tail(segments: list[str]) -> tuple[list[str], bool] | None:
    """`accounts/<acct>/models/<name>` → the name; an account other than fireworks is a user's own org."""
    lower = [s.lower() for s in segments]
    if len(segments) >= 4 and lower[0] == "accounts" and lower[2] in ("models", "routers", "deployedmodels"):
        if lower[1] == "fireworks":
            return [segments[3]], False
        return [segments[1], segments[3]], False
    return None


def _peel(segments: list[str], provider: str | None) -> tuple[list[str], str | None, bool]:
    """Remove provider prefixes and routing segments from the front; True if a host namespace was met."""
    host = False
    while len(segments) > 1:
        head = segments[0]
        lower = head.lower()
        if lower in PROVIDER_PREFIXES:
            provider = provider or lower
            host = True
        elif not is_routing_segment(head) and lower != "models":
            break
        segments = segments[1:]
    return segments, provider, host


COLON_PROVIDERS: dict[str, str] = {
    spelling: providers.canonical(spelling)
    for spelling in ("openai", "anthropic", "groq", "mistral", "cohere", "bedrock", "deepseek", "google-gla",
                     "google-vertex", "google_genai", "huggingface")
}  # fmt: skip
"""`provider:model` spellings (Pydantic AI's `openai:gpt-4o`, LangChain's init_chat_model) and providers."""


def parse(text: str, provider: str | None = None) -> Parsed:
    """Split a reference into provider, org and name; the caller tries each part against the catalog."""
    clean = text.strip().strip("\"'`").strip()
    hub = False
    if _HUB_URL.match(clean):
        clean, hub = _HUB_URL.sub("", clean, count=1), True
    elif _OLLAMA_REGISTRY.match(clean):
        clean, provider = _OLLAMA_REGISTRY.sub("", clean, count=1), provider or "ollama"
    clean = clean.split("?", 1)[0].split("#", 1)[0].rstrip("/")
    head, colon, rest = clean.partition(":")
    if colon and "/" not in head and rest and head.lower() in COLON_PROVIDERS:
        clean, provider = rest, provider or COLON_PROVIDERS[head.lower()]
    fine_tune_of = None
    if clean.lower().startswith("ft:"):
        fine_tune_of = clean[3:].split(":", 1)[0]
    segments = [s for s in clean.split("/") if s]
    if hub:
        while len(segments) > 2 and segments[0].lower() in ("api", "models"):
            segments = segments[1:]
        segments = segments[:2]
    segments, provider, host = _peel(segments, provider)
    if (vertex := _vertex_tail(segments)) is not None:
        segments, provider = vertex, provider or "vertex_ai"
    elif (fireworks := _fireworks_tail(segments)) is not None:
        segments, _ = fireworks
        provider = provider or "fireworks_ai"
    segments, provider, more_host = _peel(segments, provider)
    host = host or more_host
    if len(segments) > 2:
        segments = segments[-2:]
    revision = None
    ollama_tag = None
    last = segments[-1] if segments else ""
    if len(segments) == 2 and (match := _REVISION.search(last)):
        revision, last = last[match.start() + 1 :], last[: match.start()]
        hub = True
    if hub and ":" in last:
        last, ollama_tag = last.split(":", 1)
    elif len(segments) == 1 and _OLLAMA_TAG.match(last) and not last.lower().startswith("ft:"):
        base, tag = last.split(":", 1)
        if not tag.isdigit():
            last, ollama_tag = base, tag
    org = segments[0] if len(segments) == 2 else None
    return Parsed(
        text=text,
        provider=provider,
        org=org,
        name=last,
        hub=hub,
        revision=revision,
        ollama_tag=ollama_tag,
        fine_tune_of=fine_tune_of,
        org_is_host=bool(org and org.lower() in PROVIDER_PREFIXES),
    )
