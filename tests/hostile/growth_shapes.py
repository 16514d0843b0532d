"""Inputs of a chosen size for every detector, in shapes that stress its loops (many, long, deep, chained).

`make(n)` gives (relative path, text) of a file about n times the size of `make(1)`: the linear-growth tests
and `bench/linear_growth.py` scan each shape at 1×, 10× and 100× and compare the cost.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Shape:
    """One way to grow a file: its name, its language and how to make it n units large."""

    name: str
    language: str
    make: Callable[[int], tuple[str, str]]
    unit: int = 20
    """How many repetitions make the 1× input."""


def _lines(relpath: str, line: Callable[[int], str]) -> Callable[[int], tuple[str, str]]:
    """A file of n lines made by `line(i)`."""
    return lambda n: (relpath, "".join(line(i) + "\n" for i in range(n)))


def _python_chain(n: int) -> tuple[str, str]:
    """A variable passed along n assignments, then to an SDK call."""
    body = ["from openai import OpenAI", "m0 = 'gpt-4o'"]
    body += [f"m{i + 1} = m{i}" for i in range(n)]
    body += [f"OpenAI().chat.completions.create(model=m{n}, messages=[])"]
    return "app/chain.py", "\n".join(body) + "\n"


def _python_functions(n: int) -> tuple[str, str]:
    """n functions each returning the next one's result, the last a model; every one called."""
    body = ["from openai import OpenAI", "client = OpenAI()", "def f0():\n    return 'gpt-4o'"]
    body += [f"def f{i + 1}(x=None):\n    return f{i}()" for i in range(n)]
    body += [f"client.chat.completions.create(model=f{i}(), messages=[])" for i in range(n)]
    return "app/functions.py", "\n".join(body) + "\n"


def _python_params(n: int) -> tuple[str, str]:
    """n functions passing a parameter down to a call, each called with a model."""
    body = ["from openai import OpenAI", "def g0(model):\n    OpenAI().chat.completions.create(model=model)"]
    body += [f"def g{i + 1}(model='gpt-4o-mini'):\n    g{i}(model)" for i in range(n)]
    body += [f"g{n}('gpt-4o')"]
    return "app/params.py", "\n".join(body) + "\n"


def _python_class(n: int) -> tuple[str, str]:
    """A config class with n model fields, and n calls reading them."""
    body = ["from openai import OpenAI", "class Settings:"]
    body += [f"    model_{i} = 'gpt-4o'" for i in range(n)]
    body += ["settings = Settings()", "client = OpenAI()"]
    body += [f"client.chat.completions.create(model=settings.model_{i})" for i in range(n)]
    return "app/settings.py", "\n".join(body) + "\n"


def _python_dict(n: int) -> tuple[str, str]:
    """A table of n models picked from at run time, and a nested provider config."""
    entries = ", ".join(
        f"'k{i}': {{'provider': 'openai', 'config': {{'model': 'gpt-4o'}}}}" for i in range(n)
    )
    body = f"from openai import OpenAI\nMODELS = {{{entries}}}\n"
    body += "OpenAI().chat.completions.create(model=MODELS[key]['config']['model'])\n"
    return "app/table.py", body


def _python_deep(n: int) -> tuple[str, str]:
    """n blocks of ifs nested 30 deep."""
    block = "".join("    " * d + f"if x{d}:\n" for d in range(30)) + "    " * 30 + "m = 'gpt-4o'\n"
    return "app/deep.py", block * n


def _python_rebound(n: int) -> tuple[str, str]:
    """n blocks of names bound 8 times each over 8 levels (a power of 8 paths), used via subscripts."""
    body = ["from openai import OpenAI"]
    for block in range(n):
        body.append(f"b{block}x0 = {{'model': 'gpt-4o'}}")
        for level in range(8):
            body += [f"b{block}x{level + 1} = b{block}x{level} or b{block}x{level}"] * 8
        body.append(f"OpenAI().chat.completions.create(model=b{block}x8['model'])")
    return "app/rebound.py", "\n".join(body) + "\n"


def _python_big_function(n: int) -> tuple[str, str]:
    """A function of n statements that returns a model, called n times."""
    body = ["from openai import OpenAI", "def pick():"]
    body += [f"    v{i} = {i}" for i in range(n)] + ["    return 'gpt-4o'"]
    body += ["OpenAI().chat.completions.create(model=pick())"] * n
    return "app/big_function.py", "\n".join(body) + "\n"


def _python_fstrings(n: int) -> tuple[str, str]:
    """f-strings built from each other, then called with."""
    body = ["from openai import OpenAI", "a0 = 'gpt'"]
    body += [f"a{i + 1} = f'{{a{i}}}'" for i in range(n)]
    body += [f"OpenAI().chat.completions.create(model=f'{{a{n}}}-4o')"]
    return "app/fstrings.py", "\n".join(body) + "\n"


def _python_binop(n: int) -> tuple[str, str]:
    """A model id concatenated from n pieces."""
    pieces = " + ".join("'g'" for _ in range(n))
    return "app/binop.py", f"from openai import OpenAI\nOpenAI().chat.completions.create(model={pieces})\n"


def _notebook(n: int) -> tuple[str, str]:
    """A notebook with n code cells (Python and shell escapes)."""
    cells = [
        {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": i,
         "source": [f"model_{i} = 'gpt-4o'\n", "!ollama pull llama3.1:8b\n"]}
        for i in range(n)
    ]  # fmt: skip
    return "nb/cells.ipynb", json.dumps({"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": cells})


def _yaml_aliases(n: int) -> tuple[str, str]:
    """n anchored entries each referring to the one before."""
    lines = ["a0: &a0 {model: gpt-4o}"] + [f"a{i + 1}: &a{i + 1} [*a{i}, *a{i}]" for i in range(n)]
    return "config/aliases.yaml", "\n".join(lines) + "\n"


def _yaml_deep(n: int) -> tuple[str, str]:
    """n documents of flow sequences nested 100 deep."""
    one = "model: " + "[" * 100 + "gpt-4o" + "]" * 100 + "\n---\n"
    return "config/deep.yaml", one * n


def _yaml_run(n: int) -> tuple[str, str]:
    """A CI workflow with n shell steps."""
    steps = "".join(
        f"      - run: ollama pull llama3.1:8b && vllm serve m{i}/x --port {i}\n" for i in range(n)
    )
    return ".github/workflows/ci.yml", f"jobs:\n  test:\n    steps:\n{steps}"


def _json_flat(n: int) -> tuple[str, str]:
    """A JSON object with n model entries."""
    return "config/models.json", json.dumps({f"model_{i}": "gpt-4o" for i in range(n)})


def _json_deep(n: int) -> tuple[str, str]:
    """n arrays nested 200 deep (on short lines)."""
    one = "[\n" * 200 + '{"model": "gpt-4o"}' + "\n]" * 200
    return "config/deep.json", "[" + ",\n".join([one] * n) + "]"


def _toml_flat(n: int) -> tuple[str, str]:
    """A TOML table with n equal model values (the locator looks each up)."""
    return "config/models.toml", "[tool]\n" + "".join(f'model_{i} = "gpt-4o"\n' for i in range(n))


def _toml_inline(n: int) -> tuple[str, str]:
    """Inline tables of many model values on one line each."""
    line = "x{} = {{ " + ", ".join(f'model_{i} = "gpt-4o"' for i in range(40)) + " }}\n"
    return "config/inline.toml", "".join(line.format(i) for i in range(n))


def _yaml_run_quoted(n: int) -> tuple[str, str]:
    """A CI step whose one script names n models, each quoted so that its text is not in the file as such."""
    lines = "".join(f'          ollama pull "llama3.1":{i}b\n' for i in range(n))
    return ".github/workflows/quoted.yml", f"jobs:\n  t:\n    steps:\n      - run: |\n{lines}"


def _shell_words(n: int) -> tuple[str, str]:
    """One command with n arguments and n assignments before it."""
    assigns = " ".join(f"V{i}=x" for i in range(n))
    return "run/words.sh", f"{assigns} vllm serve meta-llama/Llama-3.1-8B " + " ".join(
        "--x y" for _ in range(n)
    ) + "\n"


def _shell_nested(n: int) -> tuple[str, str]:
    """n lines of command substitutions nested 500 deep."""
    one = "echo " + "$(" * 500 + "ollama pull llama3.1:8b" + ")" * 500 + "\n"
    return "run/nested.sh", one * n


def _shell_continued(n: int) -> tuple[str, str]:
    """A Dockerfile RUN line continued over n lines."""
    body = "".join(f"    ollama pull m{i} && \\\n" for i in range(n))
    return "Dockerfile", f"FROM ubuntu\nENV MODEL=llama3.1:8b\nRUN {body}    true\n"


def _makefile(n: int) -> tuple[str, str]:
    """A Makefile with n variables and n recipes."""
    head = "".join(f"MODEL_{i} ?= llama3.1:8b\n" for i in range(n))
    rules = "".join(f"t{i}:\n\tollama run $(MODEL_{i})\n" for i in range(n))
    return "Makefile", head + rules


def _markdown_fences(n: int) -> tuple[str, str]:
    """n fenced blocks of every kind."""
    one = "```bash\nollama pull llama3.1:8b\n```\n```python\nmodel = 'gpt-4o'\n```\n"
    one += "```yaml\nmodel: gpt-4o\n```\n"
    return "docs/README.md", one * n


def _markdown_unclosed(n: int) -> tuple[str, str]:
    """Fences that never close, with n lines after them."""
    return "docs/unclosed.md", "```bash\n" + "```python\n" * n + "".join("text\n" for _ in range(n))


def _rst(n: int) -> tuple[str, str]:
    """n reStructuredText code blocks."""
    one = ".. code-block:: bash\n   :caption: x\n\n   ollama pull llama3.1:8b\n\n"
    return "docs/guide.rst", one * n


def _js_calls(n: int) -> tuple[str, str]:
    """n SDK calls with model constants."""
    body = ["import OpenAI from 'openai';", "const client = new OpenAI();"]
    body += [f"const MODEL_{i} = 'gpt-4o';\nawait client.chat.completions.create({{ model: MODEL_{i} }});"
             for i in range(n)]  # fmt: skip
    return "web/calls.ts", "\n".join(body) + "\n"


def _js_nested(n: int) -> tuple[str, str]:
    """n times declarations nested inside callbacks 40 deep."""
    depth = 40
    one = "".join(f"const a{d} = f(() => {{\n" for d in range(depth)) + "const model = 'gpt-4o';\n"
    one += "});\n" * depth
    return "web/nested.js", one * n


def _js_tables(n: int) -> tuple[str, str]:
    """n times model tables nested in model tables 40 deep."""
    depth = 40
    one = "".join(f"const MODELS_{d} = {{ k: 'gpt-4o', t: [\n" for d in range(depth)) + "]}\n" * depth
    return "web/tables.js", one * n


def _js_unclosed(n: int) -> tuple[str, str]:
    """Brackets and strings that never close."""
    return "web/unclosed.js", "".join(
        f"openai.chat.completions.create({{ model: `x${{ ({i}\n" for i in range(n)
    )


def _html_options(n: int) -> tuple[str, str]:
    """A model select with n options whose values need decoding."""
    options = "".join(f'<option value="gpt-4o&amp;{i}">x</option>\n' for i in range(n))
    return "web/index.html", f'<select name="model">\n{options}</select>\n'


SHAPES: tuple[Shape, ...] = (
    Shape("python-calls", "python", _lines("app/calls.py", lambda i: f"client.chat.create(model='m{i}')")),
    Shape("python-chain", "python", _python_chain),
    Shape("python-functions", "python", _python_functions, unit=10),
    Shape("python-params", "python", _python_params),
    Shape("python-class", "python", _python_class, unit=10),
    Shape("python-dict", "python", _python_dict),
    Shape("python-deep", "python", _python_deep, unit=1),
    Shape("python-rebound", "python", _python_rebound, unit=1),
    Shape("python-big-function", "python", _python_big_function),
    Shape("python-fstrings", "python", _python_fstrings),
    Shape("python-binop", "python", _python_binop),
    Shape("notebook-cells", "notebook", _notebook, unit=10),
    Shape("yaml-aliases", "yaml", _yaml_aliases),
    Shape("yaml-deep", "yaml", _yaml_deep, unit=2),
    Shape("yaml-ci-run", "yaml", _yaml_run, unit=10),
    Shape("json-flat", "json", _json_flat),
    Shape("json-deep", "json", _json_deep, unit=1),
    Shape("toml-flat", "toml", _toml_flat),
    Shape("toml-inline", "toml", _toml_inline, unit=2),
    Shape("toml-named", "toml", _lines("named.toml", lambda i: f'[models."gpt-4o-{i}"]\napi_type = "x"')),
    Shape("toml-escaped", "toml", _lines("config/escaped.toml", lambda i: f'model_{i} = "gpt\\u002d4o-{i}"')),
    Shape("yaml-run-quoted", "yaml", _yaml_run_quoted),
    Shape("env", "env", _lines(".env", lambda i: f"OPENAI_MODEL_{i}=gpt-4o")),
    Shape("shell-words", "shell", _shell_words),
    Shape("shell-nested", "shell", _shell_nested, unit=1),
    Shape("shell-heredocs", "shell", _lines("h.sh", lambda i: f"cat > c{i}.yaml <<E\nmodel: x\nE"), unit=8),
    Shape("shell-unclosed", "shell", _lines("run/unclosed.sh", lambda i: f"cat <<EOF{i} 'a \"b $(c ${{d")),
    Shape("dockerfile-continued", "shell", _shell_continued),
    Shape("makefile", "shell", _makefile),
    Shape("markdown-fences", "markdown", _markdown_fences, unit=8),
    Shape("markdown-unclosed", "markdown", _markdown_unclosed),
    Shape("rst-blocks", "markdown", _rst),
    Shape("js-calls", "javascript", _js_calls),
    Shape("js-nested", "javascript", _js_nested, unit=1),
    Shape("js-tables", "javascript", _js_tables, unit=1),
    Shape("js-unclosed", "javascript", _js_unclosed),
    Shape("html-options", "html", _html_options),
)  # fmt: skip
"""Every shape, at least one per detector that reads text."""
