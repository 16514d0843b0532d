"""Helpers the web tests share: paths, the planted markup, a dashboard under test, reading its pages."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from starlette.testclient import TestClient

from openwatch.web.app import create_app
from openwatch.web.settings import WebSettings

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "chat-assistant"
FIXTURES = ROOT / "tests" / "fixtures" / "web"
HOSTILE = "<img src=x onerror=alert(1)>"
"""Markup planted as a project and file name, a model id in code, and in the feed and overlay fixtures."""
ORIGIN = "http://127.0.0.1:8765"


@dataclass
class Site:
    """A dashboard under test: its app, a client that posts from the dashboard's own origin, its files."""

    app: FastAPI
    client: TestClient
    db_url: str
    overlay: Path


def make_site(template_db: Path, folder: Path, overlay: Path) -> Site:
    """A dashboard over a fresh copy of the template database, reading `overlay`."""
    db = folder / "history.db"
    shutil.copy(template_db, db)
    settings = WebSettings(db_url=f"sqlite:///{db}", overlays=(overlay,))
    app = create_app(settings)
    client = TestClient(app, base_url=ORIGIN, raise_server_exceptions=False)
    return Site(app, client, settings.db_url, overlay)


class _Text(HTMLParser):
    """The visible text of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def text_of(html: str) -> str:
    """A page's text with runs of white space folded."""
    parser = _Text()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


class _Forms(HTMLParser):
    """The hidden fields of each form on a page, by action."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: dict[str, dict[str, str]] = {}
        self._action: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {k: v or "" for k, v in attrs}
        if tag == "form" and found.get("method") == "post":
            self._action = found["action"]
            self.forms.setdefault(self._action, {})
        elif tag == "input" and self._action and found.get("type") == "hidden":
            self.forms[self._action][found["name"]] = found["value"]

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._action = None


def hidden_fields(site: Site, page: str, action: str) -> dict[str, str]:
    """The hidden fields (the token) of the form that posts to `action`, as the page serves it."""
    parser = _Forms()
    parser.feed(site.client.get(page).text)
    return dict(parser.forms[action])


def queued_item(site: Site, lab: str) -> dict[str, Any]:
    item: dict[str, Any] = next(
        i for i in site.client.get("/api/triage").json() if i["matched"][0]["lab"] == lab
    )
    return item


def states(site: Site) -> dict[int, str]:
    return {i["id"]: i["state"] for i in site.client.get("/api/triage?all=true").json()}
