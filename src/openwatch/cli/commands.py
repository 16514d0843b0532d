"""Imports every command module so each registers its commands on the app."""

from __future__ import annotations

from openwatch.cli import (  # noqa: F401  (importing a module registers its commands)
    audit_cmds,
    catalog_cmds,
    catalog_import_cmds,
    catalog_validate_cmds,
    events_cmds,
    explain_cmds,
    feeds_cmds,
    history_cmds,
    intel_cmds,
    report_cmds,
    resolve_cmds,
    scan_cmds,
    serve_cmds,
    stance_cmds,
)
