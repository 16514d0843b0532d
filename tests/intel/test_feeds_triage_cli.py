"""Feeds, triage and events as a user runs them: pull, match, queue, accept into the overlay, verify."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import feedparser
from typer.testing import CliRunner

from openwatch.cli import app, commands  # noqa: F401

ROOT = Path(__file__).resolve().parents[2]
ARTICLE_FEED = ROOT / "examples" / "feeds" / "tjs-meta-hybrid-strategy.atom"
FEEDS = ROOT / "tests" / "fixtures" / "feeds"
runner = CliRunner()


def _run(*args: str) -> tuple[int, Any, str]:
    result = runner.invoke(app, list(args))
    try:
        out: Any = json.loads(result.stdout)
    except json.JSONDecodeError:
        out = result.stdout
    return result.exit_code, out, result.stderr


def _words(item: dict[str, Any]) -> dict[tuple[str, str], list[str]]:
    return {(m["kind"], m["name"]): m["words"] for m in item["matched"]}


def test_the_article_feed_matches_meta_llama_and_muse_spark_and_lands_in_triage(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'h.db'}"
    assert _run("feeds", "add", str(ARTICLE_FEED), "--db", db)[0] == 0
    code, reports, _ = _run("feeds", "pull", "--db", db)
    assert code == 0 and reports[0]["queued"] == 1 and reports[0]["dropped"] == 0
    code, queue, _ = _run("triage", "--db", db, "--format", "json")
    assert code == 0 and len(queue) == 1
    item = queue[0]
    assert item["published"] == "2026-04-10" and item["feed"] == "TJS AI News Hub (openwatch example feed)"
    words = _words(item)
    assert words[("lab", "Meta")] == ["Meta", "Meta Superintelligence Labs"]
    assert words[("family", "Llama")] == ["Llama"]
    assert words[("model", "Muse Spark")] == ["Muse Spark"]
    code, again, _ = _run("feeds", "pull", "--db", db)
    assert again[0]["already_seen"] == 1 and again[0]["queued"] == 0
    assert len(_run("triage", "--db", db, "--format", "json")[1]) == 1


def test_unmatched_items_are_dropped_urls_wait_for_online_and_bad_feeds_are_skipped(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'h.db'}"
    for target in (FEEDS / "mixed.rss", FEEDS / "items.json", FEEDS / "broken.json"):
        assert _run("feeds", "add", str(target), "--db", db)[0] == 0
    assert _run("feeds", "add", "https://example.org/feed.xml", "--db", db)[0] == 0
    code, added_again, _ = _run("feeds", "add", str(FEEDS / "mixed.rss"), "--db", db)
    assert code == 0 and added_again["added"] is False
    code, reports, _ = _run("feeds", "pull", "--db", db)
    assert code == 0
    by_feed = {Path(r["feed"]).name: r for r in reports}
    assert (by_feed["mixed.rss"]["queued"], by_feed["mixed.rss"]["dropped"]) == (1, 1)
    assert (by_feed["items.json"]["queued"], by_feed["items.json"]["dropped"]) == (1, 1)
    assert "JSON Feed without an items list" in by_feed["broken.json"]["skipped"]
    assert "--online" in by_feed["feed.xml"]["skipped"]
    queue = _run("triage", "--db", db, "--format", "json")[1]
    assert {i["title"] for i in queue} == {"Mistral ships a new open model", "Anthropic updates Claude"}
    assert _run("feeds", "add", "no-such-file.xml", "--db", db)[0] == 2


def test_accepting_an_item_writes_a_sourced_event_that_the_catalog_then_shows(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'h.db'}"
    overlay = tmp_path / "overlay"
    overlay.mkdir()
    _run("feeds", "add", str(FEEDS / "mixed.rss"), "--db", db)
    _run("feeds", "pull", "--db", db)
    item = _run("triage", "--db", db, "--format", "json")[1][0]
    code, event, err = _run(
        "triage",
        "accept",
        str(item["id"]),
        "--kind",
        "open-weights-release",
        "--db",
        db,
        "--catalog",
        str(overlay),
    )
    assert code == 0, err
    assert event["lab"] == "mistral" and event["date"] == "2026-05-04"
    assert event["sources"][0]["url"] == "https://example.org/mistral-new"
    assert event["sources"][0]["publisher"] == "Test Wire"
    assert (overlay / "events" / "mistral.yaml").is_file()
    listed = _run(
        "events",
        "list",
        "--lab",
        "mistral",
        "--since",
        "2026-05-01",
        "--format",
        "json",
        "--catalog",
        str(overlay),
    )[1]
    assert [e["id"] for e in listed] == [event["id"]]
    assert _run("triage", "--db", db, "--format", "json")[1] == []
    code, _, err = _run("triage", "accept", str(item["id"]), "--kind", "closed-release", "--db", db)
    assert code == 2 and "already accepted" in err


def test_dismissed_items_leave_the_queue_and_an_ambiguous_item_needs_a_lab(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'h.db'}"
    _run("feeds", "add", str(ARTICLE_FEED), "--db", db)
    _run("feeds", "pull", "--db", db)
    item = _run("triage", "--db", db, "--format", "json")[1][0]
    code, _, err = _run(
        "triage",
        "accept",
        str(item["id"]),
        "--kind",
        "policy-announcement",
        "--db",
        db,
        "--catalog",
        str(tmp_path),
    )
    assert code == 2 and "mentions several labs (meta, mistral)" in err
    assert _run("triage", "dismiss", str(item["id"]), "--db", db)[0] == 0
    assert _run("triage", "--db", db, "--format", "json")[1] == []
    assert _run("triage", "dismiss", "99", "--db", db)[0] == 2


def test_events_add_and_verify_raise_the_status_with_the_evidence(tmp_path: Path) -> None:
    overlay = tmp_path / "ov"
    code, event, err = _run(
        "events",
        "add",
        "--model",
        "Muse Spark",
        "--date",
        "2026-04-12",
        "--kind",
        "closed-release",
        "--summary",
        "Muse Spark is offered only through Meta's API.",
        "--source",
        "https://example.org/muse",
        "--status",
        "vendor-claim",
        "--catalog",
        str(overlay),
    )
    assert code == 0, err
    assert (event["lab"], event["models"], event["status"]) == ("meta", ["meta/muse-spark"], "vendor-claim")
    code, raised, _ = _run(
        "events", "verify", event["id"], "--source", "https://meta.example/terms", "--catalog", str(overlay)
    )
    assert code == 0 and raised["status"] == "verified"
    assert [s["publisher"] for s in raised["sources"]] == ["example.org", "meta.example"]
    code, _, err = _run(
        "events", "verify", event["id"], "--source", "https://x.example", "--catalog", str(overlay)
    )
    assert code == 2 and "already verified" in err
    listed = _run(
        "events",
        "list",
        "--lab",
        "meta",
        "--since",
        "2026-04-12",
        "--format",
        "json",
        "--catalog",
        str(overlay),
    )[1]
    assert [(e["id"], e["status"]) for e in listed] == [(event["id"], "verified")]
    code, _, err = _run(
        "events",
        "add",
        "--lab",
        "nolab",
        "--date",
        "2026-01-01",
        "--kind",
        "closed-release",
        "--summary",
        "x",
        "--publisher",
        "p",
        "--catalog",
        str(overlay),
    )
    assert code == 2 and "unknown lab 'nolab'" in err


def test_the_example_feed_is_valid_atom() -> None:
    parsed = feedparser.parse(ARTICLE_FEED.read_bytes())
    assert parsed.bozo == 0 and parsed.version == "atom10"
    assert "TJS AI News Hub" in parsed.feed.title
