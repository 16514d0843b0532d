"""The shipped JSON Schema describes the organisation's documents: valid ones pass, broken ones are named."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

import pytest
from scale_support import write_org

import openwatch
from openwatch.formats.document import DocumentError, read_document, schema_problems


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    org = write_org(tmp_path_factory.mktemp("schema") / "org")
    return {
        "org-scan": openwatch.scan_repositories(*org, jobs=1),
        "org-audit": openwatch.audit_repositories(*org, jobs=1, today=dt.date(2026, 6, 1)),
    }


@pytest.mark.parametrize("kind", ["org-scan", "org-audit"])
def test_documents_of_several_repositories_validate(documents: dict[str, dict[str, Any]], kind: str) -> None:
    document = documents[kind]
    assert document["kind"] == kind
    assert schema_problems(document) == []
    inner = document["repositories"][0]["document"]
    assert inner["kind"] == kind.removeprefix("org-")
    assert schema_problems(inner) == []


@pytest.mark.parametrize(
    ("kind", "damage", "where"),
    [
        ("org-scan", lambda d: d.pop("inventory"), "(top)"),
        ("org-scan", lambda d: d["inventory"][0].update(repositories=0), "inventory/0/repositories"),
        ("org-scan", lambda d: d["inventory"][0].pop("paths"), "inventory/0"),
        ("org-scan", lambda d: d["repositories"][0]["document"].pop("models"), "repositories/0/document"),
        ("org-scan", lambda d: d["repositories"][0]["document"].update(kind="x"), "repositories/0/document"),
        ("org-scan", lambda d: d["stats"].pop("files_cached"), "stats"),
        ("org-audit", lambda d: d.pop("verdict"), "(top)"),
        ("org-audit", lambda d: d["verdict"].update(exit_code=3), "verdict/exit_code"),
        ("org-audit", lambda d: d["repositories"][1]["document"].pop("findings"), "repositories/1/document"),
    ],
)
def test_broken_documents_are_named_where_they_break(
    documents: dict[str, dict[str, Any]], kind: str, damage: Any, where: str
) -> None:
    document = copy.deepcopy(documents[kind])
    damage(document)
    problems = schema_problems(document)
    assert problems, "the damaged document still validated"
    assert any(problem.startswith(where) for problem in problems), problems


def test_report_reads_a_saved_organisation_document_back(documents: dict[str, dict[str, Any]]) -> None:
    saved = openwatch.render(documents["org-audit"], "json")
    assert read_document(saved)["verdict"]["passed"] is True
    with pytest.raises(DocumentError, match="verdict"):
        read_document(saved.replace('"verdict"', '"outcome"'))
