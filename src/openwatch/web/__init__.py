"""The web dashboard: a FastAPI app over the same core as the CLI (history, catalog, triage, events)."""
