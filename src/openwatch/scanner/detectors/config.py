"""The config detector: model ids in YAML, JSON, TOML and `.env` files (LiteLLM, compose, Helm, Axolotl…)."""

from __future__ import annotations

import posixpath

from openwatch.scanner.config.text import config_hits
from openwatch.scanner.detectors.base import Detection, Detector, ScanContext, SourceFile
from openwatch.scanner.hits import to_references
from openwatch.scanner.textpos import LineIndex

_SUFFIXES = {".yaml": "yaml", ".yml": "yaml", ".json": "json", ".toml": "toml", ".env": "env"}
_DENIED_NAMES = frozenset(
    {"package-lock.json", "npm-shrinkwrap.json", "composer.json", "pnpm-lock.yaml", ".babelrc",
     "renovate.json", "lerna.json", ".pre-commit-config.yaml", "angular.json", "tslint.json", "deno.json"}
)  # fmt: skip
_DENIED_PREFIXES = ("tsconfig", "jsconfig", ".eslintrc", ".prettierrc", ".stylelintrc")
_DENIED_SUFFIXES = (".lock", ".min.json", ".ipynb", ".map", ".tsbuildinfo")


def config_kind(relpath: str) -> str | None:
    """yaml, json, toml or env for a config file this detector reads; None for others and denied names."""
    name = posixpath.basename(relpath).lower()
    if name in _DENIED_NAMES or name.startswith(_DENIED_PREFIXES) or name.endswith(_DENIED_SUFFIXES):
        return None
    if name == ".env" or name.startswith(".env."):
        return "env"
    return _SUFFIXES.get(posixpath.splitext(name)[1])


def detect_config_text(
    text: str, relpath: str, context: ScanContext, line_offset: int = 0, *, kind: str | None = None
) -> Detection:
    """The references in a config text; `kind` (yaml, json, toml, env) overrides the one the path implies."""
    chosen = kind or config_kind(relpath) or "yaml"
    found = config_hits(text, relpath, chosen)
    references = to_references(found.hits, LineIndex(text, line_offset), relpath, ConfigDetector.id)
    return Detection(tuple(references), problem=found.problem, degraded=found.degraded)


class ConfigDetector(Detector):
    """Finds model ids under model keys of config files, and models served by the containers they define."""

    id = "config"
    keywords = ("model", "Model", "MODEL", "llm", "LLM", "checkpoint", "repo_id", "deployment", "tokenizer",
                "ollama", "vllm", "huggingface", "hf download", "llama-", "text-generation")  # fmt: skip

    def accepts(self, relpath: str) -> bool:
        """YAML, JSON (not lock files, tsconfig, lint configs, notebooks), TOML and `.env` files."""
        return config_kind(relpath) is not None

    def detect(self, file: SourceFile, context: ScanContext) -> Detection:
        """The references in one config file."""
        return detect_config_text(file.text or "", file.relpath, context)
