"""Imports every command module so each registers its commands on the app."""

from __future__ import annotations

from openwatch.cli import catalog_cmds  # noqa: F401
