"""Models named by HTTP requests in shell: the `/models/<id>` of a curl URL, the `model` of its JSON body."""

from __future__ import annotations

import itertools
import json
import re
from dataclasses import replace

from openwatch.providers import from_url
from openwatch.scanner.hits import Hit
from openwatch.scanner.keyrules import key_hit
from openwatch.scanner.shell.syntax import Word

DATA_FLAGS = frozenset({"-d", "--data", "--data-raw", "--data-binary", "--json"})
_MODEL_PATH = re.compile(r"/models/([A-Za-z0-9][\w.-]*(?:/[A-Za-z0-9][\w.-]*)?)(?=[:?#]|/?$)")
"""`…/models/gemini-1.5-flash:generateContent`, `…/models/meta-llama/Llama-3.1-8B-Instruct`."""
_MODEL_FIELD = re.compile(r'"model"\s*:\s*"([^"\\]+)"')


def curl_hits(args: list[Word]) -> list[Hit]:
    """The hits of `curl ARGS`: models in URL paths and in `-d`/`--json` JSON bodies."""
    urls = [word for word in args if word.value.startswith(("http://", "https://"))]
    provider = next((p for word in urls if (p := from_url(word.value))), None)
    hits: list[Hit] = []
    for word in urls:
        match = _MODEL_PATH.search(word.value)
        if match is not None and match.group(1) != "list":
            hit = key_hit("model_id", match.group(1), word.offset_of(match.group(1)), note="curl URL path")
            hits.extend([hit] if hit is not None else [])
    for flag, body in itertools.pairwise(args):
        if flag.value in DATA_FLAGS and not body.value.startswith("@"):
            hits.extend(_body_hits(body))
    return [hit if hit.provider else _with_provider(hit, provider) for hit in hits]


def _body_hits(body: Word) -> list[Hit]:
    """The `model` of a JSON request body (read with the JSON parser, else located by a pattern)."""
    try:
        data = json.loads(body.value)
    except ValueError:
        data = None
    models = [data["model"]] if isinstance(data, dict) and isinstance(data.get("model"), str) else []
    models = models or [match.group(1) for match in _MODEL_FIELD.finditer(body.value)]
    hits = [key_hit("model", model, body.offset_of(model), note="curl JSON body") for model in models]
    return [hit for hit in hits if hit is not None]


def _with_provider(hit: Hit, provider: str | None) -> Hit:
    """The hit with the provider the request's URL points to."""
    return replace(hit, provider=provider)
