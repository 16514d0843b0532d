"""The JSON documents `scan` and `audit` print: versioned, described by a shipped JSON Schema, read back."""

from __future__ import annotations

import json
import uuid
from functools import cache
from importlib import resources
from typing import Any

SCHEMA_VERSION = "1.0"
"""Version of the JSON documents; bumped on any change a reader could notice (see schema/*.schema.json)."""


KINDS = ("audit", "scan", "org-audit", "org-scan")
"""Document kinds: one project's audit or scan, or several repositories' (see openwatch.org)."""


class DocumentError(ValueError):
    """A JSON document that is not an openwatch scan or audit of a version this release reads."""


def audit_document(data: dict[str, Any]) -> dict[str, Any]:
    """An audit's data as the versioned document `openwatch audit --format json` prints."""
    return {"schema_version": SCHEMA_VERSION, "kind": "audit", **data}


def scan_document(data: dict[str, Any]) -> dict[str, Any]:
    """An inventory's data as the versioned document `openwatch scan --format json` prints."""
    return {"schema_version": SCHEMA_VERSION, "kind": "scan", **data}


def json_text(document: dict[str, Any]) -> str:
    """A document as indented UTF-8 JSON with a final newline."""
    return json.dumps(document, indent=2, ensure_ascii=False, default=str) + "\n"


def document_id(document: dict[str, Any]) -> uuid.UUID:
    """A stable id of an audit: the same models, references and findings on the same day give the same id."""
    key = [
        document["date"],
        document["repository"],
        [[m["id"], *((r["path"], r["line"]) for r in m["references"])] for m in document["models"]],
        [(r["text"], r["path"], r["line"]) for r in document["unresolved"]],
        [(f["fingerprint"], f["severity"], f["blocking"], f["suppressed_by"]) for f in document["findings"]],
    ]
    return uuid.uuid5(uuid.NAMESPACE_URL, "openwatch:" + json.dumps(key, default=str))


@cache
def schema() -> dict[str, Any]:
    """The shipped JSON Schema of scan and audit documents."""
    text = resources.files("openwatch.formats").joinpath("schema", "openwatch.schema.json").read_text("utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def schema_problems(document: Any) -> list[str]:
    """Every way a document breaks its schema, each as `where: what` (empty when it is valid)."""
    from jsonschema import Draft202012Validator

    if not isinstance(document, dict) or document.get("kind") not in KINDS:
        return [f"not an openwatch scan or audit document (no \"kind\" of {', '.join(KINDS)})"]
    validator = Draft202012Validator(schema())
    return [
        f"{'/'.join(str(p) for p in error.absolute_path) or '(top)'}: {error.message}"
        for error in sorted(validator.iter_errors(document), key=lambda e: list(map(str, e.absolute_path)))
    ]


def read_document(text: str) -> dict[str, Any]:
    """Parse and validate a saved document; raises DocumentError saying what is wrong."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DocumentError(f"not JSON: {exc.msg} at line {exc.lineno}") from None
    if isinstance(document, dict) and document.get("schema_version") not in (None, SCHEMA_VERSION):
        raise DocumentError(
            f"schema_version {document.get('schema_version')!r}; this openwatch reads {SCHEMA_VERSION}"
        )
    problems = schema_problems(document)
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise DocumentError(
            f"does not match the {document.get('kind', 'openwatch')} schema: {problems[0]}{more}"
        )
    checked: dict[str, Any] = document
    return checked
