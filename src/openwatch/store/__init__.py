"""The history store: recorded audits, feeds and the triage queue, in SQLite or PostgreSQL."""
