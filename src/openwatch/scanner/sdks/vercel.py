"""The Vercel AI SDK (JavaScript): provider functions such as `openai("gpt-4o")` passed to `generateText`."""

from __future__ import annotations

from openwatch import providers as P
from openwatch.scanner.sdks.declare import EMB, INF, JsCall, family

VERCEL_METHODS = {
    None: INF, "chat": INF, "responses": INF, "completion": INF, "languageModel": INF, "image": INF,
    "imageModel": INF, "transcription": INF, "speech": INF, "embedding": EMB, "textEmbeddingModel": EMB,
    "textEmbedding": EMB,
}  # fmt: skip
"""Methods of a provider function (`openai.embedding("…")`) and the use of the model they name."""
VERCEL_NAMES = {
    "openai": P.OPENAI, "anthropic": P.ANTHROPIC, "google": P.GEMINI, "mistral": P.MISTRAL,
    "ollama": P.OLLAMA, "groq": P.GROQ, "xai": P.XAI, "deepseek": P.DEEPSEEK, "cohere": P.COHERE,
    "azure": P.AZURE,
    "bedrock": P.BEDROCK, "vertex": P.VERTEX_AI, "perplexity": P.PERPLEXITY, "togetherai": P.TOGETHER_AI,
    "fireworks": P.FIREWORKS_AI, "cerebras": P.CEREBRAS, "openrouter": P.OPENROUTER,
}  # fmt: skip
"""The provider functions each `@ai-sdk/<name>` package exports, by name."""
CREATE_FUNCTIONS = {
    "createOpenAI": P.OPENAI, "createAnthropic": P.ANTHROPIC, "createGoogleGenerativeAI": P.GEMINI,
    "createMistral": P.MISTRAL, "createOllama": P.OLLAMA, "createGroq": P.GROQ, "createAzure": P.AZURE,
    "createOpenRouter": P.OPENROUTER, "createXai": P.XAI, "createDeepSeek": P.DEEPSEEK,
    "createAmazonBedrock": P.BEDROCK, "createVertex": P.VERTEX_AI, "createTogetherAI": P.TOGETHER_AI,
    "createFireworks": P.FIREWORKS_AI, "createCohere": P.COHERE, "createPerplexity": P.PERPLEXITY,
    "createCerebras": P.CEREBRAS, "createOpenAICompatible": "",
}  # fmt: skip
"""Functions that make a provider function (`createOpenAI({ baseURL })`); '' when the provider is open."""
VERCEL_MODULES = ("@ai-sdk/", "ollama-ai-provider", "@openrouter/ai-sdk-provider")

VERCEL_AI = family(
    "vercel-ai",
    js_calls=(
        *(JsCall(c, provider=None) for c in ("generateText", "streamText", "generateObject", "streamObject")),
        *(JsCall(c, use=EMB, provider=None) for c in ("embed", "embedMany")),
    ),
)


def module_provider(module: str) -> str | None:
    """The provider of an `@ai-sdk/<name>` style module."""
    tail = module.rsplit("/", 1)[-1].replace("amazon-", "").replace("google-vertex", "vertex")
    return VERCEL_NAMES.get(tail) or (P.OLLAMA if "ollama" in module else None)
