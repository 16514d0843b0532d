"""The only state-changing actions (accept, dismiss, verify) need this dashboard's form token and origin."""

from __future__ import annotations

import pytest
import yaml
from typer.testing import CliRunner
from web_support import ORIGIN, Site, hidden_fields, queued_item, states

from openwatch.cli import app, commands  # noqa: F401  (registers the commands)
from openwatch.web.csrf import issue_token


def test_accepting_an_item_writes_a_sourced_event_and_the_catalog_shows_it(writable_site: Site) -> None:
    site = writable_site
    item = queued_item(site, "anthropic")
    action = f"/triage/{item['id']}/accept"
    form = {
        **hidden_fields(site, "/triage", action),
        "kind": "closed-release",
        "stance": "",
        "lab": "anthropic",
        "date": "",
        "summary": "Anthropic updates Claude",
        "status": "reported",
    }
    response = site.client.post(action, data=form, headers={"Origin": ORIGIN}, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == f"/triage?done={item['id']}"
    assert states(site)[item["id"]] == "accepted"
    written = yaml.safe_load((site.overlay / "events" / "anthropic.yaml").read_text())["events"]
    assert [(e["date"], e["kind"], e["sources"][0]["url"]) for e in written] == [
        ("2026-05-07", "closed-release", "https://example.org/claude-update")
    ]
    events = site.client.get("/api/events?lab=anthropic&since=2026-05-01").json()
    assert [e["summary"] for e in events] == ["Anthropic updates Claude"]
    done = site.client.get(f"/triage?done={item['id']}").text
    assert f"Item {item['id']} is accepted" in done
    again = site.client.post(action, data=form, headers={"Origin": ORIGIN})
    assert again.status_code == 400 and "already accepted" in again.text


def test_dismissing_an_item_takes_it_off_the_queue(writable_site: Site) -> None:
    site = writable_site
    item = queued_item(site, "mistral")
    action = f"/triage/{item['id']}/dismiss"
    response = site.client.post(
        action, data=hidden_fields(site, "/triage", action), headers={"Origin": ORIGIN}
    )
    assert response.status_code == 200 and response.url.path == "/triage"  # followed the 303
    assert states(site)[item["id"]] == "dismissed"
    assert item["id"] not in {i["id"] for i in site.client.get("/api/triage").json()}


def _forged_tokens(site: Site, action: str) -> dict[str, str]:
    real = hidden_fields(site, "/triage", action)["csrf_token"]
    issued, nonce, mac = real.split(".")
    other_action = action.replace("dismiss", "accept")
    return {
        "missing": "",
        "garbage": "not-a-token",
        "tampered": f"{issued}.{nonce}.{mac[:-2]}AA",
        "for another form": hidden_fields(site, "/triage", other_action)["csrf_token"],
        "from another process": issue_token(b"another process's secret", action),
        "expired": issue_token(site.app.state.dashboard.secret, action, now=1_000_000_000),
        "from the future": issue_token(site.app.state.dashboard.secret, action, now=4_000_000_000),
    }


def test_a_missing_wrong_or_stale_token_is_refused_and_nothing_changes(site: Site) -> None:
    item = queued_item(site, "mistral")
    action = f"/triage/{item['id']}/dismiss"
    before = states(site)
    for why, token in _forged_tokens(site, action).items():
        response = site.client.post(action, data={"csrf_token": token}, headers={"Origin": ORIGIN})
        assert response.status_code == 403, why
        assert "did not come from this dashboard" in response.text, why
    assert states(site) == before


@pytest.mark.parametrize(
    ("headers", "reason"),
    [
        ({"Origin": "http://evil.example"}, "Origin is another site"),
        ({"Origin": "http://127.0.0.1:9999"}, "Origin is another site"),
        ({"Origin": "null"}, "Origin is another site"),
        ({}, "no Origin or Referer"),
        ({"Referer": "http://evil.example/triage"}, "Referer is another site"),
    ],
)
def test_a_cross_site_post_is_refused_even_with_a_valid_token(
    site: Site, headers: dict[str, str], reason: str
) -> None:
    item = queued_item(site, "mistral")
    action = f"/triage/{item['id']}/dismiss"
    before = states(site)
    response = site.client.post(action, data=hidden_fields(site, "/triage", action), headers=headers)
    assert response.status_code == 403 and reason in response.text
    assert states(site) == before


def test_a_same_site_referer_stands_in_for_a_missing_origin(writable_site: Site) -> None:
    site = writable_site
    item = queued_item(site, "mistral")
    action = f"/triage/{item['id']}/dismiss"
    form = hidden_fields(site, "/triage", action)
    response = site.client.post(
        action, data=form, headers={"Referer": f"{ORIGIN}/triage"}, follow_redirects=False
    )
    assert response.status_code == 303 and states(site)[item["id"]] == "dismissed"


def test_verifying_an_event_raises_its_status_with_the_evidence(writable_site: Site) -> None:
    site = writable_site
    event = next(e for e in site.client.get("/api/events?lab=evil-lab").json())
    assert event["status"] == "vendor-claim"
    assert site.client.get("/api/labs/evil-lab").json()["events"][0]["status"] == "vendor-claim"
    form = {
        **hidden_fields(site, "/events?lab=evil-lab", "/events/verify"),
        "event": event["id"],
        "source": "https://example.org/evil-1-weights",
        "publisher": "",
        "source_date": "",
        "status": "verified",
    }
    bad = site.client.post(
        "/events/verify", data={**form, "source": "javascript:alert(1)"}, headers={"Origin": ORIGIN}
    )
    assert bad.status_code == 400 and "http:// or https://" in bad.text
    response = site.client.post(
        "/events/verify", data=form, headers={"Origin": ORIGIN}, follow_redirects=False
    )
    assert response.status_code == 303
    assert response.headers["location"] == f"/events?lab=evil-lab&verified={event['id']}"
    raised = next(e for e in site.client.get("/api/events?lab=evil-lab").json() if e["id"] == event["id"])
    assert raised["status"] == "verified"
    assert site.client.get("/api/labs/evil-lab").json()["events"][0]["status"] == "verified"
    assert raised["sources"][-1] == {
        "publisher": "example.org",
        "url": "https://example.org/evil-1-weights",
        "status": "verified",
    }
    again = site.client.post("/events/verify", data=form, headers={"Origin": ORIGIN})
    assert again.status_code == 400 and "already verified" in again.text


def test_forms_take_no_other_method(site: Site) -> None:
    assert site.client.get("/triage/1/dismiss").status_code == 405
    assert site.client.put("/events/verify", headers={"Origin": ORIGIN}).status_code == 405


def test_events_another_process_adds_to_the_overlay_are_seen_at_once(writable_site: Site) -> None:
    site = writable_site
    assert site.client.get("/api/events?lab=mistral&since=2026-06-01").json() == []
    result = CliRunner().invoke(
        app,
        [
            "events",
            "add",
            "--lab",
            "mistral",
            "--date",
            "2026-06-02",
            "--kind",
            "statement",
            "--summary",
            "A later statement.",
            "--source",
            "https://example.org/s",
            "--catalog",
            str(site.overlay),
        ],
    )
    assert result.exit_code == 0, result.output
    listed = site.client.get("/api/events?lab=mistral&since=2026-06-01").json()
    assert [e["summary"] for e in listed] == ["A later statement."]
