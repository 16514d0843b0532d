"""Air-gapped installs answer with a model served by Ollama on the same host."""

import ollama

from .settings import OFFLINE_MODEL


def answer_offline(question: str) -> str:
    """Ask the local Ollama server."""
    reply = ollama.chat(model=OFFLINE_MODEL, messages=[{"role": "user", "content": question}])
    return reply["message"]["content"]
