"""Intelligence: events about labs and models, news feeds, triage, impact on recorded projects, digests."""
