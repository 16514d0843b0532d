"""The provider vocabulary: one name for each service or runtime serving a model, and every spelling of it.

A reference's `provider` is always one of these names (`canonical` turns any spelling into it), so the
scanner, the resolver's output and the assessments agree: Vertex AI is `vertex_ai` whether the code said
`vertexai=True`, `model_provider="google_vertexai"`, `createVertex` or `vertex_ai/gemini-pro`. The names
follow LiteLLM's provider prefixes, which the catalog's snapshot ids also use.
"""

from __future__ import annotations

from dataclasses import dataclass

# Hosted APIs.
OPENAI = "openai"
AZURE = "azure"
"""Azure OpenAI."""
AZURE_AI = "azure_ai"
"""Azure AI Foundry (models of several labs)."""
ANTHROPIC = "anthropic"
GEMINI = "gemini"
"""Google's Gemini API (AI Studio)."""
VERTEX_AI = "vertex_ai"
BEDROCK = "bedrock"
MISTRAL = "mistral"
COHERE = "cohere"
GROQ = "groq"
TOGETHER_AI = "together_ai"
FIREWORKS_AI = "fireworks_ai"
DEEPSEEK = "deepseek"
XAI = "xai"
OPENROUTER = "openrouter"
PERPLEXITY = "perplexity"
CEREBRAS = "cerebras"
REPLICATE = "replicate"
VOYAGE = "voyage"
LITELLM = "litellm"
"""A LiteLLM proxy: routes to whichever provider its configuration names."""
HUGGINGFACE = "huggingface"
"""The Hugging Face Hub and its inference services."""
# Local runtimes.
OLLAMA = "ollama"
VLLM = "vllm"
LLAMA_CPP = "llama-cpp"
TIMM = "timm"
TORCH_HUB = "torch-hub"


@dataclass(frozen=True)
class Provider:
    """One provider: its name, other spellings of it, endpoint URL parts, and words that name it in keys."""

    name: str
    spellings: tuple[str, ...] = ()
    endpoints: tuple[str, ...] = ()
    key_words: tuple[str, ...] = ()


PROVIDERS: tuple[Provider, ...] = (
    Provider(OPENAI, ("text-completion-openai",), ("api.openai.com",), ("openai",)),
    Provider(AZURE, ("azure_openai", "azureopenai", "azure_text"), ("openai.azure.com",), ("azure",)),
    Provider(AZURE_AI),
    Provider(ANTHROPIC, (), ("api.anthropic.com",), ("anthropic", "claude")),
    Provider(GEMINI, ("google", "google_genai", "google-gla", "googleai", "google_ai_studio"),
             ("generativelanguage.googleapis.com",), ("gemini", "google")),
    Provider(VERTEX_AI, ("vertex", "vertexai", "google_vertexai", "google-vertex", "vertex_ai_beta"), (),
             ("vertex",)),
    Provider(BEDROCK, ("bedrock_converse", "aws", "aws_bedrock", "amazon_bedrock", "anthropic_bedrock"),
             (), ("bedrock",)),
    Provider(MISTRAL, ("mistralai",), ("api.mistral.ai",), ("mistral",)),
    Provider(COHERE, ("cohere_chat",), (), ("cohere",)),
    Provider(GROQ, (), ("api.groq.com",), ("groq",)),
    Provider(TOGETHER_AI, ("together", "togetherai", "together-ai"), ("together.xyz", "together.ai"),
             ("together",)),
    Provider(FIREWORKS_AI, ("fireworks",), ("fireworks.ai",)),
    Provider(DEEPSEEK, (), ("api.deepseek.com",), ("deepseek",)),
    Provider(XAI, ("x-ai", "x_ai"), ("api.x.ai",)),
    Provider(OPENROUTER, (), ("openrouter.ai",)),
    Provider(PERPLEXITY, (), ("api.perplexity.ai",)),
    Provider(CEREBRAS, (), ("api.cerebras.ai",)),
    Provider(REPLICATE, (), ("api.replicate.com",)),
    Provider(VOYAGE, ("voyageai",)),
    Provider(LITELLM, ("litellm_proxy",)),
    Provider(HUGGINGFACE, ("hf", "huggingface_hub", "hugging_face", "huggingface-hub"), ("huggingface.co",),
             ("hf", "huggingface")),
    Provider(OLLAMA, ("ollama_chat",), (":11434",), ("ollama",)),
    Provider(VLLM, ("hosted_vllm",), ("localhost:8000", "127.0.0.1:8000", "0.0.0.0:8000")),
    Provider(LLAMA_CPP, ("llama_cpp", "llamacpp")),
    Provider(TIMM),
    Provider(TORCH_HUB, ("torch.hub", "torchhub")),
)  # fmt: skip
"""Every provider the scanner names; a spelling not listed is kept as written, lower-cased."""

ROUTING_PREFIXES: frozenset[str] = frozenset(
    {
        "openai", "text-completion-openai", "anthropic", "azure", "azure_ai", "bedrock", "bedrock_converse",
        "vertex_ai", "vertex_ai_beta", "gemini", "ollama", "ollama_chat", "groq", "mistral", "cohere",
        "cohere_chat", "together_ai", "huggingface", "openrouter", "deepseek", "fireworks_ai", "xai",
        "perplexity", "replicate", "sagemaker", "watsonx", "databricks", "cerebras", "hosted_vllm", "vllm",
        "deepinfra", "nvidia_nim", "voyage", "jina_ai", "ai21", "cloudflare", "anyscale", "lm_studio",
        "github", "nebius", "sambanova", "novita", "friendliai",
    }
)  # fmt: skip
"""LiteLLM-style `provider/model` prefixes. Not every spelling is one: `google/gemma-2b` is a Hub id."""

SPELLINGS: dict[str, str] = {
    spelling: provider.name for provider in PROVIDERS for spelling in (provider.name, *provider.spellings)
}
"""Every spelling, lower-case, and the provider name it means."""
KEY_WORDS: dict[str, str] = {word: provider.name for provider in PROVIDERS for word in provider.key_words}
"""Words of a key or variable name that say which provider its model is for (`CLAUDE_MODEL`)."""
ENDPOINTS: tuple[tuple[str, str], ...] = tuple(
    (part, provider.name) for provider in PROVIDERS for part in provider.endpoints
)
"""Parts of an endpoint URL and the provider they point to."""


def canonical(spelling: str) -> str:
    """The provider name a spelling means (`google_vertexai` is vertex_ai); unknown spellings lower-cased."""
    lowered = spelling.strip().lower()
    return SPELLINGS.get(lowered, lowered)


def from_prefix(text: str) -> str | None:
    """The provider a LiteLLM-style `provider/` prefix of a model text names, if any."""
    head, separator, _rest = text.partition("/")
    lowered = head.lower()
    return canonical(lowered) if separator and lowered in ROUTING_PREFIXES else None


def from_url(url: str) -> str | None:
    """The provider an endpoint URL points to, or None if it is not a known one."""
    lowered = url.lower()
    return next((provider for part, provider in ENDPOINTS if part in lowered), None)


def from_key_words(words: list[str]) -> str | None:
    """The provider the first provider word of a key names (`openai_model` is openai), if any."""
    return next((KEY_WORDS[word] for word in words if word in KEY_WORDS), None)
