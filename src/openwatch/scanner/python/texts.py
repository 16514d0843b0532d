"""Which string values reaching a declared Python call site name a model (not a path, URL, placeholder)."""

from __future__ import annotations

import re

# fmt: off
PLACEHOLDERS = frozenset({
    "test-model", "fake-model", "dummy", "dummy-model", "my-model", "gpt-x", "model", "model-name",
    "model_name", "your-model", "your-model-name", "your_model", "model-id", "model_id", "example-model",
    "mock-model",
    "test", "foo", "bar", "xxx", "none", "null", "default", "auto", "custom", "unknown", "string", "todo",
})
"""Texts that stand for a model in tests and docs but name none."""
PLACEHOLDER_PARTS = ("dummy", "fake", "mock", "placeholder", "your-", "your_", "<", ">", "{", "}", "...")
# fmt: on

_VERSION = re.compile(r"^v?\d+(\.\d+)+$|^\d{4}-\d{2}-\d{2}(-preview)?$")
_HUB_URL = re.compile(
    r"^https?://(?:www\.)?(?:huggingface\.co|hf\.co)/([\w.-]+/[\w.-]+)/?(?:$|tree/|blob/|resolve/)"
)
_FILE_SUFFIXES = (".json", ".yaml", ".yml", ".txt", ".csv", ".py", ".md", ".jsonl", ".parquet", ".toml")
_REPLICATE_VERSION = re.compile(r"^([\w.-]+/[\w.-]+):([0-9a-f]{64})$")
_LOCAL_PATH = re.compile(r"^(\.{1,2}/|/|~|[A-Za-z]:[\\/])")


def model_text(raw: str, basename: bool = False) -> tuple[str, str | None] | None:
    """The model id that a value passed to a declared site names, with a note, or None if it names none."""
    text, note = raw.strip(), None
    if basename:
        text = re.split(r"[\\/]", text)[-1]
    elif text.lower().startswith(("http://", "https://")):
        match = _HUB_URL.match(text)
        if match is None:
            return None
        text, note = match.group(1), "from a Hugging Face URL"
    elif _LOCAL_PATH.match(text) or "\\" in text:
        return None
    lowered = text.lower()
    if (
        not text
        or len(text) > 200
        or any(char.isspace() for char in text)
        or not any(c.isalpha() for c in text)
    ):
        return None
    if any(part in PLACEHOLDERS for part in lowered.split("/")) or any(
        p in lowered for p in PLACEHOLDER_PARTS
    ):
        return None
    if _VERSION.match(text) or (not basename and lowered.endswith(_FILE_SUFFIXES)):
        return None
    if match := _REPLICATE_VERSION.match(text):  # `owner/name:<version hash>`: the model is owner/name
        return match.group(1), "; ".join(filter(None, (note, f"Replicate version {match.group(2)[:12]}…")))
    return text, note
