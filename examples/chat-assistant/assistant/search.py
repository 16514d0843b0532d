"""Semantic search over help-centre articles."""

from sentence_transformers import SentenceTransformer

from .settings import EMBEDDING_MODEL

encoder = SentenceTransformer(EMBEDDING_MODEL)


def embed(texts: list[str]) -> list[list[float]]:
    """Embed articles or queries."""
    return encoder.encode(texts).tolist()
