"""Small organisations of repositories written for the scale tests, and JSON helpers."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

REPOSITORIES: dict[str, dict[str, str]] = {
    "billing": {
        "settings.py": 'CHAT_MODEL = "gpt-4o"\n',
        "app.py": (
            "from openai import OpenAI\n"
            "from settings import CHAT_MODEL\n\n"
            "client = OpenAI()\n\n\n"
            "def ask(question):\n"
            '    return client.chat.completions.create(model=CHAT_MODEL, messages=[{"role": "user",'
            ' "content": question}])\n'
        ),
        "README.md": "# Billing\n\nAnswers questions about invoices.\n",
    },
    "search": {
        "embed.py": (
            "from sentence_transformers import SentenceTransformer\n\n"
            'encoder = SentenceTransformer("sentence-transformers/all-MiniLM-L6-v2")\n'
        ),
        "chat.py": (
            "from openai import OpenAI\n\n"
            'reply = OpenAI().chat.completions.create(model="gpt-4o", messages=[])\n'
        ),
    },
    "research": {
        "train.py": (
            "from transformers import AutoModelForCausalLM\n\n"
            'model = AutoModelForCausalLM.from_pretrained("meta-llama/Llama-3.1-8B-Instruct")\n'
        ),
        "notes/plain.py": "def add(a, b):\n    return a + b\n",
    },
}


def write_repository(root: Path, files: dict[str, str], *, git: bool = True) -> Path:
    """A repository folder with these files (and an empty .git folder, as a checkout has)."""
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    if git:
        (root / ".git").mkdir(exist_ok=True)
    return root


def write_org(folder: Path, copies: int = 1) -> list[Path]:
    """The three repositories (or `copies` of each, numbered), each a git checkout under `folder`."""
    repos = []
    for index in range(copies):
        for name, files in REPOSITORIES.items():
            suffix = f"-{index}" if copies > 1 else ""
            repos.append(write_repository(folder / f"{name}{suffix}", files))
    return repos


def without_timing(document: Any, *, cache_counts: bool = True) -> Any:
    """A document with every `seconds` counter removed (the only field that differs between equal runs), and
    with `cache_counts=False` the count of files taken from the cache too."""
    data = json.loads(json.dumps(document))

    def strip(node: Any) -> None:
        if isinstance(node, dict):
            node.pop("seconds", None)
            if not cache_counts and isinstance(node.get("stats"), dict):
                node["stats"].pop("files_cached", None)
            for value in node.values():
                strip(value)
        elif isinstance(node, list):
            for value in node:
                strip(value)

    strip(data)
    return data


def without_cache_counts(document: Any) -> Any:
    """without_timing, and the count of files taken from the cache removed too."""
    return without_timing(document, cache_counts=False)
