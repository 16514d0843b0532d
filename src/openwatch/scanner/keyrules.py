"""Which configuration keys and variable names hold a model id, with the use and confidence they imply."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from openwatch import providers
from openwatch.domain import Use
from openwatch.scanner.hits import Hit
from openwatch.scanner.modelshape import looks_specific, model_text


class Strength(StrEnum):
    """How much a key alone says that its value is a model."""

    STRONG = "strong"  # any model-shaped value counts
    GENERIC = "generic"  # the value must look specific (digit, `/`, `:`) or be a known model
    WEAK = "weak"  # the value must be a known model


@dataclass(frozen=True)
class KeyRule:
    """What a key says about its value."""

    strength: Strength
    use: Use = Use.INFERENCE
    confidence: float = 0.8
    provider: str | None = None


_S, _G, _W = Strength.STRONG, Strength.GENERIC, Strength.WEAK
EXACT_KEYS: dict[str, KeyRule] = {
    "model": KeyRule(_G, confidence=0.7),
    "models": KeyRule(_G, confidence=0.7),
    **{k: KeyRule(_S) for k in ("model_name", "model_id", "model_name_or_path",
                                "pretrained_model_name_or_path", "llm", "llm_model", "llm_name", "hf_model",
                                "hf_model_id", "model_repo", "model_repo_id", "model_names", "model_ids",
                                "llms")},
    **{k: KeyRule(_S, Use.FINE_TUNE) for k in ("base_model", "base_models", "base_model_name_or_path",
                                               "base_model_id", "base_model_name")},
    **{k: KeyRule(_S, Use.EMBEDDING) for k in ("embedding_model", "embed_model", "embeddings_model",
                                               "embedding_model_name", "embed_model_name",
                                               "embedding_model_id", "embedding_models")},
    **{k: KeyRule(_S, Use.DOWNLOAD) for k in ("tokenizer_name", "tokenizer_name_or_path", "tokenizer_id")},
    "tokenizer": KeyRule(_W, Use.DOWNLOAD, 0.6),
    "repo_id": KeyRule(_W, Use.DOWNLOAD, 0.6),
    **{k: KeyRule(_W, confidence=0.6) for k in ("checkpoint", "deployment_name", "deployment",
                                                "deployment_id", "azure_deployment", "engine", "model_path")},
}  # fmt: skip
AI_WORDS = frozenset(
    {"llm", "chat", "embedding", "embed", "embeddings", "embedder", "default", "completion", "completions",
     "instruct",
     "generation", "generative", "summary", "summarization", "summarizer", "reranker", "rerank", "vision",
     "vlm", "judge", "reasoning", "fast", "smart", "small", "large", "agent", "planner", "code", "coder",
     "teacher", "student", "draft", "reward", "tts", "stt", "whisper", "speech", "transcription", "text",
     "language", "lm", "gpt", "ai", "genai", "inference", "serving", "vllm", "tgi", "litellm", "router",
     "fallback", "primary", "secondary"}
)  # fmt: skip
AI_TOKENS = AI_WORDS | frozenset(providers.KEY_WORDS)
"""Words that, before `model` or `model_name`, say a key names an AI model (`CHAT_MODEL`, `OPENAI_MODEL`)."""
_CAMEL = re.compile(r"([a-z0-9])([A-Z])")
_SEPARATORS = re.compile(r"[^a-z0-9]+")
_MODEL_TAILS = (("model",), ("model", "name"), ("model", "id"), ("models",), ("deployment", "name"))


def key_tokens(key: str) -> list[str]:
    """The lower-case words of a key: `modelId` and `MODEL_ID` both give ["model", "id"]."""
    return [t for t in _SEPARATORS.split(_CAMEL.sub(r"\1_\2", key).lower()) if t]


@lru_cache(maxsize=4096)
def classify_key(key: str) -> KeyRule | None:
    """The rule for a key, or None if its value is not a model id."""
    tokens = key_tokens(key)
    if not tokens or len(tokens) > 8:
        return None
    rule = EXACT_KEYS.get("_".join(tokens))
    provider = providers.from_key_words(tokens)
    if rule is None:
        tail = next((t for t in _MODEL_TAILS if len(tokens) > len(t) and tuple(tokens[-len(t) :]) == t), None)
        if tail is None:
            return None
        head = tokens[: -len(tail)]
        embedding = any(t.startswith("embed") for t in tokens)
        use = Use.EMBEDDING if embedding else Use.FINE_TUNE if head == ["base"] else Use.INFERENCE
        strong = any(t in AI_TOKENS for t in head) and tail != ("deployment", "name")
        rule = KeyRule(_S if strong else _W, use, 0.8 if strong else 0.6)
    return KeyRule(rule.strength, rule.use, rule.confidence, provider) if provider else rule


def key_hit(
    key: str, value: str, offset: int, *, rule: KeyRule | None = None, note: str | None = None
) -> Hit | None:
    """A hit for `key: value` at `offset` (of the value) if the key names a model and the value may be one.

    A weak key, or a generic key with a plain word, gives a hit that holds only if the catalog knows it."""
    rule = rule or classify_key(key)
    if rule is None:
        return None
    found = model_text(value)
    if found is None:
        return None
    text, shift = found
    known_only = rule.strength is Strength.WEAK or (
        rule.strength is Strength.GENERIC and not looks_specific(text)
    )
    return Hit(
        text, offset + shift, rule.use, rule.provider, rule.confidence, note or f"key {key}", known_only
    )


MODEL_WORDS = frozenset({"model", "models", "llm", "llms"})
CHOICE_WORDS = frozenset({"options", "choices", "version", "versions", "list", "map", "mapping", "catalog"})
"""Last words of a name that, after a model word, make it a list of models to choose from."""


@lru_cache(maxsize=4096)
def name_rule(key: str) -> KeyRule | None:
    """The rule for a name in code or a form (a variable, a label): classify_key's, else one for names that
    mention a model.

    `model_options`, `"Select Model Version"` (a widget label) and `embedder` are not config keys, but in
    Python they hold model ids: a choice list of models is specific enough, any other mention needs a
    model the catalog knows.
    """
    rule = classify_key(key)
    if rule is not None:
        return rule
    tokens = key_tokens(key)
    if tokens == ["embedder"]:
        return KeyRule(Strength.GENERIC, Use.EMBEDDING, 0.7)
    if not set(tokens) & MODEL_WORDS or len(tokens) > 8:
        return None
    if tokens[-1] in CHOICE_WORDS:
        return KeyRule(Strength.GENERIC, confidence=0.7)
    return KeyRule(Strength.WEAK, confidence=0.6)
