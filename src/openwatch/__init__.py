"""openwatch: which AI models your code depends on, how open they are, and what follows.

The Python API (docs/python-api.md)::

    import openwatch
    doc = openwatch.audit("path/to/project", fail_on="high")   # the JSON `openwatch audit` prints
    inventory = openwatch.scan("path/to/project")              # the JSON `openwatch scan` prints
    html = openwatch.render(doc, "html")                        # any output format
    org = openwatch.scan_repositories("repo-a", "repo-b", cache=True)  # several repositories at once

`openwatch.api` holds the same functions with their full, typed signatures; the scanner itself is the
package `openwatch.scanner`.
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"

__all__ = ["__version__", "audit", "audit_repositories", "render", "scan", "scan_repositories"]


def scan(*paths: Any, **options: Any) -> dict[str, Any]:
    """Scan files or folders; see `openwatch.api.scan`."""
    from openwatch import api

    return api.scan(*paths, **options)


def audit(*paths: Any, **options: Any) -> dict[str, Any]:
    """Audit a project; see `openwatch.api.audit`."""
    from openwatch import api

    return api.audit(*paths, **options)


def scan_repositories(*repositories: Any, **options: Any) -> dict[str, Any]:
    """Scan several repositories in one pass; see `openwatch.api.scan_repositories`."""
    from openwatch import api

    return api.scan_repositories(*repositories, **options)


def audit_repositories(*repositories: Any, **options: Any) -> dict[str, Any]:
    """Audit several repositories, each with its own settings; see `openwatch.api.audit_repositories`."""
    from openwatch import api

    return api.audit_repositories(*repositories, **options)


def render(document: dict[str, Any], fmt: str) -> str:
    """Render a scan or audit document; see `openwatch.api.render`."""
    from openwatch import api

    return api.render(document, fmt)
