"""Hypothesis strategies for the fuzz tests: texts made of each format's own pieces (so parsers get deep
into them), real grammars where a library has one (hypothesmith for Python), and plain noise.

Profiles: `ci` (the default in the suite, a few seconds per test) and `long` (bench/fuzz_long.py sets
OPENWATCH_FUZZ_PROFILE=long).
"""

from __future__ import annotations

import json
import os
import struct
from typing import Any

import hypothesmith
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

settings.register_profile(
    "ci", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None
)
LONG_EXAMPLES = int(os.environ.get("OPENWATCH_FUZZ_EXAMPLES", "5000"))
settings.register_profile(
    "long", max_examples=LONG_EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None
)
PROFILE = os.environ.get("OPENWATCH_FUZZ_PROFILE", "ci")
settings.load_profile(PROFILE)
SLOW_EXAMPLES = 8 if PROFILE == "ci" else max(8, LONG_EXAMPLES // 25)
"""Examples for the tests that build a whole catalog each time (about a second apiece)."""

NOISE = st.text(st.characters(codec="utf-8"), max_size=400)
"""Any text, including control characters, surrogates excluded."""


def pieces(fragments: list[str], size: int = 80) -> st.SearchStrategy[str]:
    """Texts glued together from a format's fragments, with a little noise mixed in."""
    fragment = st.one_of(st.sampled_from(fragments), st.text(max_size=6))
    return st.lists(fragment, max_size=size).map("".join)


def format_text(fragments: list[str], *more: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """A format's texts: glued fragments, any other given strategy, noise."""
    return st.one_of(pieces(fragments), *more, NOISE)


MODELS = ["'gpt-4o'", '"llama3.1:8b"', "'meta-llama/Llama-3.1-8B-Instruct'", "'claude-3-5-sonnet'", "'x'"]
PYTHON = [
    "from openai import OpenAI\n", "import openai\n", "import os\n", "client = OpenAI()\n",
    "client.chat.completions.create(", "OpenAI(base_url='http://localhost:11434/v1')", "model=", *MODELS,
    "m", "x", "self", " = ", "(", ")", "[", "]", "{", "}", ", ", ": ", "\n", "    ", "def f(m='gpt-4o'):\n",
    "return ", "class C:\n", "self.model", "os.getenv('M', 'gpt-4o')", " or ", " if x else ", "for m in [",
    "lambda m: ", "*", "**", ".", "@dataclass\n", "await ", "with ", "# ", "\\\n", "'''", '"""', "\t",
    "\r\n", "\x00", "é", "f'{m}-4o'", "match m:\n", "    case 'a':\n", "from .cfg import MODEL\n",
    "from . import settings\n", "pipeline('text-generation', model=", "AutoModel.from_pretrained(",
    "dict(model=", "MODELS[", "].get('model', ", " + ", "Field(default=", "global m\n", "yield ", "del ",
]  # fmt: skip
PYTHON_TEXT = format_text(PYTHON, hypothesmith.from_grammar())

SHELL = [
    "ollama pull ", "ollama run ", "vllm serve ", "huggingface-cli download ", "hf download ",
    "llama-server ", "-m ", "--model ", "--model=", "llama3.1:8b", "meta-llama/Llama-3.1-8B", "model.gguf",
    "$MODEL", "${MODEL:-llama3}", "MODEL=llama3 ", "export ", "docker run ", "-e ", "OLLAMA_MODEL=x ",
    "python -m ", "curl ", "https://api.openai.com/v1/models/gpt-4o", "-d ", '\'{"model": "gpt-4o"}\'',
    " && ", " | ", ";", "\n", " \\\n", "'", '"', "$(", ")", "`", "#", "<<EOF\n", "EOF\n",
    "cat > c.yaml <<'EOF'\n", "model: x\n", "FROM ", "RUN ", "ENV ", "ARG ", 'CMD ["vllm", "serve", "m"]',
    "\t", "all:\n", "\r", "{", "}",
]  # fmt: skip
SHELL_TEXT = format_text(SHELL)
SHELL_DIALECTS = st.sampled_from(["sh", "dockerfile", "make", "just", "procfile", "modelfile"])

JS = [
    "import OpenAI from 'openai';\n", "import { openai } from '@ai-sdk/openai';\n", "const ", "let ",
    "client", " = ", "new OpenAI()", "await ", "client.chat.completions.create(", "{ model: ", "model", ": ",
    "'gpt-4o'", '"claude-3-5-sonnet"', "`", "${", "}", "(", ")", "[", "]", "{", ", ", ";", "\n", "//", "/*",
    "*/", "/re/g", "openai('gpt-4o')", "const MODELS = [", "require('openai')", "this.model = ", "?.", "??",
    "||", "=>", "export ", "function ", "return ", "\\", "'", '"', "as const", "<T>", "\u2028",
]  # fmt: skip
JS_TEXT = format_text(JS)

MARKDOWN = [
    "```bash\n", "```python\n", "```yaml\n", "```json\n", "```js\n", "```\n", "~~~\n", "````\n", "> ",
    "    ", "- ", "$ ollama pull llama3.1:8b\n", ">>> from openai import OpenAI\n", "model: gpt-4o\n",
    "MODEL=gpt-4o\n", "---\n", "base_model: meta-llama/Llama-3.1-8B\n", ".. code-block:: bash\n",
    "   :caption: x\n", "client.chat.completions.create(model='gpt-4o')\n", "\n", "text ", "`", "#",
]  # fmt: skip
MARKDOWN_TEXT = format_text(MARKDOWN, st.lists(st.sampled_from(PYTHON + SHELL), max_size=40).map("".join))

HTML = [
    "<select ", 'name="model"', ' id="m"', ">", '<option value="gpt-4o">', "</option>", "</select>",
    '<label for="m">', "Model", "</label>", "&amp;", "&#x27;", "<!--", "-->", "<![CDATA[", "]]>", "<script>",
    "</script>", "<", "&", '"', "'", "\n", "<option value=", "<div>", "</div>",
]  # fmt: skip
HTML_TEXT = format_text(HTML)

YAML = [
    "model: ", "gpt-4o", "\n", "  ", "- ", "&a ", "*a", "<<: *a\n", "!!python/object/apply:os.system ['x']",
    "!!binary ", "? ", ": ", "{", "}", "[", "]", ", ", "---\n", "...\n", "|\n", ">-\n", "'", '"', "#",
    "%YAML 1.1\n", "litellm_params:\n", "model_list:\n", "image: vllm/vllm-openai\n", "command: --model m\n",
    "run: ollama pull x\n", "environment:\n", "OPENAI_MODEL=gpt-4o", "\t", "\x00", "\\u0041",
]  # fmt: skip
JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text(max_size=20)
    | st.sampled_from(["gpt-4o", "llama3.1:8b", "model", "image", "command"]),
    lambda inner: (
        st.lists(inner, max_size=5)
        | st.dictionaries(
            st.sampled_from(["model", "llm", "image", "command", "scripts", "name", "value", "x"])
            | st.text(max_size=8),
            inner,
            max_size=5,
        )
    ),
    max_leaves=40,
)


def records(keys: list[str]) -> st.SearchStrategy[list[dict[str, Any]]]:
    """A few records with some of the given keys and any JSON values."""
    return st.lists(st.dictionaries(st.sampled_from(keys), JSON_VALUES), max_size=4)


def _yaml_dump(value: Any) -> str:
    import yaml

    return yaml.safe_dump(value, allow_unicode=True)


YAML_TEXT = format_text(YAML, JSON_VALUES.map(_yaml_dump))
JSON_TEXT = format_text(
    ["{", "}", "[", "]", '"model"', ": ", '"gpt-4o"', ", ", "\\u0000", "1e999"], JSON_VALUES.map(json.dumps)
)
TOML = [
    "model = ", '"gpt-4o"', "'llama3'", "\n", "[tool.openwatch]\n", "[[models]]\n", '[models."gpt-4o"]\n',
    "api_type = ", "x = [", "]", "{ ", " }", ", ", '"""', "'''", "\\u002d", "1979-05-27", "true", "inf",
    "# ", "a.b = ", "=", '"', "\t", "\r\n",
]  # fmt: skip
TOML_TEXT = format_text(TOML)
ENV_TEXT = format_text(
    ["OPENAI_MODEL=", "export ", "MODEL_NAME", "=", "gpt-4o", "'", '"', " # x", "\n", "\r"]
)


def _notebook(cells: list[tuple[str, str]], language: str, wrap: Any) -> str:
    """A notebook JSON text from (cell type, source) pairs; `wrap` may replace the whole structure."""
    body = {
        "nbformat": 4,
        "metadata": {"kernelspec": {"language": language}},
        "cells": [{"cell_type": kind, "source": source, "outputs": []} for kind, source in cells],
    }
    return json.dumps(wrap if wrap is not None else body)


NOTEBOOK_TEXT = st.one_of(
    st.builds(
        _notebook,
        st.lists(
            st.tuples(st.sampled_from(["code", "markdown", "raw", 3]), PYTHON_TEXT | SHELL_TEXT), max_size=6
        ),
        st.sampled_from(["python", "R", "", "ipython3"]),
        st.none() | JSON_VALUES,
    ),
    NOISE,
)

GGUF_TYPES = st.integers(0, 14)


@st.composite
def gguf_bytes(draw: st.DrawFn) -> bytes:
    """A GGUF header with any counts, typed values (strings, arrays, nested arrays) and lengths, maybe cut."""
    order = draw(st.sampled_from(["<", ">"]))
    version = draw(st.sampled_from([2, 3, 1, 4]))
    out = b"GGUF" + struct.pack(order + "I", version)
    kv = draw(st.lists(st.tuples(st.text(max_size=12).map(lambda k: "general." + k), GGUF_TYPES), max_size=6))
    out += struct.pack(order + "QQ", draw(st.integers(0, 2**64 - 1) | st.integers(0, 10)), len(kv))
    for key, vtype in kv:
        raw = key.encode()
        out += struct.pack(order + "Q", draw(st.sampled_from([len(raw), 2**40, len(raw) + 5]))) + raw
        out += struct.pack(order + "I", vtype)
        if vtype == 8:
            text = draw(st.text(max_size=20)).encode()
            out += struct.pack(order + "Q", len(text)) + text
        elif vtype == 9:
            count = draw(st.integers(0, 3) | st.just(2**62))
            out += struct.pack(order + "IQ", draw(GGUF_TYPES), count) + draw(st.binary(max_size=40))
        else:
            out += draw(st.binary(min_size=0, max_size=8))
    cut = draw(st.integers(0, len(out)))
    return out if draw(st.booleans()) else out[:cut]


@st.composite
def safetensors_bytes(draw: st.DrawFn) -> bytes:
    """A safetensors file: a length (true, too long, huge) and a JSON header (tensors, metadata, junk)."""
    tensors = st.dictionaries(
        st.text(max_size=10),
        st.fixed_dictionaries(
            {
                "dtype": st.sampled_from(["F16", "BF16", "x"]),
                "shape": st.lists(st.integers(-2, 2**40), max_size=4) | JSON_VALUES,
            }
        ),
        max_size=4,
    )
    header = draw(st.one_of(tensors.map(json.dumps), JSON_TEXT)).encode("utf-8", "surrogatepass")
    length = draw(st.sampled_from([len(header), len(header) + 10, 2**40, 0, 2**64 - 1]))
    return struct.pack("<Q", length) + header + draw(st.binary(max_size=16))


FEED = [
    '<?xml version="1.0"?>', '<feed xmlns="http://www.w3.org/2005/Atom">', "</feed>", "<entry>", "</entry>",
    "<title>", "</title>", "Meta Llama 4", "<summary>", "</summary>", "<id>", "</id>",
    "<updated>2026-04-01</updated>", '<rss version="2.0"><channel>', "</channel></rss>", "<item>", "</item>",
    "<description>", "<![CDATA[<b>x</b>", "]]>", "&amp;", "&lt;", '<!DOCTYPE x [<!ENTITY e "lol">]>', "&e;",
    '<link href="http://x"/>', "<", ">",
]  # fmt: skip
JSON_FEED = st.fixed_dictionaries(
    {
        "version": st.sampled_from(["https://jsonfeed.org/version/1.1", "x"]),
        "items": records(["id", "title", "summary", "content_html", "url", "date_published"]) | JSON_VALUES,
    },
).map(json.dumps)
FEED_BYTES = st.one_of(
    pieces(FEED).map(str.encode), JSON_FEED.map(str.encode), st.binary(max_size=300), NOISE.map(str.encode)
)

LAB_YAML = st.one_of(
    st.fixed_dictionaries(
        {
            "lab": st.fixed_dictionaries(
                {
                    "id": st.sampled_from(["acme", "meta", "ACME!", ""]) | st.text(max_size=6),
                    "name": st.text(max_size=10),
                },
                optional={"country": JSON_VALUES},
            ),
            "models": records(["id", "name", "family", "access", "aliases", "release_date", "licence"]),
        },
    ).map(_yaml_dump),
    YAML_TEXT,
)

SETTINGS_KEYS = [
    "eu_established", "commercial", "monthly_active_users", "role", "roles", "placed", "modification_flop",
    "catalog", "baseline", "db", "policy", "unknown",
]  # fmt: skip
SETTINGS_LITERALS = [
    "true", "1", '"integrator"', '"fine-tuner"', "2026-09-01", '"2026-13-45"', "-5", "1e19", '["a", "b"]',
    '"sqlite:///x.db"', '{ deny_access = ["x"] }', '{ "m" = "provider" }', '"*"',
]  # fmt: skip
SETTINGS_VALUES = st.one_of(
    st.sampled_from(SETTINGS_LITERALS),
    st.integers().map(str),
)
SETTINGS_TEXT = st.one_of(
    st.lists(st.tuples(st.sampled_from(SETTINGS_KEYS), SETTINGS_VALUES), max_size=8).map(
        lambda pairs: "[tool.openwatch]\n" + "".join(f"{k} = {v}\n" for k, v in pairs)
    ),
    TOML_TEXT.map(lambda text: "[tool.openwatch]\n" + text),
)
BASELINE_TEXT = st.one_of(
    st.fixed_dictionaries(
        {
            "version": st.sampled_from([1, 2, "1"]),
            "entries": records(["fingerprint", "rule", "reason", "expires", "model", "path"]) | JSON_VALUES,
        },
    ).map(_yaml_dump),
    YAML_TEXT,
)
