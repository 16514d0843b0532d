"""Model choices, overridable by environment variables."""

import os

LOCAL_MODEL = os.getenv("ASSISTANT_LOCAL_MODEL", "meta-llama/Llama-3.1-8B-Instruct")
CLOUD_MODEL = "gpt-4o-2024-08-06"
EMBEDDING_MODEL = "sentence-transformers/all-MiniLM-L6-v2"
OFFLINE_MODEL = "mistral:7b-instruct"
MAX_NEW_TOKENS = 512
