"""Guards before any route: Host header (DNS rebinding), security headers, static files only from the
package, request bodies over the limit, and internal errors without tracebacks."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine
from web_support import ORIGIN, Site, hidden_fields, queued_item, states

from openwatch.web.app import STATIC_FOLDER
from openwatch.web.settings import MAX_BODY_BYTES


@pytest.mark.parametrize(
    "host", ["evil.example", "evil.example:8765", "127.0.0.1.evil.example", "", "[::2]:8765"]
)
def test_a_foreign_host_header_is_refused(site: Site, host: str) -> None:
    for path in ("/", "/api/projects", "/static/dashboard.css"):
        response = site.client.get(path, headers={"Host": host})
        assert response.status_code == 400, (host, path)
        assert "answers only to its own address" in response.text


@pytest.mark.parametrize("host", ["127.0.0.1:8765", "localhost:8765", "LOCALHOST", "[::1]:8765", "127.0.0.1"])
def test_the_bound_address_and_localhost_are_served(site: Site, host: str) -> None:
    assert site.client.get("/api/projects", headers={"Host": host}).status_code == 200


def test_every_response_carries_the_security_headers(site: Site) -> None:
    for path in ("/", "/api/projects", "/static/dashboard.css", "/assets/table.js", "/no/such/page"):
        headers = site.client.get(path).headers
        policy = headers["content-security-policy"]
        assert "default-src 'none'" in policy and "script-src 'self'" in policy, path
        assert "frame-ancestors 'none'" in policy and "form-action 'self'" in policy, path
        assert "'unsafe-inline'" not in policy, path
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["x-frame-options"] == "DENY"
        assert headers["referrer-policy"] == "same-origin"
        assert headers["cache-control"] == "no-store"


def test_an_internal_error_is_a_page_without_a_traceback(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_: object) -> None:
        raise RuntimeError("secret detail /etc/passwd")

    monkeypatch.setattr("openwatch.web.routes.history.project_overview", broken)
    for path, kind in (("/", "text/html"), ("/api/projects", "application/json")):
        response = site.client.get(path)
        assert response.status_code == 500 and response.headers["content-type"].startswith(kind)
        assert "internal error" in response.text
        assert "Traceback" not in response.text and "secret detail" not in response.text
        assert response.headers["x-frame-options"] == "DENY"


def test_a_broken_database_is_a_clear_503(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    site.app.state.dashboard.engine.dispose()
    monkeypatch.setattr(site.app.state.dashboard, "engine", create_engine("sqlite:////nonexistent/dir/x.db"))
    response = site.client.get("/api/projects")
    assert response.status_code == 503 and "history database error" in response.json()["error"]


TRAVERSALS = [
    "/static/%2e%2e/app.py",
    "/static/%2e%2e/%2e%2e/%2e%2e/pyproject.toml",
    "/static/..%2fapp.py",
    "/static/%2e%2e%2fapp.py",
    "/static/%2e%2e%2f%2e%2e%2fstore%2fdatabase.py",
    "/static/%2fetc%2fpasswd",
    "/static//etc/passwd",
    "/static/%252e%252e/app.py",
    "/static/..%5capp.py",
    "/static/.%2e/.%2e/web/app.py",
    "/static/dashboard.css%00.py",
    "/static/",
    "/static",
]


@pytest.mark.parametrize("path", TRAVERSALS)
def test_static_paths_never_reach_outside_the_static_folder(site: Site, path: str) -> None:
    response = site.client.get(path)
    assert response.status_code in (400, 404), path
    assert "def create_app" not in response.text and "root:" not in response.text
    assert "[project]" not in response.text


def test_the_static_folder_serves_its_own_files(site: Site) -> None:
    response = site.client.get("/static/dashboard.css")
    assert response.status_code == 200 and response.text == (STATIC_FOLDER / "dashboard.css").read_text()
    assert response.headers["content-type"].startswith("text/css")


def _dismiss_form(site: Site) -> tuple[str, dict[str, str]]:
    item = queued_item(site, "mistral")
    action = f"/triage/{item['id']}/dismiss"
    return action, hidden_fields(site, "/triage", action)


def test_an_oversized_form_gets_413_and_changes_nothing(site: Site) -> None:
    action, form = _dismiss_form(site)
    before = states(site)
    big = {**form, "padding": "x" * (MAX_BODY_BYTES + 1)}
    response = site.client.post(action, data=big, headers={"Origin": ORIGIN})
    assert response.status_code == 413 and "Error 413" in response.text
    assert states(site) == before


def test_a_body_announced_as_too_large_is_refused_without_being_read(site: Site) -> None:
    action, _ = _dismiss_form(site)
    headers = {
        "Origin": ORIGIN,
        "Content-Length": str(50 * MAX_BODY_BYTES),
        "Content-Type": "application/x-www-form-urlencoded",
    }
    response = site.client.post(action, content=b"csrf_token=x", headers=headers)
    assert response.status_code == 413


def test_a_chunked_body_is_cut_off_once_past_the_limit(site: Site) -> None:
    action, form = _dismiss_form(site)

    def chunks() -> Iterator[bytes]:
        yield f"csrf_token={form['csrf_token']}&padding=".encode()
        for _ in range(100):
            yield b"x" * 65_536

    before = states(site)
    headers = {"Origin": ORIGIN, "Content-Type": "application/x-www-form-urlencoded"}
    response = site.client.post(action, content=chunks(), headers=headers)
    assert response.status_code == 413
    assert states(site) == before


def test_the_api_has_no_interactive_docs_that_would_load_from_elsewhere(site: Site) -> None:
    assert site.client.get("/docs").status_code == 404 and site.client.get("/redoc").status_code == 404
    paths = site.client.get("/api/openapi.json").json()["paths"]
    changing = sorted(
        f"{method.upper()} {path}" for path, ops in paths.items() for method in ops if method != "get"
    )
    assert changing == [
        "POST /events/verify",
        "POST /triage/{item_id}/accept",
        "POST /triage/{item_id}/dismiss",
    ]
