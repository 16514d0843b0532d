"""The SDK families the scanner knows, each declared once, and the lookup tables derived from them.

Adding an SDK or framework is one `family(...)` declaration in `vendors`, `local` or `frameworks` (or
`vercel` for JavaScript provider functions), naming its providers with `openwatch.providers`.
"""

from __future__ import annotations

from openwatch.scanner.sdks.declare import CallSite, Family, JsCall
from openwatch.scanner.sdks.frameworks import FRAMEWORK_FAMILIES
from openwatch.scanner.sdks.local import LOCAL_FAMILIES
from openwatch.scanner.sdks.vendors import VENDOR_FAMILIES
from openwatch.scanner.sdks.vercel import VERCEL_AI

FAMILIES: tuple[Family, ...] = (*VENDOR_FAMILIES, *LOCAL_FAMILIES, *FRAMEWORK_FAMILIES, VERCEL_AI)
"""Every family; where two declared calls match the same argument, the earlier family's call wins."""


def _ordered_sites() -> tuple[CallSite, ...]:
    """Python call sites, most specific first: adapting sites, then exact callee patterns, then wildcards."""
    sites = [declared for declared in (s for f in FAMILIES for s in f.sites)]
    return tuple(sorted(sites, key=lambda s: (not s.adapts, s.wildcard)))


CALL_SITES: tuple[CallSite, ...] = _ordered_sites()
"""Every Python call site; for one argument, the first matching site wins."""
CLIENT_PROVIDERS: dict[str, str] = {name: p for f in FAMILIES for name, p in f.clients.items()}
"""The provider implied by the client class (last dotted segments of its qualified name) a call is made on."""
CLIENT_FLAGS: dict[str, str] = {flag: p for f in FAMILIES for flag, p in f.client_flags.items()}
SDK_PACKAGES: tuple[str, ...] = tuple(dict.fromkeys(package for f in FAMILIES for package in f.packages))
"""Python packages whose import (or mention) makes a file worth parsing."""
JS_CALLS: tuple[JsCall, ...] = tuple(call for f in FAMILIES for call in f.js_calls)
JS_MODULES: dict[str, str] = {module: p for f in FAMILIES for module, p in f.js_modules.items()}
JS_CLIENTS: dict[str, str] = {name: p for f in FAMILIES for name, p in f.js_clients.items()}


def client_provider(segments: tuple[str, ...]) -> str | None:
    """The provider implied by a client class's qualified name, or None."""
    for start in range(len(segments)):
        provider = CLIENT_PROVIDERS.get(".".join(segments[start:]))
        if provider is not None:
            return provider
    return None


GENERIC_WORDS = frozenset(
    {"create", "stream", "generate", "complete", "parse", "pull", "load", "train", "edit", "engine", "chat",
     "embed", "embeddings", "embedding", "model", "models", "client", "agent", "run", "invoke", "predict",
     "call", "count_tokens", "id", "llm", "together"}
)  # fmt: skip
"""Callee segments and argument names too common in ordinary code to be worth parsing a file for."""


def _prefilter_keywords() -> tuple[str, ...]:
    """Words of which one must occur in a Python file for a declared site to possibly match.

    The packages the sites come from, and the distinctive segments of their callees and argument names;
    a file naming a catalog alias passes the prefilter anyway, so a constant module is never missed.
    """
    words = {"from_pretrained", "completions", "base_url", *SDK_PACKAGES}
    for declared in CALL_SITES:
        words.update(module.split(".")[0] for module in declared.modules)
        for callee in declared.callees:
            words.update(seg.strip("*") for seg in callee.split(".") if len(seg.strip("*")) >= 5)
        words.update(declared.keywords)
    return tuple(sorted(w for w in words if w.lower() not in GENERIC_WORDS and len(w) >= 4))


PREFILTER_KEYWORDS = _prefilter_keywords()
