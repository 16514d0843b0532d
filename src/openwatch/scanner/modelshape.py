"""Whether a string looks like a model id, and where in a value (a Hub URL, a GGUF path) the id is."""

from __future__ import annotations

import re

_ALLOWED = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:/@+-]*")
_VERSION = re.compile(r"[\^~<>=v]*\d+(\.\d+)*([-+.][0-9A-Za-z.]+)?")
_EMAIL = re.compile(r"@[^@]*\.[A-Za-z]{2,}$")
_HF_URL = re.compile(
    r"https?://(?:www\.)?(?:huggingface\.co|hf\.co)/(?!datasets/|spaces/|api/|docs/|blog/|models\b)"
    r"([A-Za-z0-9][\w.-]*/[A-Za-z0-9][\w.-]*)"
)
_TOKENS = re.compile(r"[-_/.:@]+")
_FIREWORKS = re.compile(r"accounts/[\w.-]+/(?:models|deployedModels|routers)/[\w.-]+")
"""A Fireworks AI id (`accounts/fireworks/models/llama-v3p1-70b-instruct`): deeper than a Hub id."""
ROUTES = frozenset({"auto", "default", "router", "fallback"})
"""Last segments that make an id a router's pseudo-model (`openrouter/auto`), not a model."""

FILE_SUFFIXES = (
    ".json", ".yaml", ".yml", ".toml", ".txt", ".py", ".js", ".ts", ".md", ".csv", ".bin", ".pt", ".pth",
    ".ckpt", ".safetensors", ".onnx", ".h5", ".pkl", ".gguf", ".zip", ".tar", ".gz", ".html", ".sh", ".env",
    ".log", ".jsonl", ".parquet", ".xml", ".ini", ".cfg",
)  # fmt: skip
GENERIC_WORDS = frozenset(
    [
        "auto",
        "default",
        "none",
        "null",
        "nil",
        "true",
        "false",
        "yes",
        "no",
        "on",
        "off",
        "base",
        "custom",
        "local",
        "remote",
        "latest",
        "string",
        "str",
        "any",
        "required",
        "optional",
        "dev",
        "prod",
        "main",
        "model",
        "models",
        "name",
        "id",
        "llm",
        "value",
        "todo",
        "tbd",
        "unknown",
        "test",
        "foo",
        "bar",
        "baz",
        "my-model",
        "your-model",
        "model-name",
        "model-id",
        "some-model",
        "example-model",
        "test-model",
        "your-model-name",
        "my-llm",
        "changeme",
        "replace-me",
    ]
)
FAKE_TOKENS = frozenset({"fake", "dummy", "mock", "stub", "placeholder", "xxx", "changeme"})


def looks_like_model_id(value: str) -> bool:
    """True if a string has the shape of a model id (not a path, URL, number, version, word or fake)."""
    if not value or len(value) > 200 or not _ALLOWED.fullmatch(value):
        return False
    lower = value.lower()
    if not any(ch.isalpha() for ch in value) or lower in GENERIC_WORDS:
        return False
    if lower.rsplit("/", 1)[-1] in ROUTES:
        return False
    too_deep = value.count("/") > 2 and not _FIREWORKS.fullmatch(value)
    if value.endswith((":", "/", ".", "-")) or too_deep or "//" in value:
        return False
    if _VERSION.fullmatch(value) or _EMAIL.search(value) or lower.endswith(FILE_SUFFIXES):
        return False
    return not any(token in FAKE_TOKENS for token in _TOKENS.split(lower))


def looks_specific(value: str) -> bool:
    """True if a model-id-shaped string is distinctive enough to stand alone (has a digit, `/` or `:`)."""
    return "/" in value or ":" in value or any(ch.isdigit() for ch in value)


def model_text(value: str, *, gguf_path: bool = False) -> tuple[str, int] | None:
    """The model id in a value and its offset there: the value itself, a Hub URL's id or a GGUF basename."""
    stripped = value.strip()
    lead = len(value) - len(value.lstrip())
    if "://" in stripped:
        match = _HF_URL.match(stripped)
        rest = stripped[match.end() :] if match else ""
        if match is None or (rest.strip("/") and not rest.startswith(("/resolve/", "/blob/", "/tree/"))):
            return None
        return match.group(1), lead + match.start(1)
    if gguf_path and stripped.lower().endswith(".gguf") and not stripped.endswith("/"):
        cut = max(stripped.rfind("/"), stripped.rfind("\\")) + 1
        base = stripped[cut:]
        return (base, lead + cut) if _ALLOWED.fullmatch(base) and len(base) > 5 else None
    return (stripped, lead) if looks_like_model_id(stripped) else None
