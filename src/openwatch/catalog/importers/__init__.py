"""Importers that turn external datasets into catalog enrichments, with their attribution."""
