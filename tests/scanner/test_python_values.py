"""Value tracking of the Python detector: how an id reaches a call, and what the reference says about it."""

from __future__ import annotations

from pathlib import Path

from test_run_support import settled

from openwatch.domain import Reference
from openwatch.scanner.detectors.base import ScanContext
from openwatch.scanner.detectors.python import detect_python_source

FIXTURES = Path(__file__).parent.parent / "fixtures" / "scan" / "python"


def refs(source: str, root: Path = Path("."), relpath: str = "app.py", offset: int = 0) -> list[Reference]:
    """The references the detector reports for a source text."""
    detection = settled(detect_python_source(source, relpath, ScanContext(root=root), line_offset=offset))
    assert detection.problem is None
    return list(detection.references)


def test_a_literal_at_a_declared_site_has_full_confidence_and_its_argument_position() -> None:
    """Line and 1-based column point at the argument expression; confidence is 1.0; no note."""
    found = refs(
        'from openai import OpenAI\nclient = OpenAI()\nclient.chat.completions.create(model="gpt-4o")\n'
    )
    assert [(r.text, r.line, r.column, r.confidence, r.note, r.detector) for r in found] == [
        ("gpt-4o", 3, 38, 1.0, None, "python")
    ]


def test_columns_count_characters_not_bytes() -> None:
    """A non-ASCII character before the argument counts as one column."""
    found = refs('import ollama\nr = {"é": ollama.chat(model="llama3.1")}\n')
    assert [(r.line, r.column) for r in found] == [(2, 29)]


def test_line_offset_shifts_lines_for_embedded_code() -> None:
    """Code from a Markdown block reports lines in the enclosing file."""
    found = refs('import ollama\nollama.pull("qwen2.5:7b")\n', relpath="README.md", offset=40)
    assert [(r.text, r.path, r.line, r.use.value) for r in found] == [
        ("qwen2.5:7b", "README.md", 42, "download")
    ]


def test_constant_imported_from_another_module_names_its_origin() -> None:
    """`from ..settings import CHAT_MODEL` is followed into the file; the note says where it is defined."""
    root = FIXTURES / "values"
    source = (root / "app" / "services" / "chat.py").read_text("utf-8")
    found = {(r.line, r.text): r for r in refs(source, root, "app/services/chat.py")}
    chat = found[(29, "gpt-4o-mini")]
    assert chat.note == "via constant CHAT_MODEL from app/settings.py:5"
    assert chat.confidence == 0.9
    env_default = found[(26, "text-embedding-3-small")]
    assert env_default.note == (
        "via constant EMBEDDING_MODEL from app/settings.py:6; default of environment variable EMBEDDING_MODEL"
    )
    assert env_default.confidence < chat.confidence


def test_values_through_several_hops_lose_confidence() -> None:
    """A literal beats a variable, which beats an f-string composed of variables."""
    source = (
        "from transformers import AutoModel\n"
        'ORG = "meta-llama"\n'
        'NAME = "Llama-3.2-1B"\n'
        'AutoModel.from_pretrained("meta-llama/Llama-3.2-1B")\n'
        'direct = "meta-llama/Llama-3.2-1B"\n'
        "AutoModel.from_pretrained(direct)\n"
        'AutoModel.from_pretrained(f"{ORG}/{NAME}")\n'
    )
    confidences = [(r.line, r.text, r.confidence) for r in refs(source)]
    assert confidences == [
        (4, "meta-llama/Llama-3.2-1B", 1.0),
        (6, "meta-llama/Llama-3.2-1B", 0.95),
        (7, "meta-llama/Llama-3.2-1B", 0.85),
    ]


def test_unknown_and_empty_values_are_not_references() -> None:
    """Runtime-only values, empty strings and None are not reported."""
    source = (
        "import os\nfrom openai import OpenAI\nclient = OpenAI()\n"
        'client.chat.completions.create(model=os.environ["MODEL"])\n'
        'client.chat.completions.create(model=input("model? "))\n'
        'client.chat.completions.create(model="")\n'
        "client.chat.completions.create(model=None)\n"
    )
    assert refs(source) == []


def test_dict_expansion_is_followed_with_a_note() -> None:
    """`**params` with a literal dict carries the model keyword."""
    source = (
        "from openai import OpenAI\nclient = OpenAI()\n"
        'params = {"model": "gpt-4o", "temperature": 0}\n'
        "client.chat.completions.create(messages=[], **params)\n"
    )
    assert [(r.text, r.line, r.note) for r in refs(source)] == [("gpt-4o", 4, "via ** expansion")]


def test_branches_give_each_value_with_lower_confidence() -> None:
    """A name assigned in two branches yields both values."""
    source = (
        "import ollama\n"
        "if fast:\n"
        '    model = "llama3.2:1b"\n'
        "else:\n"
        '    model = "llama3.1:70b"\n'
        "ollama.chat(model=model)\n"
    )
    assert sorted((r.text, r.confidence) for r in refs(source)) == [
        ("llama3.1:70b", 0.81),
        ("llama3.2:1b", 0.81),
    ]


def test_colab_param_options_are_alternatives_with_lower_confidence() -> None:
    """In a .py exported from Colab, `# @param [...]` options reach the call as alternatives."""
    source = (
        "from transformers import pipeline\n"
        'model_id = "google/gemma-2-2b-it"  # @param ["google/gemma-2-2b-it", "google/gemma-2-9b-it"]\n'
        'pipe = pipeline("text-generation", model=model_id)\n'
    )
    found = sorted((r.text, r.confidence, r.note) for r in refs(source))
    assert found == [
        ("google/gemma-2-2b-it", 0.95, "via model_id (line 2)"),
        ("google/gemma-2-9b-it", 0.6, "via model_id (line 2); Colab @param option"),
    ]


def test_imports_outside_the_root_are_not_followed(tmp_path: Path) -> None:
    """A relative import that climbs above the scan root is not read."""
    (tmp_path / "settings.py").write_text('MODEL = "gpt-4o"\n', "utf-8")
    root = tmp_path / "repo"
    root.mkdir()
    source = "from openai import OpenAI\nfrom ..settings import MODEL\n"
    source += "OpenAI().chat.completions.create(model=MODEL)\n"
    assert refs(source, root, "main.py") == []


def test_imported_module_changes_are_seen(tmp_path: Path) -> None:
    """The cache of parsed modules notices when a module file changes."""
    settings = tmp_path / "settings.py"
    settings.write_text('MODEL = "gpt-4o"\n', "utf-8")
    source = (
        "import anthropic\nimport settings\nanthropic.Anthropic().messages.create(model=settings.MODEL)\n"
    )
    assert [r.text for r in refs(source, tmp_path)] == ["gpt-4o"]
    settings.write_text('MODEL = "claude-3-5-haiku-20241022"\n# changed\n', "utf-8")
    assert [r.text for r in refs(source, tmp_path)] == ["claude-3-5-haiku-20241022"]


def test_provider_keyword_and_url_attribution() -> None:
    """`model_provider=` names the provider; an endpoint URL through an env default does too."""
    source = (
        "import os\nfrom langchain.chat_models import init_chat_model\nfrom openai import OpenAI\n"
        'chat = init_chat_model("claude-3-5-haiku-latest", model_provider="anthropic")\n'
        'local = OpenAI(base_url=os.getenv("LLM_URL", "http://localhost:8000/v1"))\n'
        'local.chat.completions.create(model="Qwen/Qwen2.5-7B-Instruct")\n'
    )
    assert [(r.text, r.provider) for r in refs(source)] == [
        ("claude-3-5-haiku-latest", "anthropic"),
        ("Qwen/Qwen2.5-7B-Instruct", "vllm"),
    ]


def test_import_source_disambiguates_same_named_classes() -> None:
    """`OpenAI(model=...)` from llama_index is a model; `Trainer` from lightning is not a fine-tune site (its
    model keyword is read as any unknown call's is)."""
    source = (
        "from llama_index.llms.openai import OpenAI\nfrom lightning import Trainer\n"
        'llm = OpenAI(model="gpt-4o")\n'
        'trainer = Trainer(model="gpt-4o-mini")\n'
    )
    assert [(r.text, r.line, r.use.value) for r in refs(source)] == [
        ("gpt-4o", 3, "inference"),
        ("gpt-4o-mini", 4, "inference"),
    ]
