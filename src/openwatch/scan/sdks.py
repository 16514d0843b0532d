"""Declarations of AI SDK call sites: which callees take a model id, in which argument, for which provider."""

from __future__ import annotations

import re
from dataclasses import dataclass

from openwatch.domain import Use

HF = "huggingface"
INF, EMB, FT, DL = Use.INFERENCE, Use.EMBEDDING, Use.FINE_TUNE, Use.DOWNLOAD


@dataclass(frozen=True)
class CallSite:
    """One declared call site: callee patterns and the arguments that carry a model id.

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


def site(sdk: str, *callees: str, **fields: object) -> CallSite:
    """A CallSite declaration in one line."""
    return CallSite(sdk, callees, **fields)  # type: ignore[arg-type]


# fmt: off
LC = ("langchain", "langchain_openai", "langchain_community", "langchain_anthropic", "langchain_ollama",
      "langchain_google_genai", "langchain_google_vertexai", "langchain_mistralai", "langchain_groq",
      "langchain_aws", "langchain_huggingface", "langchain_together", "langchain_fireworks",
      "langchain_deepseek", "langchain_cohere", "langchain_litellm")
LI = ("llama_index",)
AGNO = ("agno", "phi")
HAY = ("haystack", "haystack_integrations")
PAI = ("pydantic_ai",)
AUTOGEN = ("autogen", "autogen_agentchat", "autogen_ext", "pyautogen", "ag2")
SMOL = ("smolagents",)
OPENAI_SHAPES = ("chat.completions.create", "chat.completions.parse", "chat.completions.stream",
                 "responses.create", "responses.parse", "responses.stream", "completions.create",
                 "images.generate", "images.edit", "audio.transcriptions.create", "audio.translations.create",
                 "audio.speech.create", "moderations.create", "assistants.create", "ChatCompletion.create",
                 "Completion.create")
TRAINERS = ("SFTTrainer", "DPOTrainer", "ORPOTrainer", "KTOTrainer", "CPOTrainer", "PPOTrainer",
            "GRPOTrainer", "RewardTrainer", "RLOOTrainer", "OnlineDPOTrainer")


def _ollama(*methods: str) -> tuple[str, ...]:
    """Callee patterns for the ollama module functions and its client methods."""
    return tuple(f"ollama.{p}{m}" for m in methods for p in ("", "Client.", "AsyncClient."))


CALL_SITES: tuple[CallSite, ...] = (
    # Fine-tuning and adaptation (declared first: they win over plain loads of the same argument).
    site("trl", *TRAINERS, positions=(0,), provider=HF, use=FT, modules=("trl",), adapts=True),
    site("transformers", "Trainer", "Seq2SeqTrainer", positions=(0,), provider=HF, use=FT,
         modules=("transformers",), adapts=True),
    site("peft", "get_peft_model", "prepare_model_for_kbit_training", positions=(0,), provider=HF, use=FT,
         modules=("peft",), adapts=True),
    site("peft", "PeftModel.from_pretrained", positions=(0, 1), keywords=("model", "model_id"), provider=HF,
         use=FT, modules=("peft",), adapts=True),
    site("unsloth", "FastLanguageModel.get_peft_model", "FastModel.get_peft_model", positions=(0,),
         provider=HF, use=FT, adapts=True),
    site("openai", "fine_tuning.jobs.create", provider="openai", use=FT),
    site("together", "fine_tuning.create", provider="together", use=FT),
    site("bedrock", "create_model_customization_job", keywords=("baseModelIdentifier",), provider="bedrock",
         use=FT),
    site("vertexai", "sft.train", keywords=("source_model",), provider="vertex", use=FT,
         modules=("vertexai",)),
    # Hugging Face libraries, unsloth, llama-cpp, timm, torch.hub, MLX, vLLM.
    site("transformers", "pipeline", positions=(1,), provider=HF, modules=("transformers",)),
    site("diffusers", "*Pipeline.from_pretrained", positions=(0,),
         keywords=("pretrained_model_name_or_path",), provider=HF, modules=("diffusers",)),
    site("llama-cpp", "Llama.from_pretrained", positions=(0,), keywords=("repo_id",), provider=HF,
         modules=("llama_cpp",)),
    site("llama-cpp", "Llama", positions=(0,), keywords=("model_path",), provider="llama-cpp", basename=True,
         modules=("llama_cpp",)),
    site("unsloth", "FastLanguageModel.from_pretrained", "FastModel.from_pretrained",
         "FastVisionModel.from_pretrained", positions=(0,), keywords=("model_name",), provider=HF),
    site("vertexai", "TextEmbeddingModel.from_pretrained", "TextGenerationModel.from_pretrained",
         "ChatModel.from_pretrained", positions=(0,), keywords=("model_name",), provider="vertex",
         modules=("vertexai", "google.cloud.aiplatform")),
    site("transformers", "*.from_pretrained", positions=(0,), keywords=("pretrained_model_name_or_path",),
         provider=HF),
    site("sentence-transformers", "SentenceTransformer", positions=(0,), keywords=("model_name_or_path",),
         provider=HF, use=EMB, modules=("sentence_transformers",)),
    site("sentence-transformers", "CrossEncoder", positions=(0,),
         keywords=("model_name_or_path", "model_name"), provider=HF, modules=("sentence_transformers",)),
    site("huggingface_hub", "hf_hub_download", "snapshot_download", positions=(0,), keywords=("repo_id",),
         provider=HF, use=DL, modules=("huggingface_hub",), skip_if=(("repo_type", "dataset"),
         ("repo_type", "space"))),
    site("huggingface_hub", "InferenceClient", "AsyncInferenceClient", positions=(0,), provider=HF,
         modules=("huggingface_hub",)),
    site("huggingface_hub", "text_generation", "chat_completion", "text_to_image", provider=HF),
    site("huggingface_hub", "feature_extraction", "sentence_similarity", provider=HF, use=EMB),
    site("timm", "timm.create_model", positions=(0,), keywords=("model_name",), provider="timm",
         requires=("pretrained",)),
    site("torch.hub", "torch.hub.load", positions=(1,), provider="torch-hub"),
    site("mlx", "mlx_lm.load", positions=(0,), keywords=("path_or_hf_repo",), provider=HF),
    site("vllm", "LLM", positions=(0,), provider="vllm", modules=("vllm",)),
    # Hosted APIs.
    site("openai", *OPENAI_SHAPES, keywords=("model", "engine"), provider="openai"),
    site("openai", "embeddings.create", "Embedding.create", provider="openai", use=EMB),
    site("azure-openai", "AzureOpenAI", "AsyncAzureOpenAI", keywords=("azure_deployment",), provider="azure",
         modules=("openai",)),
    site("anthropic", "messages.create", "messages.stream", "messages.count_tokens", provider="anthropic"),
    site("google-genai", "GenerativeModel", positions=(0,), keywords=("model_name",), provider="google",
         modules=("google.generativeai", "google.genai")),
    site("vertexai", "GenerativeModel", positions=(0,), keywords=("model_name",), provider="vertex",
         modules=("vertexai", "google.cloud.aiplatform")),
    site("google-genai", "models.generate_content", "models.generate_content_stream", "models.count_tokens",
         "models.generate_images", "chats.create", provider="google"),
    site("google-genai", "models.embed_content", "generativeai.embed_content", "genai.embed_content",
         provider="google", use=EMB),
    site("mistral", "chat.complete", "chat.complete_async", "chat.stream", "fim.complete",
         "MistralClient.chat", provider="mistral"),
    site("cohere", "cohere.*.chat", "cohere.*.chat_stream", "cohere.*.generate", "cohere.*.rerank",
         provider="cohere"),
    site("cohere", "cohere.*.embed", provider="cohere", use=EMB),
    site("together", "together.Complete.create", provider="together"),
    site("bedrock", "invoke_model", "invoke_model_with_response_stream", "converse", "converse_stream",
         keywords=("modelId",), provider="bedrock"),
    site("litellm", "litellm.completion", "litellm.acompletion", "litellm.text_completion",
         "litellm.image_generation", positions=(0,)),
    site("litellm", "litellm.embedding", "litellm.aembedding", positions=(0,), use=EMB),
    site("litellm", "litellm.Router", keywords=("model_list",), config_keys=("model",)),
    site("ollama", *_ollama("chat", "generate"), positions=(0,), provider="ollama"),
    site("ollama", *_ollama("pull"), positions=(0,), provider="ollama", use=DL),
    site("ollama", *_ollama("embeddings", "embed"), positions=(0,), provider="ollama", use=EMB),
    # LangChain.
    site("langchain", "ChatOpenAI", "OpenAI", keywords=("model", "model_name"), provider="openai",
         modules=LC + LI),
    site("langchain", "AzureChatOpenAI", "AzureOpenAIEmbeddings",
         keywords=("azure_deployment", "deployment_name", "model"), provider="azure", modules=LC),
    site("langchain", "ChatAnthropic", "Anthropic", keywords=("model", "model_name"), provider="anthropic",
         modules=LC + LI),
    site("langchain", "ChatOllama", "OllamaLLM", "Ollama", positions=(), provider="ollama", modules=LC + LI),
    site("langchain", "OllamaEmbeddings", provider="ollama", use=EMB, modules=LC),
    site("langchain", "ChatGoogleGenerativeAI", "GoogleGenerativeAI", provider="google", modules=LC),
    site("langchain", "GoogleGenerativeAIEmbeddings", provider="google", use=EMB, modules=LC),
    site("langchain", "ChatVertexAI", "VertexAI", keywords=("model_name", "model"), provider="vertex",
         modules=LC),
    site("langchain", "VertexAIEmbeddings", keywords=("model_name", "model"), provider="vertex", use=EMB,
         modules=LC),
    site("langchain", "ChatMistralAI", keywords=("model", "model_name"), provider="mistral", modules=LC),
    site("langchain", "MistralAIEmbeddings", provider="mistral", use=EMB, modules=LC),
    site("langchain", "ChatGroq", keywords=("model", "model_name"), provider="groq", modules=LC),
    site("langchain", "ChatBedrock", "ChatBedrockConverse", "BedrockLLM", keywords=("model_id", "model"),
         provider="bedrock", modules=LC),
    site("langchain", "BedrockEmbeddings", keywords=("model_id",), provider="bedrock", use=EMB, modules=LC),
    site("langchain", "ChatTogether", provider="together", modules=LC),
    site("langchain", "ChatFireworks", provider="fireworks", modules=LC),
    site("langchain", "ChatDeepSeek", provider="deepseek", modules=LC),
    site("langchain", "ChatCohere", provider="cohere", modules=LC),
    site("langchain", "CohereEmbeddings", provider="cohere", use=EMB, modules=LC),
    site("langchain", "ChatLiteLLM", modules=LC),
    site("langchain", "OpenAIEmbeddings", keywords=("model",), provider="openai", use=EMB, modules=LC),
    site("langchain", "HuggingFaceEmbeddings", "HuggingFaceBgeEmbeddings", "HuggingFaceInstructEmbeddings",
         keywords=("model_name", "model"), provider=HF, use=EMB, modules=LC),
    site("langchain", "HuggingFaceEndpoint", "HuggingFaceHub", keywords=("repo_id", "model"), provider=HF,
         modules=LC),
    site("langchain", "HuggingFacePipeline.from_model_id", keywords=("model_id",), provider=HF, modules=LC),
    site("langchain", "init_chat_model", positions=(0,), provider_keyword="model_provider", modules=LC),
    # LlamaIndex.
    site("llama-index", "OpenAIEmbedding", keywords=("model", "model_name"), provider="openai", use=EMB,
         modules=LI),
    site("llama-index", "HuggingFaceEmbedding", keywords=("model_name",), provider=HF, use=EMB, modules=LI),
    site("llama-index", "HuggingFaceLLM", "HuggingFaceInferenceAPI",
         keywords=("model_name", "tokenizer_name"), provider=HF, modules=LI),
    site("llama-index", "Gemini", keywords=("model", "model_name"), provider="google", modules=LI),
    site("llama-index", "Groq", provider="groq", modules=LI),
    # smolagents.
    site("smolagents", "HfApiModel", "InferenceClientModel", "TransformersModel", "MLXModel", positions=(0,),
         keywords=("model_id",), provider=HF, modules=SMOL),
    site("smolagents", "LiteLLMModel", positions=(0,), keywords=("model_id",), modules=SMOL),
    site("smolagents", "OpenAIServerModel", positions=(0,), keywords=("model_id",), provider="openai",
         modules=SMOL),
    site("smolagents", "AzureOpenAIServerModel", positions=(0,), keywords=("model_id",), provider="azure",
         modules=SMOL),
    site("smolagents", "VLLMModel", positions=(0,), keywords=("model_id",), provider="vllm", modules=SMOL),
    site("smolagents", "OpenAIModel", positions=(0,), keywords=("model_id",), provider="openai",
         modules=SMOL),
    site("smolagents", "AzureOpenAIModel", positions=(0,), keywords=("model_id",), provider="azure",
         modules=SMOL),
    site("smolagents", "AmazonBedrockModel", "AmazonBedrockServerModel", positions=(0,),
         keywords=("model_id",), provider="bedrock", modules=SMOL),
    site("smolagents", "LiteLLMRouterModel", keywords=("model_list",), config_keys=("model",), modules=SMOL),
    # CrewAI.
    site("crewai", "LLM", modules=("crewai",)),
    site("crewai", "Agent", keywords=("llm",), modules=("crewai",)),
    # Agno.
    site("agno", "OpenAIChat", "OpenAIResponses", keywords=("id",), provider="openai", modules=AGNO),
    site("agno", "OpenAIEmbedder", keywords=("id",), provider="openai", use=EMB, modules=AGNO),
    site("agno", "Claude", keywords=("id",), provider="anthropic", modules=AGNO),
    site("agno", "Gemini", keywords=("id",), provider="google", modules=AGNO),
    site("agno", "Groq", keywords=("id",), provider="groq", modules=AGNO),
    site("agno", "Ollama", keywords=("id",), provider="ollama", modules=AGNO),
    site("agno", "DeepSeek", keywords=("id",), provider="deepseek", modules=AGNO),
    site("agno", "MistralChat", keywords=("id",), provider="mistral", modules=AGNO),
    site("agno", "AwsBedrock", keywords=("id",), provider="bedrock", modules=AGNO),
    site("agno", "HuggingFace", keywords=("id",), provider=HF, modules=AGNO),
    site("agno", "xAI", keywords=("id",), provider="xai", modules=AGNO),
    site("agno", "Cohere", "CohereChat", keywords=("id",), provider="cohere", modules=AGNO),
    site("agno", "Together", keywords=("id",), provider="together", modules=AGNO),
    site("agno", "OpenRouter", keywords=("id",), provider="openrouter", modules=AGNO),
    site("agno", "OllamaEmbedder", keywords=("id",), provider="ollama", use=EMB, modules=AGNO),
    site("agno", "GeminiEmbedder", keywords=("id",), provider="google", use=EMB, modules=AGNO),
    site("agno", "CohereEmbedder", keywords=("id",), provider="cohere", use=EMB, modules=AGNO),
    site("agno", "SentenceTransformerEmbedder", keywords=("id",), provider=HF, use=EMB, modules=AGNO),
    # OpenAI Agents SDK, Google ADK.
    site("openai-agents", "Agent", modules=("agents",), strict=True),
    site("google-adk", "Agent", "LlmAgent", modules=("google.adk",), strict=True),
    # AutoGen.
    site("autogen", "OpenAIChatCompletionClient", provider="openai", modules=AUTOGEN),
    site("autogen", "AzureOpenAIChatCompletionClient", keywords=("azure_deployment", "model"),
         provider="azure", modules=AUTOGEN),
    site("autogen", "AnthropicChatCompletionClient", provider="anthropic", modules=AUTOGEN),
    site("autogen", "OllamaChatCompletionClient", provider="ollama", modules=AUTOGEN),
    site("autogen", "AssistantAgent", "ConversableAgent", "UserProxyAgent", "GroupChatManager",
         keywords=("llm_config",), config_keys=("model",), modules=AUTOGEN),
    site("autogen", "config_list_from_json", "filter_config", keywords=("filter_dict",),
         config_keys=("model",), modules=AUTOGEN),
    # DSPy.
    site("dspy", "dspy.LM", positions=(0,)),
    site("dspy", "dspy.OpenAI", positions=(0,), provider="openai"),
    # Haystack.
    site("haystack", "OpenAIGenerator", "OpenAIChatGenerator", provider="openai", modules=HAY),
    site("haystack", "OpenAIDocumentEmbedder", "OpenAITextEmbedder", provider="openai", use=EMB, modules=HAY),
    site("haystack", "HuggingFaceLocalGenerator", "HuggingFaceLocalChatGenerator",
         "TransformersSimilarityRanker", "SentenceTransformersSimilarityRanker", provider=HF,
         modules=HAY),
    site("haystack", "SentenceTransformersDocumentEmbedder", "SentenceTransformersTextEmbedder", provider=HF,
         use=EMB, modules=HAY),
    site("haystack", "HuggingFaceAPIGenerator", "HuggingFaceAPIChatGenerator", keywords=("api_params",),
         config_keys=("model",), provider=HF, modules=HAY),
    site("haystack", "AnthropicGenerator", "AnthropicChatGenerator", provider="anthropic", modules=HAY),
    site("haystack", "OllamaGenerator", "OllamaChatGenerator", provider="ollama", modules=HAY),
    # Pydantic AI.
    site("pydantic-ai", "Agent", positions=(0,), modules=PAI, strict=True),
    site("pydantic-ai", "OpenAIModel", "OpenAIChatModel", "OpenAIResponsesModel", positions=(0,),
         keywords=("model_name",), provider="openai", modules=PAI),
    site("pydantic-ai", "AnthropicModel", positions=(0,), keywords=("model_name",), provider="anthropic",
         modules=PAI),
    site("pydantic-ai", "GeminiModel", "GoogleModel", positions=(0,), keywords=("model_name",),
         provider="google", modules=PAI),
    site("pydantic-ai", "GroqModel", positions=(0,), keywords=("model_name",), provider="groq", modules=PAI),
    site("pydantic-ai", "MistralModel", positions=(0,), keywords=("model_name",), provider="mistral",
         modules=PAI),
)
"""Every declared call site, most specific first: for one argument, the first matching site wins."""

CLIENT_PROVIDERS: dict[str, str] = {
    "OpenAI": "openai", "AsyncOpenAI": "openai", "AzureOpenAI": "azure", "AsyncAzureOpenAI": "azure",
    "Anthropic": "anthropic", "AsyncAnthropic": "anthropic", "AnthropicBedrock": "bedrock",
    "AnthropicVertex": "vertex", "Groq": "groq", "AsyncGroq": "groq", "Together": "together",
    "AsyncTogether": "together", "Mistral": "mistral", "MistralClient": "mistral", "Fireworks": "fireworks",
    "Cerebras": "cerebras", "InferenceClient": HF, "AsyncInferenceClient": HF, "genai.Client": "google",
    "cohere.Client": "cohere", "cohere.ClientV2": "cohere", "ollama.Client": "ollama",
}
"""The provider implied by the client class (last dotted segments of its qualified name) a call is made on."""

CLIENT_FLAGS: dict[str, str] = {"vertexai": "vertex"}
"""Constructor keywords that, literally True, name the provider (google-genai's Client(vertexai=True))."""

URL_KEYWORDS = frozenset({"base_url", "api_base", "openai_api_base", "azure_endpoint", "endpoint", "host",
                          "api_url", "endpoint_url"})
"""Keywords of a client or model constructor that hold the endpoint URL."""

BASE_URL_PROVIDERS: tuple[tuple[str, str], ...] = (
    ("api.deepseek.com", "deepseek"), ("together.xyz", "together"), ("together.ai", "together"),
    ("api.groq.com", "groq"), ("openrouter.ai", "openrouter"), ("fireworks.ai", "fireworks"),
    (":11434", "ollama"), ("localhost:8000", "vllm"), ("127.0.0.1:8000", "vllm"), ("0.0.0.0:8000", "vllm"),
    ("api.mistral.ai", "mistral"), ("generativelanguage.googleapis.com", "google"), ("api.x.ai", "xai"),
    ("api.perplexity.ai", "perplexity"), ("openai.azure.com", "azure"), ("huggingface.co", HF),
    ("api.cerebras.ai", "cerebras"), ("api.anthropic.com", "anthropic"), ("api.openai.com", "openai"),
)
"""Substrings of an endpoint URL and the provider they mean."""


PROVIDER_NAMES: dict[str, str] = {
    "google_genai": "google", "google_vertexai": "vertex", "vertex_ai": "vertex", "vertexai": "vertex",
    "azure_openai": "azure", "azure_ai": "azure", "bedrock_converse": "bedrock", "aws": "bedrock",
    "mistralai": "mistral", "together_ai": "together", "fireworks_ai": "fireworks", "hf": HF,
    "huggingface_hub": HF, "anthropic_bedrock": "bedrock",
}
"""Framework spellings of provider names (LangChain's model_provider=) and the provider they mean."""
# fmt: on


def provider_name(name: str) -> str:
    """The provider a framework's provider spelling means (`google_genai` is google)."""
    lowered = name.strip().lower()
    return PROVIDER_NAMES.get(lowered, lowered)


def provider_from_url(url: str) -> str | None:
    """The provider an endpoint URL points to, or None if it is not a known one."""
    lowered = url.lower()
    return next((provider for needle, provider in BASE_URL_PROVIDERS if needle in lowered), None)


def client_provider(segments: tuple[str, ...]) -> str | None:
    """The provider implied by a client class's qualified name, or None."""
    for start in range(len(segments)):
        provider = CLIENT_PROVIDERS.get(".".join(segments[start:]))
        if provider is not None:
            return provider
    return None


GENERIC_WORDS = frozenset(
    {
        "create",
        "stream",
        "generate",
        "complete",
        "parse",
        "pull",
        "load",
        "train",
        "edit",
        "engine",
        "chat",
        "embed",
        "embeddings",
        "embedding",
        "model",
        "models",
        "client",
        "agent",
        "run",
        "invoke",
        "predict",
        "call",
        "count_tokens",
        "id",
        "llm",
        "together",
    }
)
"""Callee segments and argument names too common in ordinary code to be worth parsing a file for."""


SDK_PACKAGES = (
    "openai",
    "anthropic",
    "transformers",
    "sentence_transformers",
    "diffusers",
    "huggingface_hub",
    "mistralai",
    "cohere",
    "groq",
    "boto3",
    "bedrock",
    "litellm",
    "langchain",
    "llama_index",
    "smolagents",
    "crewai",
    "agno",
    "autogen",
    "dspy",
    "haystack",
    "pydantic_ai",
    "vllm",
    "llama_cpp",
    "ollama",
    "mlx_lm",
    "timm",
    "torch.hub",
    "peft",
    "trl",
    "unsloth",
    "genai",
    "generativeai",
    "vertexai",
)
"""Packages whose import (or mention) makes a Python file worth parsing."""


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
    return text, note
