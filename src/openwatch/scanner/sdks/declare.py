"""How an SDK family is declared: the Python and JavaScript calls that take a model id, and its clients."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from openwatch.domain import Use

INF, EMB, FT, DL = Use.INFERENCE, Use.EMBEDDING, Use.FINE_TUNE, Use.DOWNLOAD


@dataclass(frozen=True)
class CallSite:
    """One declared Python call site: callee patterns and the arguments that carry a model id.

    A callee pattern is a dotted suffix of the import-qualified callee (`chat.completions.create`,
    `*ForCausalLM.from_pretrained`, `ollama.chat`); each segment may use shell wildcards. When `modules`
    is set and the callee is imported from another package, the site does not match; when it cannot be
    told where the callee comes from, the site matches unless `strict`.
    """

    sdk: str
    callees: tuple[str, ...]
    positions: tuple[int, ...] = ()
    keywords: tuple[str, ...] = ("model",)
    provider: str | None = None
    use: Use = INF
    modules: tuple[str, ...] = ()
    strict: bool = False
    config_keys: tuple[str, ...] = ()
    """If set, the argument is a dict/list structure and these keys in it hold model ids."""
    basename: bool = False
    """The argument is a file path whose file name names the model (a GGUF file)."""
    provider_keyword: str | None = None
    adapts: bool = False
    """The call trains or adapts the model passed to it: references bound to it become fine-tune."""
    skip_if: tuple[tuple[str, str], ...] = ()
    """(keyword, literal) pairs that mean the call is not about a model, e.g. repo_type="dataset"."""
    requires: tuple[str, ...] = ()
    """Keywords that must be present and not literally False (timm's pretrained=True)."""
    note: str | None = None
    """What every reference found at this site should tell its reader (a hosted agent's id is not a model)."""

    @property
    def wildcard(self) -> bool:
        """True if a callee pattern uses shell wildcards (such sites are tried after exact ones)."""
        return any(char in callee for callee in self.callees for char in "*?[")


@dataclass(frozen=True)
class JsCall:
    """A JavaScript call whose argument (a string, or a property of an object literal) is a model id."""

    callee: str
    keys: tuple[str, ...] = ("model",)
    arg: int = 0
    use: Use = INF
    provider: str | None = None
    new: bool = False
    root: str | None = None
    """The name the callee must be called on (`ollama.chat`), if any."""


@dataclass(frozen=True)
class Family:
    """One SDK or framework, declared once: its Python and JavaScript call sites and its client classes.

    Providers are named with the constants of `openwatch.providers`.
    """

    name: str
    packages: tuple[str, ...] = ()
    """Python packages whose import makes a file worth parsing."""
    sites: tuple[CallSite, ...] = ()
    clients: Mapping[str, str] = field(default_factory=dict)
    """Python client classes (last dotted segments of the qualified name) and the provider each calls."""
    client_flags: Mapping[str, str] = field(default_factory=dict)
    """Client constructor keywords that, literally True, name the provider (`Client(vertexai=True)`)."""
    js_modules: Mapping[str, str] = field(default_factory=dict)
    """npm modules whose imports are clients of one provider."""
    js_clients: Mapping[str, str] = field(default_factory=dict)
    """JavaScript client classes (`new OpenAI()`) and the provider each calls."""
    js_calls: tuple[JsCall, ...] = ()


def site(*callees: str, **fields: object) -> CallSite:
    """A Python call site in one line (its family fills in the SDK name)."""
    return CallSite("", callees, **fields)  # type: ignore[arg-type]


def family(name: str, *sites: CallSite, **fields: object) -> Family:
    """A family whose sites carry its name."""
    named = tuple(replace(declared, sdk=name) for declared in sites)
    return Family(name, sites=named, **fields)  # type: ignore[arg-type]


HOSTED_AGENT = (
    "a hosted agent or assistant: the provider runs whichever model its stored configuration names, which "
    "the code does not show; look it up in the provider's console and add it to the project"
)
"""The note on references to hosted agents (their ids never resolve to a catalog model)."""


def sdk_method(callee: str, provider: str, use: Use = INF) -> JsCall:
    """A JavaScript client method taking `{ model: "…" }` (the client's own provider wins over this one)."""
    return JsCall(callee, use=use, provider=provider)


def chat_class(name: str, provider: str, use: Use = INF) -> JsCall:
    """A LangChain.js model class taking `new X({ model | modelName: "…" })`."""
    return JsCall(name, ("model", "modelName"), use=use, provider=provider, new=True)
