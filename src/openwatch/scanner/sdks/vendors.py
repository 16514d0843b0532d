"""The model vendors' own SDKs and API routers: OpenAI, Anthropic, Google, Mistral, Bedrock, Ollama…"""

from __future__ import annotations

from openwatch import providers as P
from openwatch.scanner.sdks.declare import DL, EMB, FT, HOSTED_AGENT, JsCall, family, sdk_method, site

OPENAI_SHAPES = ("chat.completions.create", "chat.completions.parse", "chat.completions.stream",
                 "responses.create", "responses.parse", "responses.stream", "completions.create",
                 "images.generate", "images.edit", "audio.transcriptions.create", "audio.translations.create",
                 "audio.speech.create", "moderations.create", "assistants.create", "ChatCompletion.create",
                 "Completion.create")  # fmt: skip
OPENAI_JS_SHAPES = ("chat.completions.create", "chat.completions.stream", "chat.completions.parse",
                    "completions.create", "responses.create", "responses.stream", "responses.parse",
                    "audio.transcriptions.create", "audio.translations.create", "audio.speech.create",
                    "images.generate", "images.edit", "moderations.create")  # fmt: skip

OPENAI_RUNS = ("beta.threads.runs.create", "beta.threads.runs.create_and_poll", "beta.threads.runs.stream",
               "beta.threads.create_and_run", "beta.threads.create_and_run_poll")  # fmt: skip


def _ollama(*methods: str) -> tuple[str, ...]:
    """Callee patterns for the ollama module functions and its client methods."""
    return tuple(f"ollama.{p}{m}" for m in methods for p in ("", "Client.", "AsyncClient."))


OPENAI = family(
    "openai",
    site(*OPENAI_SHAPES, keywords=("model", "engine"), provider=P.OPENAI),
    site("embeddings.create", "Embedding.create", provider=P.OPENAI, use=EMB),
    site("fine_tuning.jobs.create", provider=P.OPENAI, use=FT),
    site(*OPENAI_RUNS, provider=P.OPENAI),  # a run may override the assistant's model
    site(*OPENAI_RUNS, keywords=("assistant_id",), provider=P.OPENAI, note=HOSTED_AGENT),
    packages=("openai",),
    clients={"OpenAI": P.OPENAI, "AsyncOpenAI": P.OPENAI},
    js_modules={"openai": P.OPENAI},
    js_clients={"OpenAI": P.OPENAI},
    js_calls=(
        *(sdk_method(callee, P.OPENAI) for callee in OPENAI_JS_SHAPES),
        sdk_method("embeddings.create", P.OPENAI, EMB),
        sdk_method("fine_tuning.jobs.create", P.OPENAI, FT),
    ),
)
AZURE_OPENAI = family(
    "azure-openai",
    site(
        "AzureOpenAI",
        "AsyncAzureOpenAI",
        keywords=("azure_deployment",),
        provider=P.AZURE,
        modules=("openai",),
    ),
    clients={"AzureOpenAI": P.AZURE, "AsyncAzureOpenAI": P.AZURE},
    js_clients={"AzureOpenAI": P.AZURE},
)
ANTHROPIC = family(
    "anthropic",
    site("messages.create", "messages.stream", provider=P.ANTHROPIC),  # count_tokens: no use of the model
    packages=("anthropic",),
    clients={"Anthropic": P.ANTHROPIC, "AsyncAnthropic": P.ANTHROPIC, "AnthropicBedrock": P.BEDROCK,
             "AnthropicVertex": P.VERTEX_AI},
    js_modules={"@anthropic-ai/sdk": P.ANTHROPIC},
    js_clients={"Anthropic": P.ANTHROPIC, "AnthropicBedrock": P.BEDROCK, "AnthropicVertex": P.VERTEX_AI},
    js_calls=tuple(sdk_method(callee, P.ANTHROPIC)
                   for callee in ("messages.create", "messages.stream", "messages.batches.create")),
)  # fmt: skip
GOOGLE_GENAI = family(
    "google-genai",
    site("GenerativeModel", positions=(0,), keywords=("model_name",), provider=P.GEMINI,
         modules=("google.generativeai", "google.genai")),
    site("models.generate_content", "models.generate_content_stream", "models.generate_images",
         "chats.create", provider=P.GEMINI),
    site("models.embed_content", "generativeai.embed_content", "genai.embed_content", provider=P.GEMINI,
         use=EMB),
    packages=("genai", "generativeai"),
    clients={"genai.Client": P.GEMINI},
    client_flags={"vertexai": P.VERTEX_AI},
    js_modules={"@google/generative-ai": P.GEMINI, "@google/genai": P.GEMINI},
    js_clients={"GoogleGenerativeAI": P.GEMINI, "GoogleGenAI": P.GEMINI},
    js_calls=(
        *(sdk_method(c, P.GEMINI) for c in ("getGenerativeModel", "models.generateContent",
                                           "models.generateContentStream")),
        sdk_method("models.embedContent", P.GEMINI, EMB),
    ),
)  # fmt: skip
VERTEXAI = family(
    "vertexai",
    site("sft.train", keywords=("source_model",), provider=P.VERTEX_AI, use=FT, modules=("vertexai",)),
    site("TextEmbeddingModel.from_pretrained", "TextGenerationModel.from_pretrained",
         "ChatModel.from_pretrained", positions=(0,), keywords=("model_name",), provider=P.VERTEX_AI,
         modules=("vertexai", "google.cloud.aiplatform")),
    site("GenerativeModel", positions=(0,), keywords=("model_name",), provider=P.VERTEX_AI,
         modules=("vertexai", "google.cloud.aiplatform")),
    packages=("vertexai",),
)  # fmt: skip
MISTRAL = family(
    "mistral",
    site(
        "chat.complete",
        "chat.complete_async",
        "chat.stream",
        "fim.complete",
        "MistralClient.chat",
        provider=P.MISTRAL,
    ),
    site("agents.complete", "agents.stream", "agents.complete_async", keywords=("agent_id",),
         provider=P.MISTRAL, note=HOSTED_AGENT),
    packages=("mistralai",),
    clients={"Mistral": P.MISTRAL, "MistralClient": P.MISTRAL},
    js_modules={"@mistralai/mistralai": P.MISTRAL},
    js_clients={"Mistral": P.MISTRAL, "MistralClient": P.MISTRAL},
    js_calls=(sdk_method("chat.complete", P.MISTRAL), sdk_method("fim.complete", P.MISTRAL)),
)
COHERE = family(
    "cohere",
    site("cohere.*.chat", "cohere.*.chat_stream", "cohere.*.generate", "cohere.*.rerank", provider=P.COHERE),
    site("cohere.*.embed", provider=P.COHERE, use=EMB),
    packages=("cohere",),
    clients={"cohere.Client": P.COHERE, "cohere.ClientV2": P.COHERE},
    js_modules={"cohere-ai": P.COHERE},
    js_clients={"Cohere": P.COHERE, "CohereClient": P.COHERE, "CohereClientV2": P.COHERE},
)
GROQ = family(
    "groq",
    packages=("groq",),
    clients={"Groq": P.GROQ, "AsyncGroq": P.GROQ},
    js_modules={"groq-sdk": P.GROQ},
    js_clients={"Groq": P.GROQ},
)
TOGETHER = family(
    "together",
    site("fine_tuning.create", provider=P.TOGETHER_AI, use=FT),
    site("together.Complete.create", provider=P.TOGETHER_AI),
    clients={"Together": P.TOGETHER_AI, "AsyncTogether": P.TOGETHER_AI},
    js_modules={"together-ai": P.TOGETHER_AI},
    js_clients={"Together": P.TOGETHER_AI},
)
FIREWORKS = family("fireworks", clients={"Fireworks": P.FIREWORKS_AI})
CEREBRAS = family("cerebras", clients={"Cerebras": P.CEREBRAS})
BEDROCK = family(
    "bedrock",
    site("create_model_customization_job", keywords=("baseModelIdentifier",), provider=P.BEDROCK, use=FT),
    site("invoke_model", "invoke_model_with_response_stream", "converse", "converse_stream",
         keywords=("modelId",), provider=P.BEDROCK),
    packages=("boto3", "bedrock"),
)  # fmt: skip
LITELLM = family(
    "litellm",
    site(
        "litellm.completion",
        "litellm.acompletion",
        "litellm.text_completion",
        "litellm.image_generation",
        positions=(0,),
    ),
    site("litellm.embedding", "litellm.aembedding", positions=(0,), use=EMB),
    site("litellm.Router", keywords=("model_list",), config_keys=("model",)),
    packages=("litellm",),
)
OLLAMA = family(
    "ollama",
    site(*_ollama("chat", "generate"), positions=(0,), provider=P.OLLAMA),
    site(*_ollama("pull"), positions=(0,), provider=P.OLLAMA, use=DL),
    site(*_ollama("embeddings", "embed"), positions=(0,), provider=P.OLLAMA, use=EMB),
    packages=("ollama",),
    clients={"ollama.Client": P.OLLAMA},
    js_modules={"ollama": P.OLLAMA, "ollama/browser": P.OLLAMA},
    js_clients={"Ollama": P.OLLAMA},
    js_calls=(
        *(JsCall(c, provider=P.OLLAMA, root=P.OLLAMA) for c in ("chat", "generate")),
        *(JsCall(c, use=EMB, provider=P.OLLAMA, root=P.OLLAMA) for c in ("embed", "embeddings")),
        JsCall("pull", use=DL, provider=P.OLLAMA, root=P.OLLAMA),
    ),
)
REPLICATE = family(
    "replicate",
    site("replicate.run", "replicate.stream", "replicate.async_run", positions=(0,), keywords=("ref",),
         provider=P.REPLICATE),
    site("predictions.create", "deployments.predictions.create", keywords=("version", "model"),
         provider=P.REPLICATE, modules=("replicate",)),
    packages=("replicate",),
    clients={"replicate.Client": P.REPLICATE},
)  # fmt: skip
HUGGINGFACE_HUB = family(
    "huggingface_hub",
    site("hf_hub_download", "snapshot_download", positions=(0,), keywords=("repo_id",),
         provider=P.HUGGINGFACE,
         use=DL, modules=("huggingface_hub",), skip_if=(("repo_type", "dataset"), ("repo_type", "space"))),
    site("InferenceClient", "AsyncInferenceClient", positions=(0,), provider=P.HUGGINGFACE,
         modules=("huggingface_hub",)),
    site("text_generation", "chat_completion", "text_to_image", provider=P.HUGGINGFACE),
    site("feature_extraction", "sentence_similarity", provider=P.HUGGINGFACE, use=EMB),
    packages=("huggingface_hub",),
    clients={"InferenceClient": P.HUGGINGFACE, "AsyncInferenceClient": P.HUGGINGFACE},
    js_modules={"@huggingface/inference": P.HUGGINGFACE},
    js_clients={"HfInference": P.HUGGINGFACE, "InferenceClient": P.HUGGINGFACE},
    js_calls=(
        *(JsCall(c, provider=P.HUGGINGFACE, root=P.HUGGINGFACE)
          for c in ("chatCompletion", "chatCompletionStream", "textGeneration", "textGenerationStream",
                    "summarization", "translation", "textToImage")),
        JsCall("featureExtraction", use=EMB, provider=P.HUGGINGFACE, root=P.HUGGINGFACE),
    ),
)  # fmt: skip

VENDOR_FAMILIES = (OPENAI, AZURE_OPENAI, ANTHROPIC, GOOGLE_GENAI, VERTEXAI, MISTRAL, COHERE, GROQ, TOGETHER,
                   FIREWORKS, CEREBRAS, BEDROCK, LITELLM, OLLAMA, REPLICATE, HUGGINGFACE_HUB)  # fmt: skip
