"""Pages show what the core computes, and each JSON twin is the document the matching CLI command prints."""

from __future__ import annotations

import json
from typing import Any

import pytest
from typer.testing import CliRunner
from web_support import EXAMPLE, Site, text_of

from openwatch.cli import app, commands  # noqa: F401  (registers the commands)
from openwatch.formats.html_report import render_audit_html


def _cli_json(*args: str) -> Any:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.mark.parametrize(
    ("api", "cli"),
    [
        ("/api/history", ["history", "--format", "json"]),
        ("/api/diff?from=1&to=2", ["diff", "1", "2", "--format", "json"]),
        ("/api/map?as_of=2026-05-01", ["map", "--as-of", "2026-05-01", "--format", "json"]),
        ("/api/labs", ["labs", "--format", "json"]),
        (
            "/api/labs/meta?as_of=2026-05-01",
            ["timeline", "meta", "--as-of", "2026-05-01", "--format", "json"],
        ),
        ("/api/labs/evil-lab", ["timeline", "evil-lab", "--format", "json"]),
        ("/api/models?q=llama-3.1", ["models", "llama-3.1", "--format", "json"]),
        ("/api/model?id=gpt-4o", ["model", "gpt-4o", "--format", "json"]),
        ("/api/triage", ["triage", "--format", "json"]),
        ("/api/triage?all=true", ["triage", "--all", "--format", "json"]),
        (
            "/api/events?lab=meta&since=2026-01-01",
            ["events", "list", "--lab", "meta", "--since", "2026-01-01", "--format", "json"],
        ),
    ],
)
def test_each_json_twin_is_what_the_cli_prints(site: Site, api: str, cli: list[str]) -> None:
    response = site.client.get(api)
    assert response.status_code == 200 and response.headers["content-type"] == "application/json"
    catalog = ["--catalog", str(site.overlay)] if cli[0] not in ("history", "diff", "triage") else []
    store = ["--db", site.db_url] if cli[0] in ("history", "diff", "triage") else []
    assert response.json() == _cli_json(*cli, *catalog, *store)


def test_overview_lists_each_project_with_its_latest_verdict(site: Site) -> None:
    projects = {p["project"]: p for p in site.client.get("/api/projects").json()}
    example = projects["chat-assistant"]
    assert example["id"] == 2 and example["path"] == str(EXAMPLE)
    recorded = site.client.get("/api/audits/2").json()
    assert example["verdict"] == recorded["verdict"]
    page = site.client.get("/")
    assert page.status_code == 200
    words = text_of(page.text)
    assert "Recorded projects" in words and "chat-assistant" in words and "audit 2 of 2026-11-29" in words
    assert ("passes" if recorded["verdict"]["passed"] else "fails") in words


def test_a_projects_page_lists_its_audits_with_a_diff_to_the_one_before(site: Site) -> None:
    projects = site.client.get("/api/projects").json()
    project_id = next(p["project_id"] for p in projects if p["project"] == "chat-assistant")
    page = site.client.get(f"/projects/{project_id}")
    assert page.status_code == 200
    assert 'href="/diff?from=1&amp;to=2"' in page.text and "changes since audit 1" in text_of(page.text)
    assert site.client.get("/projects/999").status_code == 404


def test_the_audit_page_is_the_html_report_with_its_own_strict_policy(site: Site) -> None:
    page = site.client.get("/audits/2")
    assert page.status_code == 200
    assert page.text == render_audit_html(site.client.get("/api/audits/2").json())
    policy = page.headers["content-security-policy"]
    assert (
        "default-src 'none'" in policy
        and "script-src 'sha256-" in policy
        and "frame-ancestors 'none'" in policy
    )
    assert site.client.get("/audits/999").status_code == 404


def test_the_diff_page_shows_the_stance_that_moved_between_two_audits(site: Site) -> None:
    data = site.client.get("/api/diff?from=1&to=2").json()
    moved = {m["id"]: m["changes"] for m in data["models"]["changed"]}
    assert moved["meta/llama-3.1-8b-instruct"]["stance"] == {"from": "open-weight", "to": "hybrid"}
    words = text_of(site.client.get("/diff?from=1&to=2").text)
    assert "What changed: audit 1 → audit 2" in words and "open-weight hybrid" in words
    assert site.client.get("/diff?from=2").status_code == 404  # audit 2 is the latest of its project
    assert site.client.get("/diff").status_code == 400


def test_the_map_takes_a_date_and_shows_when_and_why_a_stance_moved(site: Site) -> None:
    before, after = (site.client.get(f"/map?as_of={d}") for d in ("2026-03-01", "2026-05-01"))
    assert 'value="2026-05-01"' in after.text
    assert "Openness policy map as of 2026-05-01" in text_of(after.text)
    meta_before = next(r for r in site.client.get("/api/map?as_of=2026-03-01").json() if r["lab"] == "meta")
    meta_after = next(r for r in site.client.get("/api/map?as_of=2026-05-01").json() if r["lab"] == "meta")
    assert (meta_before["stance"], meta_after["stance"]) == ("open-weight", "hybrid")
    assert meta_after["since"]["why"] in text_of(after.text)
    assert meta_after["since"]["why"] not in text_of(before.text)


def test_a_labs_timeline_shows_claims_conflicts_and_stance_changes(site: Site) -> None:
    data = site.client.get("/api/labs/meta?as_of=2026-05-01").json()
    words = text_of(site.client.get("/labs/Meta?as_of=2026-05-01").text)  # by name, as the CLI accepts
    assert "When and why the stance moved" in words
    assert data["stance_changes"][-1]["why"] in words
    assert all(c["summary"] in words for c in data["now"]["claims"])
    assert site.client.get("/labs/no-such-lab").status_code == 404


def test_a_models_page_shows_every_fact_with_its_source(site: Site) -> None:
    data = site.client.get("/api/model?id=llama3.1:8b").json()  # an Ollama tag resolves like the CLI
    assert data["id"] == "meta/llama-3.1-8b-instruct"
    words = text_of(site.client.get("/model?id=llama3.1:8b").text)
    assert "Facts and their sources" in words
    for fact in data["facts"].values():
        assert (fact["source"] or "") in words
    assert site.client.get("/model?id=no-such-model-anywhere").status_code == 404
    found = text_of(site.client.get("/models?q=llama-3.1-8b").text)
    assert "meta/llama-3.1-8b-instruct" in found


def test_errors_are_pages_or_json_without_tracebacks(site: Site) -> None:
    page = site.client.get("/map?as_of=not-a-date")
    assert page.status_code == 400 and "as_of" in text_of(page.text) and "Traceback" not in page.text
    assert site.client.get("/api/map?as_of=not-a-date").json()["status"] == 400
    assert site.client.get("/no/such/page").status_code == 404
    assert site.client.get("/api/no/such").json() == {"error": "Not Found", "status": 404}
