"""openwatch: which AI models your code depends on, how open they are, and what follows.

The Python API (docs/python-api.md)::

    import openwatch
    doc = openwatch.audit("path/to/project", fail_on="high")   # the JSON `openwatch audit` prints
    inventory = openwatch.scan("path/to/project")              # the JSON `openwatch scan` prints
    html = openwatch.render(doc, "html")                        # any output format

`openwatch.api` holds the same functions with their full, typed signatures.
"""

from __future__ import annotations

import types
from typing import Any

__version__ = "0.1.0"

__all__ = ["__version__", "audit", "render", "scan"]


class _CallableScanPackage(types.ModuleType):
    """The `openwatch.scan` package, also callable as the API function `openwatch.scan(...)`."""

    def __call__(self, *paths: Any, **options: Any) -> dict[str, Any]:
        """Scan files or folders; see `openwatch.api.scan`."""
        from openwatch import api

        return api.scan(*paths, **options)


def _callable_scan_package() -> None:
    """Make the scanner package callable: the name `openwatch.scan` is both the package and the API."""
    import importlib

    importlib.import_module("openwatch.scan").__class__ = _CallableScanPackage


_callable_scan_package()


def audit(*paths: Any, **options: Any) -> dict[str, Any]:
    """Audit a project; see `openwatch.api.audit`."""
    from openwatch import api

    return api.audit(*paths, **options)


def render(document: dict[str, Any], fmt: str) -> str:
    """Render a scan or audit document; see `openwatch.api.render`."""
    from openwatch import api

    return api.render(document, fmt)
