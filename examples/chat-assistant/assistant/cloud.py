"""Escalate hard questions to a hosted model."""

from openai import OpenAI

from .settings import CLOUD_MODEL

client = OpenAI()


def escalate(question: str) -> str:
    """Ask the hosted model; used when the local model is unsure."""
    response = client.chat.completions.create(
        model=CLOUD_MODEL,
        messages=[{"role": "user", "content": question}],
    )
    return response.choices[0].message.content or ""
