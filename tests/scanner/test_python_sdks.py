"""The SDK call-site declarations: coverage, prefilter keywords and model-text filtering."""

from __future__ import annotations

from openwatch import providers
from openwatch.providers import from_url
from openwatch.scanner.detectors.python import PythonDetector
from openwatch.scanner.python.texts import model_text
from openwatch.scanner.sdks import CALL_SITES, FAMILIES


def test_at_least_thirty_sdks_and_frameworks_are_declared() -> None:
    """The declaration table names 30+ distinct SDKs and frameworks."""
    sdks = {site.sdk for site in CALL_SITES}
    assert len(sdks) >= 30
    assert {
        "transformers",
        "openai",
        "anthropic",
        "langchain",
        "llama-index",
        "pydantic-ai",
        "vllm",
        "mlx",
    } <= sdks


def test_every_declaration_carries_a_model_argument() -> None:
    """Each site says where the model is: a position or a keyword, and has at least one callee."""
    for site in CALL_SITES:
        assert site.callees
        assert site.positions or site.keywords


def test_prefilter_keywords_include_call_and_import_names() -> None:
    """A file must mention one of these to be parsed: SDK call and package names, not everyday words."""
    keywords = set(PythonDetector.keywords)
    assert not {"model", "id", "create", "chat", "load", "agent"} & {k.lower() for k in keywords}
    assert {
        "openai",
        "anthropic",
        "completions",
        "from_pretrained",
        "SentenceTransformer",
        "hf_hub_download",
        "ollama",
        "dspy",
        "mlx_lm",
    } <= keywords
    detector = PythonDetector()
    assert detector.accepts("src/app.py")
    assert not detector.accepts("notebook.ipynb")


def test_model_text_rejects_placeholders_paths_versions_and_urls() -> None:
    """Test fakes, local paths, versions and non-Hub URLs name no model; Hub URLs become ids."""
    rejected = ["test-model", "fake-model", "dummy", "my-model", "gpt-x", "./ckpt", "/opt/m", "1.2.3"]
    rejected += [
        "2024-06-01",
        "https://example.com/v1",
        "",
        "   ",
        "two words",
        "<your-model>",
        "config.json",
    ]
    for text in rejected:
        assert model_text(text) is None, text
    assert model_text("https://huggingface.co/Qwen/Qwen2.5-7B") == (
        "Qwen/Qwen2.5-7B",
        "from a Hugging Face URL",
    )
    assert model_text("gpt-4o") == ("gpt-4o", None)
    assert model_text("/models/phi-3-mini.Q4_K_M.gguf", basename=True) == ("phi-3-mini.Q4_K_M.gguf", None)


def test_endpoint_urls_map_to_providers() -> None:
    """Known endpoints name their provider; unknown ones name none."""
    assert from_url("https://api.deepseek.com/v1") == "deepseek"
    assert from_url("http://localhost:11434/v1") == "ollama"
    assert from_url("http://localhost:8000/v1") == "vllm"
    assert from_url("https://openrouter.ai/api/v1") == "openrouter"
    assert from_url("https://proxy.internal/v1") is None


def test_every_declared_provider_is_a_name_of_the_vocabulary() -> None:
    """Declarations name providers only through openwatch.providers, so one service has one name."""
    names = {provider.name for provider in providers.PROVIDERS}
    declared = {site.provider for site in CALL_SITES} - {None}
    for family in FAMILIES:
        declared |= {*family.clients.values(), *family.client_flags.values(), *family.js_modules.values()}
        declared |= {*family.js_clients.values(), *(call.provider for call in family.js_calls)} - {None}
    assert declared <= names, declared - names


def test_spellings_of_a_provider_mean_one_name() -> None:
    assert {providers.canonical(s) for s in ("vertex", "vertexai", "google_vertexai", "vertex_ai")} == {
        "vertex_ai"
    }
    assert {providers.canonical(s) for s in ("together", "together_ai", "togetherai")} == {"together_ai"}
    assert providers.canonical("google_genai") == "gemini"
    assert providers.from_prefix("ollama_chat/llama3.2") == "ollama"
    assert providers.from_prefix("google/gemma-2b-it") is None  # a Hub organisation, not a routing prefix
