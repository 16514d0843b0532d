"""Agent and application frameworks: LangChain, LlamaIndex, smolagents, CrewAI, Agno, AutoGen, Haystack…"""

from __future__ import annotations

from openwatch import providers as P
from openwatch.domain import Use
from openwatch.scanner.sdks.declare import EMB, INF, CallSite, JsCall, chat_class, family, site

HF = P.HUGGINGFACE
LC = ("langchain", "langchain_openai", "langchain_community", "langchain_anthropic", "langchain_ollama",
      "langchain_google_genai", "langchain_google_vertexai", "langchain_mistralai", "langchain_groq",
      "langchain_aws", "langchain_huggingface", "langchain_together", "langchain_fireworks",
      "langchain_deepseek", "langchain_cohere", "langchain_litellm")  # fmt: skip
LI = ("llama_index",)
AGNO = ("agno", "phi")
HAY = ("haystack", "haystack_integrations")
PAI = ("pydantic_ai",)
AUTOGEN = ("autogen", "autogen_agentchat", "autogen_ext", "pyautogen", "ag2")
SMOL = ("smolagents",)

LANGCHAIN = family(
    "langchain",
    site("ChatOpenAI", "OpenAI", keywords=("model", "model_name"), provider=P.OPENAI, modules=LC + LI),
    site("AzureChatOpenAI", "AzureOpenAIEmbeddings", keywords=("azure_deployment", "deployment_name",
                                                               "model"),
         provider=P.AZURE, modules=LC),
    site("ChatAnthropic", "Anthropic", keywords=("model", "model_name"), provider=P.ANTHROPIC,
         modules=LC + LI),
    site("ChatOllama", "OllamaLLM", "Ollama", positions=(), provider=P.OLLAMA, modules=LC + LI),
    site("OllamaEmbeddings", provider=P.OLLAMA, use=EMB, modules=LC),
    site("ChatGoogleGenerativeAI", "GoogleGenerativeAI", provider=P.GEMINI, modules=LC),
    site("GoogleGenerativeAIEmbeddings", provider=P.GEMINI, use=EMB, modules=LC),
    site("ChatVertexAI", "VertexAI", keywords=("model_name", "model"), provider=P.VERTEX_AI, modules=LC),
    site("VertexAIEmbeddings", keywords=("model_name", "model"), provider=P.VERTEX_AI, use=EMB, modules=LC),
    site("ChatMistralAI", keywords=("model", "model_name"), provider=P.MISTRAL, modules=LC),
    site("MistralAIEmbeddings", provider=P.MISTRAL, use=EMB, modules=LC),
    site("ChatGroq", keywords=("model", "model_name"), provider=P.GROQ, modules=LC),
    site("ChatBedrock", "ChatBedrockConverse", "BedrockLLM", keywords=("model_id", "model"),
         provider=P.BEDROCK,
         modules=LC),
    site("BedrockEmbeddings", keywords=("model_id",), provider=P.BEDROCK, use=EMB, modules=LC),
    site("ChatTogether", provider=P.TOGETHER_AI, modules=LC),
    site("ChatFireworks", provider=P.FIREWORKS_AI, modules=LC),
    site("ChatDeepSeek", provider=P.DEEPSEEK, modules=LC),
    site("ChatCohere", provider=P.COHERE, modules=LC),
    site("CohereEmbeddings", provider=P.COHERE, use=EMB, modules=LC),
    site("ChatLiteLLM", modules=LC),
    site("OpenAIEmbeddings", keywords=("model",), provider=P.OPENAI, use=EMB, modules=LC),
    site("HuggingFaceEmbeddings", "HuggingFaceBgeEmbeddings", "HuggingFaceInstructEmbeddings",
         keywords=("model_name", "model"), provider=HF, use=EMB, modules=LC),
    site("HuggingFaceEndpoint", "HuggingFaceHub", keywords=("repo_id", "model"), provider=HF, modules=LC),
    site("HuggingFacePipeline.from_model_id", keywords=("model_id",), provider=HF, modules=LC),
    site("init_chat_model", positions=(0,), provider_keyword="model_provider", modules=LC),
    packages=("langchain",),
    js_calls=(
        JsCall("initChatModel", keys=()),
        chat_class("ChatOpenAI", P.OPENAI),
        chat_class("AzureChatOpenAI", P.AZURE),
        chat_class("OpenAIEmbeddings", P.OPENAI, EMB),
        chat_class("AzureOpenAIEmbeddings", P.AZURE, EMB),
        chat_class("ChatAnthropic", P.ANTHROPIC),
        chat_class("ChatOllama", P.OLLAMA),
        chat_class("Ollama", P.OLLAMA),
        chat_class("OllamaEmbeddings", P.OLLAMA, EMB),
        chat_class("ChatGoogleGenerativeAI", P.GEMINI),
        chat_class("GoogleGenerativeAIEmbeddings", P.GEMINI, EMB),
        chat_class("ChatVertexAI", P.VERTEX_AI),
        chat_class("ChatMistralAI", P.MISTRAL),
        chat_class("MistralAIEmbeddings", P.MISTRAL, EMB),
        chat_class("ChatGroq", P.GROQ),
        chat_class("ChatBedrockConverse", P.BEDROCK),
        chat_class("ChatCohere", P.COHERE),
        chat_class("CohereEmbeddings", P.COHERE, EMB),
        chat_class("ChatDeepSeek", P.DEEPSEEK),
        chat_class("ChatXAI", P.XAI),
        chat_class("ChatTogetherAI", P.TOGETHER_AI),
        chat_class("ChatFireworks", P.FIREWORKS_AI),
        chat_class("HuggingFaceInference", HF),
        chat_class("HuggingFaceInferenceEmbeddings", HF, EMB),
    ),
)  # fmt: skip
LLAMA_INDEX = family(
    "llama-index",
    site("OpenAIEmbedding", keywords=("model", "model_name"), provider=P.OPENAI, use=EMB, modules=LI),
    site("HuggingFaceEmbedding", keywords=("model_name",), provider=HF, use=EMB, modules=LI),
    site("HuggingFaceLLM", "HuggingFaceInferenceAPI", keywords=("model_name", "tokenizer_name"), provider=HF,
         modules=LI),
    site("Gemini", keywords=("model", "model_name"), provider=P.GEMINI, modules=LI),
    site("Groq", provider=P.GROQ, modules=LI),
    packages=("llama_index",),
)  # fmt: skip
SMOLAGENTS = family(
    "smolagents",
    site("HfApiModel", "InferenceClientModel", "TransformersModel", "MLXModel", positions=(0,),
         keywords=("model_id",), provider=HF, modules=SMOL),
    site("LiteLLMModel", positions=(0,), keywords=("model_id",), modules=SMOL),
    site("OpenAIServerModel", positions=(0,), keywords=("model_id",), provider=P.OPENAI, modules=SMOL),
    site("AzureOpenAIServerModel", positions=(0,), keywords=("model_id",), provider=P.AZURE, modules=SMOL),
    site("VLLMModel", positions=(0,), keywords=("model_id",), provider=P.VLLM, modules=SMOL),
    site("OpenAIModel", positions=(0,), keywords=("model_id",), provider=P.OPENAI, modules=SMOL),
    site("AzureOpenAIModel", positions=(0,), keywords=("model_id",), provider=P.AZURE, modules=SMOL),
    site("AmazonBedrockModel", "AmazonBedrockServerModel", positions=(0,), keywords=("model_id",),
         provider=P.BEDROCK, modules=SMOL),
    site("LiteLLMRouterModel", keywords=("model_list",), config_keys=("model",), modules=SMOL),
    packages=("smolagents",),
)  # fmt: skip
CREWAI = family(
    "crewai",
    site("LLM", modules=("crewai",)),
    site("Agent", keywords=("llm",), modules=("crewai",)),
    packages=("crewai",),
)


def _agno(*classes: str, provider: str, use: Use = INF) -> CallSite:
    """An Agno model or embedder class taking `id=`."""
    return site(*classes, keywords=("id",), provider=provider, use=use, modules=AGNO)


AGNO_FAMILY = family(
    "agno",
    _agno("OpenAIChat", "OpenAIResponses", provider=P.OPENAI),
    _agno("OpenAIEmbedder", provider=P.OPENAI, use=EMB),
    _agno("Claude", provider=P.ANTHROPIC),
    _agno("Gemini", provider=P.GEMINI),
    _agno("Groq", provider=P.GROQ),
    _agno("Ollama", provider=P.OLLAMA),
    _agno("DeepSeek", provider=P.DEEPSEEK),
    _agno("MistralChat", provider=P.MISTRAL),
    _agno("AwsBedrock", provider=P.BEDROCK),
    _agno("HuggingFace", provider=HF),
    _agno("xAI", provider=P.XAI),
    _agno("Cohere", "CohereChat", provider=P.COHERE),
    _agno("Together", provider=P.TOGETHER_AI),
    _agno("OpenRouter", provider=P.OPENROUTER),
    _agno("OllamaEmbedder", provider=P.OLLAMA, use=EMB),
    _agno("GeminiEmbedder", provider=P.GEMINI, use=EMB),
    _agno("CohereEmbedder", provider=P.COHERE, use=EMB),
    _agno("SentenceTransformerEmbedder", provider=HF, use=EMB),
    packages=("agno",),
)
OPENAI_AGENTS = family("openai-agents", site("Agent", modules=("agents",), strict=True))
GOOGLE_ADK = family("google-adk", site("Agent", "LlmAgent", modules=("google.adk",), strict=True))
AUTOGEN_FAMILY = family(
    "autogen",
    site("OpenAIChatCompletionClient", provider=P.OPENAI, modules=AUTOGEN),
    site("AzureOpenAIChatCompletionClient", keywords=("azure_deployment", "model"), provider=P.AZURE,
         modules=AUTOGEN),
    site("AnthropicChatCompletionClient", provider=P.ANTHROPIC, modules=AUTOGEN),
    site("OllamaChatCompletionClient", provider=P.OLLAMA, modules=AUTOGEN),
    site("AssistantAgent", "ConversableAgent", "UserProxyAgent", "GroupChatManager", keywords=("llm_config",),
         config_keys=("model",), modules=AUTOGEN),
    site("config_list_from_json", "filter_config", keywords=("filter_dict",), config_keys=("model",),
         modules=AUTOGEN),
    packages=("autogen",),
)  # fmt: skip
DSPY = family(
    "dspy",
    site("dspy.LM", positions=(0,)),
    site("dspy.OpenAI", positions=(0,), provider=P.OPENAI),
    packages=("dspy",),
)
HAYSTACK = family(
    "haystack",
    site("OpenAIGenerator", "OpenAIChatGenerator", provider=P.OPENAI, modules=HAY),
    site("OpenAIDocumentEmbedder", "OpenAITextEmbedder", provider=P.OPENAI, use=EMB, modules=HAY),
    site("HuggingFaceLocalGenerator", "HuggingFaceLocalChatGenerator", "TransformersSimilarityRanker",
         "SentenceTransformersSimilarityRanker", provider=HF, modules=HAY),
    site("SentenceTransformersDocumentEmbedder", "SentenceTransformersTextEmbedder", provider=HF, use=EMB,
         modules=HAY),
    site("HuggingFaceAPIGenerator", "HuggingFaceAPIChatGenerator", keywords=("api_params",),
         config_keys=("model",), provider=HF, modules=HAY),
    site("AnthropicGenerator", "AnthropicChatGenerator", provider=P.ANTHROPIC, modules=HAY),
    site("OllamaGenerator", "OllamaChatGenerator", provider=P.OLLAMA, modules=HAY),
    packages=("haystack",),
)  # fmt: skip
PYDANTIC_AI = family(
    "pydantic-ai",
    site("Agent", positions=(0,), modules=PAI, strict=True),
    site("OpenAIModel", "OpenAIChatModel", "OpenAIResponsesModel", positions=(0,), keywords=("model_name",),
         provider=P.OPENAI, modules=PAI),
    site("AnthropicModel", positions=(0,), keywords=("model_name",), provider=P.ANTHROPIC, modules=PAI),
    site("GeminiModel", "GoogleModel", positions=(0,), keywords=("model_name",), provider=P.GEMINI,
         modules=PAI),
    site("GroqModel", positions=(0,), keywords=("model_name",), provider=P.GROQ, modules=PAI),
    site("MistralModel", positions=(0,), keywords=("model_name",), provider=P.MISTRAL, modules=PAI),
    packages=("pydantic_ai",),
)  # fmt: skip

FRAMEWORK_FAMILIES = (LANGCHAIN, LLAMA_INDEX, SMOLAGENTS, CREWAI, AGNO_FAMILY, OPENAI_AGENTS, GOOGLE_ADK,
                      AUTOGEN_FAMILY, DSPY, HAYSTACK, PYDANTIC_AI)  # fmt: skip
