"""Text from scanned repositories, feeds, overlays and the database is shown as text, never run as markup."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from web_support import HOSTILE, Site


class _Markup(HTMLParser):
    """Every element, attribute and link target of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str]] = []
        self.scripts: list[str | None] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes += [(name, value or "") for name, value in attrs]
        if tag == "script":
            self.scripts.append(dict(attrs).get("src"))


def assert_inert(html: str) -> None:
    """No element, handler or link that the planted text could have made; only the dashboard's script."""
    markup = _Markup()
    markup.feed(html)
    assert not {"img", "iframe", "object", "embed", "b", "i"} & set(markup.tags)
    assert not [name for name, _ in markup.attributes if name.startswith("on")]
    targets = [value for name, value in markup.attributes if name in ("href", "src", "action")]
    assert all(t.startswith(("/", "#", "http://", "https://")) for t in targets), targets
    assert markup.scripts == ["/assets/table.js"]


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/projects/2",
        "/diff?from=1&to=2",
        "/triage",
        "/triage?all=true",
        "/events?lab=evil-lab",
        "/map?as_of=2026-05-01",
        "/labs",
        "/labs/evil-lab",
        "/models?lab=evil-lab",
        "/model?id=evil-lab/evil-1",
    ],
)
def test_every_page_is_inert(site: Site, path: str) -> None:
    response = site.client.get(path)
    assert response.status_code == 200, response.text
    assert_inert(response.text)


def test_a_hostile_project_name_and_model_id_are_shown_escaped(site: Site) -> None:
    escaped = "&lt;img src=x onerror=alert(1)&gt;"
    overview = site.client.get("/").text
    assert escaped in overview and HOSTILE not in overview
    hostile_id = next(p for p in site.client.get("/api/projects").json() if p["project"] == HOSTILE)[
        "project_id"
    ]
    history = site.client.get(f"/projects/{hostile_id}").text
    assert escaped in history and HOSTILE not in history
    report = site.client.get("/audits/3").text  # its file name is each reference's path
    assert escaped in report and HOSTILE not in report
    paths = {r["path"] for m in site.client.get("/api/audits/3").json()["models"] for r in m["references"]}
    assert paths == {f"{HOSTILE}.py"}


def test_a_feeds_markup_and_javascript_link_are_inert(site: Site) -> None:
    page = site.client.get("/triage").text
    assert "Hostile &lt;b&gt;Wire&lt;/b&gt;" in page
    assert "said &lt;script&gt;alert(2)&lt;/script&gt;" in page
    assert 'href="javascript:' not in page and "javascript:alert(1)" in page  # shown as text only
    assert 'href="https://example.org/claude-update"' in page


def test_an_overlays_lab_model_and_sources_are_shown_escaped(site: Site) -> None:
    lab = site.client.get("/labs/evil-lab").text
    assert "&lt;script&gt;alert(&#39;lab&#39;)&lt;/script&gt;" in lab
    assert "Evil-1 weights released &lt;img src=x onerror=alert(1)&gt;" in lab
    assert "&lt;svg onload=alert(1)&gt;" in lab and 'href="javascript:' not in lab
    model = site.client.get("/model?id=evil-lab/evil-1").text
    assert "&lt;img src=x onerror=alert(1)&gt;" in model and "](javascript:alert(1))" in model
    assert "Evil&lt;/td&gt;&lt;script&gt;alert(3)&lt;/script&gt;" in model
    assert HOSTILE not in site.client.get("/models?lab=evil-lab").text


def test_json_keeps_the_text_as_it_was(site: Site) -> None:
    model = site.client.get("/api/model?id=evil-lab/evil-1").json()
    assert model["name"] == HOSTILE
    assert site.client.get("/api/triage").json()[-1]["link"] == "javascript:alert(1)"
