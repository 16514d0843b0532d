"""Declared JavaScript/TypeScript call sites naming a model: SDKs, Vercel AI, LangChain, transformers.js."""

from __future__ import annotations

from dataclasses import dataclass

from openwatch.domain import Use

EMB, INF, DL, FT = Use.EMBEDDING, Use.INFERENCE, Use.DOWNLOAD, Use.FINE_TUNE


@dataclass(frozen=True)
class JsCall:
    """A call whose argument (a string, or a property of an object literal) is a model id."""

    callee: str
    keys: tuple[str, ...] = ("model",)
    arg: int = 0
    use: Use = Use.INFERENCE
    provider: str | None = None
    new: bool = False
    root: str | None = None


def _sdk(callee: str, provider: str, use: Use = INF) -> JsCall:
    """A client method taking `{ model: "…" }` (the client's own provider wins over the default)."""
    return JsCall(callee, use=use, provider=provider)


def _chat_class(name: str, provider: str, use: Use = INF) -> JsCall:
    """A LangChain.js model class taking `new X({ model | modelName: "…" })`."""
    return JsCall(name, ("model", "modelName"), use=use, provider=provider, new=True)


SDK_CALLS: tuple[JsCall, ...] = (
    *(_sdk(c, "openai") for c in (
        "chat.completions.create", "chat.completions.stream", "chat.completions.parse", "completions.create",
        "responses.create", "responses.stream", "responses.parse", "audio.transcriptions.create",
        "audio.translations.create", "audio.speech.create", "images.generate", "images.edit",
        "moderations.create")),
    _sdk("embeddings.create", "openai", EMB),
    _sdk("fine_tuning.jobs.create", "openai", FT),
    *(_sdk(c, "anthropic") for c in ("messages.create", "messages.stream", "messages.countTokens",
                                      "messages.batches.create")),
    *(_sdk(c, "google") for c in ("getGenerativeModel", "models.generateContent",
                                   "models.generateContentStream")),
    _sdk("models.embedContent", "google", EMB),
    *(_sdk(c, "mistral") for c in ("chat.complete", "fim.complete")),
    *(JsCall(c, provider="ollama", root="ollama") for c in ("chat", "generate")),
    *(JsCall(c, use=EMB, provider="ollama", root="ollama") for c in ("embed", "embeddings")),
    JsCall("pull", use=DL, provider="ollama", root="ollama"),
    *(JsCall(c, provider="huggingface", root="huggingface")
      for c in ("chatCompletion", "chatCompletionStream", "textGeneration", "textGenerationStream",
                "summarization", "translation", "textToImage")),
    JsCall("featureExtraction", use=EMB, provider="huggingface", root="huggingface"),
    *(JsCall(c, provider=None) for c in ("generateText", "streamText", "generateObject", "streamObject")),
    *(JsCall(c, use=EMB, provider=None) for c in ("embed", "embedMany")),
    JsCall("initChatModel", keys=()),
    JsCall("pipeline", keys=(), arg=1, provider="huggingface"),
    JsCall("from_pretrained", keys=(), provider="huggingface"),
    _chat_class("ChatOpenAI", "openai"),
    _chat_class("AzureChatOpenAI", "azure"),
    _chat_class("OpenAIEmbeddings", "openai", EMB),
    _chat_class("AzureOpenAIEmbeddings", "azure", EMB),
    _chat_class("ChatAnthropic", "anthropic"),
    _chat_class("ChatOllama", "ollama"),
    _chat_class("Ollama", "ollama"),
    _chat_class("OllamaEmbeddings", "ollama", EMB),
    _chat_class("ChatGoogleGenerativeAI", "google"),
    _chat_class("GoogleGenerativeAIEmbeddings", "google", EMB),
    _chat_class("ChatVertexAI", "vertex_ai"),
    _chat_class("ChatMistralAI", "mistral"),
    _chat_class("MistralAIEmbeddings", "mistral", EMB),
    _chat_class("ChatGroq", "groq"),
    _chat_class("ChatBedrockConverse", "bedrock"),
    _chat_class("ChatCohere", "cohere"),
    _chat_class("CohereEmbeddings", "cohere", EMB),
    _chat_class("ChatDeepSeek", "deepseek"),
    _chat_class("ChatXAI", "xai"),
    _chat_class("ChatTogetherAI", "together_ai"),
    _chat_class("ChatFireworks", "fireworks_ai"),
    _chat_class("HuggingFaceInference", "huggingface"),
    _chat_class("HuggingFaceInferenceEmbeddings", "huggingface", EMB),
)  # fmt: skip

VERCEL_METHODS: dict[str | None, Use] = {
    None: INF, "chat": INF, "responses": INF, "completion": INF, "languageModel": INF, "image": INF,
    "imageModel": INF, "transcription": INF, "speech": INF, "embedding": EMB, "textEmbeddingModel": EMB,
    "textEmbedding": EMB,
}  # fmt: skip
VERCEL_NAMES = {
    "openai": "openai", "anthropic": "anthropic", "google": "google", "mistral": "mistral",
    "ollama": "ollama", "groq": "groq", "xai": "xai", "deepseek": "deepseek", "cohere": "cohere",
    "azure": "azure",
    "bedrock": "bedrock", "vertex": "vertex_ai", "perplexity": "perplexity", "togetherai": "together_ai",
    "fireworks": "fireworks_ai", "cerebras": "cerebras", "openrouter": "openrouter",
}  # fmt: skip
CREATE_FUNCTIONS = {
    "createOpenAI": "openai", "createAnthropic": "anthropic", "createGoogleGenerativeAI": "google",
    "createMistral": "mistral", "createOllama": "ollama", "createGroq": "groq", "createAzure": "azure",
    "createOpenRouter": "openrouter", "createXai": "xai", "createDeepSeek": "deepseek",
    "createAmazonBedrock": "bedrock", "createVertex": "vertex_ai", "createTogetherAI": "together_ai",
    "createFireworks": "fireworks_ai", "createCohere": "cohere", "createPerplexity": "perplexity",
    "createCerebras": "cerebras", "createOpenAICompatible": "",
}  # fmt: skip
VERCEL_MODULES = ("@ai-sdk/", "ollama-ai-provider", "@openrouter/ai-sdk-provider")
MODULE_PROVIDERS = {
    "openai": "openai", "@anthropic-ai/sdk": "anthropic", "ollama": "ollama", "ollama/browser": "ollama",
    "groq-sdk": "groq", "@mistralai/mistralai": "mistral", "together-ai": "together_ai",
    "cohere-ai": "cohere",
    "@google/generative-ai": "google", "@google/genai": "google", "@huggingface/inference": "huggingface",
}  # fmt: skip
CLASS_PROVIDERS = {
    "OpenAI": "openai", "AzureOpenAI": "azure", "Anthropic": "anthropic", "AnthropicBedrock": "bedrock",
    "AnthropicVertex": "vertex_ai", "Groq": "groq", "Together": "together_ai", "Mistral": "mistral",
    "MistralClient": "mistral", "Ollama": "ollama", "Cohere": "cohere", "CohereClient": "cohere",
    "CohereClientV2": "cohere", "GoogleGenerativeAI": "google", "GoogleGenAI": "google",
    "HfInference": "huggingface", "InferenceClient": "huggingface",
}  # fmt: skip
EMBEDDING_TASKS = frozenset({"feature-extraction", "sentence-similarity"})
DOWNLOAD_CLASSES = ("AutoTokenizer", "AutoProcessor", "AutoConfig", "AutoFeatureExtractor")
