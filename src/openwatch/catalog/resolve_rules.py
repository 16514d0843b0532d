"""The resolver's rules: word tables (data/curated/resolve-rules.yaml), suffixes to strip, normalisation."""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

RULES_FILE = "resolve-rules.yaml"
RULES_PATH = Path(str(resources.files("openwatch.catalog") / "data" / "curated")) / RULES_FILE


def _load_tables() -> dict[str, Any]:
    """The word tables in data/curated/resolve-rules.yaml (read once, at import)."""
    text = RULES_PATH.read_text(encoding="utf-8")
    data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # libyaml's, when built
    if not isinstance(data, dict):
        raise ValueError(f"{RULES_FILE} is not a mapping")
    return data


_TABLES = _load_tables()
PROVIDER_PREFIXES: frozenset[str] = frozenset(_TABLES["provider_prefixes"])
"""First path segments that name the service an id is routed through (LiteLLM's provider prefixes and kin)."""
ROUTING_SEGMENTS: frozenset[str] = frozenset(_TABLES["routing_segments"])
"""Path segments between a provider prefix and the model that only pick a region, tier or route."""
REUPLOAD_ORGS: frozenset[str] = frozenset(_TABLES["reupload_orgs"])
"""Hugging Face orgs that re-upload or quantise other labs' models (lower case)."""
BEDROCK_REGIONS: frozenset[str] = frozenset(_TABLES["bedrock_regions"])
"""Cross-region inference prefixes of Bedrock model ids (`us.anthropic.…`)."""
BEDROCK_VENDORS: frozenset[str] = frozenset(_TABLES["bedrock_vendors"])
"""Vendor tokens of Bedrock and OCI ids (`meta.llama3-…`, `xai.grok-4`) before catalog ones are added."""
ORG_LAB_HINTS: dict[str, str] = {str(k): str(v) for k, v in _TABLES["org_labs"].items()}
"""Hugging Face orgs and provider namespaces that name a lab; used only when that lab is in the catalog."""
_AWS_REGION = re.compile(r"^(?:us|eu|ap|ca|sa|me|af|il|mx)(?:-gov)?-[a-z]+-\d$")

_BEDROCK_NAME = re.compile(r"^[a-z0-9]")
_BEDROCK_COLON = re.compile(r"(?:-\d+)?:\d+(?::\d+k)?$")
"""The version suffix of a Bedrock id (`-v1:0`), with a context-window variant (`:0:200k`) if any."""
_BEDROCK_VERSION = re.compile(r"-v\d+$")


@dataclass(frozen=True)
class Suffix:
    """A pattern stripped from the end of a name, and the kind of derivation it means."""

    pattern: re.Pattern[str]
    kind: str


def _suffix(regex: str, kind: str) -> Suffix:
    return Suffix(re.compile(regex, re.IGNORECASE), kind)


QUANT = "quantisation"
SNAPSHOT = "snapshot"
VARIANT = "provider variant"
CONVERSION = "conversion"

_QUANT_TOKEN = (
    r"gguf|ggml|awq|gptq|exl2|mlx|bnb|unsloth|imatrix|i1|dynamic|quantized|"
    r"fp8|fp16|bf16|fp4|nvfp4|mxfp4|int4|int8|\d+bit|w\d+a\d+(?:-fp8)?|\d+(?:\.\d+)?bpw|q\d(?:_[a-z0-9]+)*"
)

NAME_SUFFIXES: tuple[Suffix, ...] = (
    _suffix(rf"[-_.](?:{_QUANT_TOKEN})$", QUANT),
    _suffix(r"-hf$", CONVERSION),
    _suffix(r"-\d{4}-\d{2}-\d{2}$", SNAPSHOT),
    _suffix(r"-\d{8}$", SNAPSHOT),
    _suffix(r"-\d{6}$", SNAPSHOT),
    _suffix(r"-(?:0[1-9]|1[0-2])\d{2}$", SNAPSHOT),
    _suffix(r"-(?:2[3-9])(?:0[1-9]|1[0-2])$", SNAPSHOT),
    _suffix(r"-\d{2}-\d{4}$", SNAPSHOT),
    _suffix(r"-\d{2}-\d{2}$", SNAPSHOT),
    _suffix(r"-00\d$", SNAPSHOT),
    _suffix(r"-latest$", SNAPSHOT),
    _suffix(r"-preview$", SNAPSHOT),
    _suffix(r"-exp$", SNAPSHOT),
    _suffix(r"@[a-z0-9]+$", SNAPSHOT),
    _suffix(r"(?:-v\d+:\d+|-\d+:\d+|:\d+|(?<=\d{8})-v\d+)$", SNAPSHOT),
    _suffix(r"(?:(?<=instruct)|(?<=\db))-turbo$", VARIANT),
    _suffix(r"-(?:maas|basic|lora|serverless|reference|tput|free|spot|ultrafast|us|eu)$", VARIANT),
    _suffix(r"-(?:fast|highspeed|ultraspeed)$", VARIANT),
    _suffix(r":(?:free|nitro|floor|beta|extended|thinking|online|exacto)$", VARIANT),
)
"""Suffixes tried, one at a time and in any order, after the whole name failed to match."""

_GGUF_SHARD = re.compile(r"[-.]\d{5}-of-\d{5}$", re.IGNORECASE)
_GGUF_QUANT = re.compile(
    r"[-_.](?:i?q\d(?:_[a-z0-9]+)*|f16|f32|bf16|fp16|fp32|ud-[a-z0-9_]+|mxfp4(?:_moe)?)$", re.IGNORECASE
)
_OLLAMA_QUANT = re.compile(r"-(?:i?q\d(?:_[a-z0-9]+)*|fp16|fp32|bf16|f16|mxfp4|fp8)$", re.IGNORECASE)

_P_DECIMAL = re.compile(r"(?<=\d)p(?=\d)")
_VERSION_V = re.compile(r"(?:(?<=^)|(?<=[-_./ ]))v(?=\d)")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_VENDOR_PREFIXES = ("meta-", "databricks-", "nvidia-", "fw-")
_HAS_DIGIT = re.compile(r"\d")
_DATE_TAIL = re.compile(r"(?:-\d{4}-\d{2}-\d{2}|-\d{8}|-latest|-00\d)$")
_CHAT_TOKEN = re.compile(r"-(?:instruct|it|chat)(?=-|$)", re.IGNORECASE)


def compact(name: str) -> str:
    """Letters and digits only: `Llama-3.1-8B-Instruct`, `llama-v3p1-8b-instruct` → `llama318binstruct`."""
    text = _P_DECIMAL.sub(".", name.lower())
    return _NON_ALNUM.sub("", _VERSION_V.sub("", text))


def name_keys(name: str) -> list[str]:
    """The compact keys a model name is indexed and looked up under (with and without a vendor prefix)."""
    keys = [compact(name)]
    current = name
    while True:  # prefixes can stack: `databricks-meta-llama-3-3-70b-instruct`
        lower = current.lower()
        for prefix in _VENDOR_PREFIXES:
            rest = current[len(prefix) :]
            if lower.startswith(prefix) and (len(rest) >= 6 or (len(rest) > 3 and _HAS_DIGIT.search(rest))):
                keys.append(compact(rest))
                current = rest
                break
        else:
            return keys


def loose_name(name: str) -> str | None:
    """The name without its -instruct/-it/-chat token (how hosts often name the only chat model), if any."""
    loose = _CHAT_TOKEN.sub("", name)
    return loose if loose != name else None


def strip_date_tail(name: str) -> str:
    """A dated API alias without its date (`claude-3-haiku-20240307` → `claude-3-haiku`)."""
    return _DATE_TAIL.sub("", name)


def strip_suffixes(name: str) -> list[tuple[str, str]]:
    """Every name one suffix shorter, with the kind of derivation the removed suffix means."""
    out: list[tuple[str, str]] = []
    for suffix in NAME_SUFFIXES:
        match = suffix.pattern.search(name)
        if match and match.start() > 0:
            out.append((name[: match.start()], suffix.kind))
    return out


def gguf_stem(file_name: str) -> tuple[str, bool]:
    """A GGUF file name without folder, extension, shard and quantisation; True if a quant tag was removed."""
    stem = file_name.replace("\\", "/").rsplit("/", 1)[-1]
    stem = stem[: -len(".gguf")] if stem.lower().endswith(".gguf") else stem
    stem = _GGUF_SHARD.sub("", stem)
    quant = False
    while (match := _GGUF_QUANT.search(stem)) and match.start() > 0:
        stem, quant = stem[: match.start()], True
    return stem, quant


def ollama_tag_variants(tag: str) -> list[tuple[str, str]]:
    """Shorter forms of an Ollama tag (`8b-instruct-q4_K_M` → `8b-instruct`, `8b`), each with its kind."""
    out: list[tuple[str, str]] = []
    current = tag
    while (match := _OLLAMA_QUANT.search(current)) and match.start() > 0:
        current = current[: match.start()]
        out.append((current, QUANT))
    for token, kind in (
        ("-instruct", "ollama instruct tag"),
        ("-chat", "ollama instruct tag"),
        ("-text", "text"),
    ):
        if current.lower().endswith(token) and len(current) > len(token):
            out.append((current[: -len(token)], kind))
    return out


def is_routing_segment(segment: str) -> bool:
    """True for a path segment that picks a region, tier or route rather than naming a model."""
    lower = segment.lower()
    return lower in ROUTING_SEGMENTS or bool(_AWS_REGION.match(lower))


def split_bedrock(text: str, vendors: frozenset[str]) -> tuple[str, str] | None:
    """(vendor, model name) of a Bedrock-style id such as `us.meta.llama3-1-8b-instruct-v1:0`, else None."""
    parts = text.split(".", 2)
    lower = [p.lower() for p in parts]
    if len(parts) == 3 and lower[0] in BEDROCK_REGIONS and lower[1] in vendors and parts[2]:
        vendor, name = lower[1], parts[2]
    elif len(parts) >= 2 and lower[0] in vendors and _BEDROCK_NAME.match(lower[1]):
        vendor, name = lower[0], text[len(parts[0]) + 1 :]
    else:
        return None
    return vendor, _BEDROCK_COLON.sub("", name)


def bedrock_unversioned(name: str) -> str | None:
    """A Bedrock name without its trailing version (`llama3-1-8b-instruct-v1` → `…-instruct`), if any."""
    stripped = _BEDROCK_VERSION.sub("", name)
    return stripped if stripped != name and _HAS_DIGIT.search(stripped) else None
