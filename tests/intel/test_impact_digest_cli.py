"""`openwatch impact` and `openwatch digest` over a recorded audit of the example project."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import feedparser
import pytest
from typer.testing import CliRunner

from openwatch.cli import app, commands  # noqa: F401

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "chat-assistant"
MUSE_SPARK = "meta-2026-04-01-66185661"
"""The Muse Spark closed release, which moves Meta from open-weight to hybrid under the stance rule."""
runner = CliRunner()


def _run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def recorded(tmp_path: Path) -> tuple[str, Path]:
    """A database holding one audit of the example project, and an overlay with a contradicting claim."""
    db = f"sqlite:///{tmp_path / 'h.db'}"
    code, _, err = _run("audit", str(EXAMPLE), "--db", db, "--today", "2026-11-29", "--format", "json")
    assert code == 0, err
    overlay = tmp_path / "overlay"
    (overlay / "events").mkdir(parents=True)
    (overlay / "events" / "meta.yaml").write_text(
        "lab: meta\nevents:\n  - date: 2026-05-01\n    kind: policy-announcement\n    declares: closed\n"
        "    summary: 'A report claims Meta will <b>close</b> all future weights.'\n"
        "    sources: [{publisher: Example Wire, url: 'https://example.org/meta-closed'}]\n"
    )
    return db, overlay


def test_impact_names_the_project_and_the_finding_the_event_adds(recorded: tuple[str, Path]) -> None:
    db, _ = recorded
    code, out, err = _run("impact", MUSE_SPARK, "--db", db, "--today", "2026-11-29", "--format", "json")
    assert code == 0, err
    [result] = json.loads(out)
    [project] = result["projects"]
    assert (project["project"], project["depends_on"]) == ("chat-assistant", "lab")
    assert project["models"] == ["meta/llama-3.1-8b-instruct"]
    added = {(f["rule"], f["model"]) for f in project["findings"]["added"]}
    assert added == {("stance.shift-away-from-open", "meta/llama-3.1-8b-instruct")}
    assert project["findings"]["removed"] == []


def test_impact_of_an_event_about_a_lab_nobody_uses_touches_nothing(recorded: tuple[str, Path]) -> None:
    db, _ = recorded
    code, out, _ = _run(
        "impact", "--since", "2026-04-01", "--today", "2026-04-05", "--db", db, "--format", "json"
    )
    google = [r for r in json.loads(out) if r["lab"] == "google"]
    assert code == 0 and google and all(r["projects"] == [] for r in google)
    assert _run("impact", "no-such-event", "--db", db)[0] == 2


def _digest(db: str, overlay: Path, fmt: str) -> str:
    code, out, err = _run(
        "digest",
        "--since",
        "2026-04-01",
        "--today",
        "2026-05-10",
        "--format",
        fmt,
        "--db",
        db,
        "--catalog",
        str(overlay),
    )
    assert code == 0, err
    return out


def test_digest_lists_events_stance_changes_conflicts_and_touched_projects(
    recorded: tuple[str, Path],
) -> None:
    db, overlay = recorded
    data: dict[str, Any] = json.loads(_digest(db, overlay, "json"))
    meta_events = [e for e in data["events"] if e["lab"] == "meta"]
    assert [e["date"] for e in meta_events] == ["2026-04-01", "2026-04-10", "2026-04-10", "2026-05-01"]
    assert all(e["projects"][0]["project"] == "chat-assistant" for e in meta_events)
    meta_changes = [c for c in data["stance_changes"] if c["lab"] == "meta"]
    changes = [(c["date"], c["from"], c["to"], c["event"]) for c in meta_changes]
    assert changes == [("2026-04", "open-weight", "hybrid", MUSE_SPARK)]  # a claim never moves the stance
    [conflict] = [c for c in data["conflicts"] if c["lab"] == "meta"]
    assert {(c["claim_by"], c["date"]) for c in conflict["sides"]} == {
        ("TJS AI News Hub", "2026-04-10"),
        ("Meta", "2026-05-01"),
    }
    assert "says hybrid" in conflict["explanation"] and "says closed" in conflict["explanation"]
    assert [p["project"] for p in data["projects"]] == ["chat-assistant"]
    markdown = _digest(db, overlay, "markdown")
    assert "open-weight → hybrid" in markdown and "Touches: chat-assistant" in markdown
    assert "## Conflicting claims\n\n- **meta**: TJS AI News Hub says hybrid" in markdown


def test_digest_atom_is_a_valid_atom_feed(recorded: tuple[str, Path]) -> None:
    db, overlay = recorded
    text = _digest(db, overlay, "atom")
    feed = feedparser.parse(text.encode())
    assert feed.bozo == 0 and feed.version == "atom10"
    assert feed.feed.id == "urn:openwatch:digest" and feed.feed.title and feed.feed.updated
    assert feed.entries
    for entry in feed.entries:
        assert entry.id.startswith("urn:openwatch:") and entry.title and entry.updated
        assert entry.get("link") or entry.get("content")
    assert len({e.id for e in feed.entries}) == len(feed.entries)
    closed = next(e for e in feed.entries if "meta-2026-05-01" in e.id)
    assert closed.link == "https://example.org/meta-closed"


def test_digest_html_escapes_text_from_sources(recorded: tuple[str, Path]) -> None:
    db, overlay = recorded
    page = _digest(db, overlay, "html")
    assert "&lt;b&gt;close&lt;/b&gt;" in page and "<b>close</b>" not in page
    assert page.startswith("<!DOCTYPE html>")
