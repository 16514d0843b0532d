"""`openwatch serve`: the web dashboard on this machine (127.0.0.1 unless told otherwise)."""

from __future__ import annotations

from pathlib import Path

import typer

from openwatch.cli import app
from openwatch.cli.common import CatalogOption, err_console, fail, open_catalog
from openwatch.cli.store_common import DbOption, setting_here
from openwatch.web.settings import CLIENT_TIMEOUT, WebSettings, is_loopback


@app.command()
def serve(
    host: str = typer.Option(
        "127.0.0.1", "--host", help="Address to listen on (default: this machine only)."
    ),
    port: int = typer.Option(8765, "--port", min=0, max=65535, help="Port to listen on (0: any free port)."),
    allow_host: list[str] = typer.Option(
        None, "--allow-host", help="Another name the dashboard may be reached by (Host header); repeatable."
    ),
    client_timeout: float = typer.Option(
        CLIENT_TIMEOUT,
        "--client-timeout",
        min=0.1,
        help="Seconds a client may take to send a request's headers, and again its body.",
    ),
    access_log: bool = typer.Option(False, "--access-log", help="Log every request on stderr."),
    catalog_dirs: list[Path] = CatalogOption,
    db: str = DbOption,
) -> None:
    """Serve the dashboard: recorded projects and audits, the policy map, labs, models, triage and events."""
    from openwatch.store.database import StoreError, database_url
    from openwatch.web.app import create_app
    from openwatch.web.server import bind_socket, run

    open_catalog(catalog_dirs, 2)
    url = database_url(db, setting_here(db))
    try:
        sock = bind_socket(host, port)
    except OSError as exc:
        fail(f"cannot listen on {host}:{port}: {exc.strerror or exc}", 2)
    bound = sock.getsockname()[1]
    settings = WebSettings(
        db_url=url,
        host=host,
        port=bound,
        overlays=tuple(catalog_dirs) if catalog_dirs else None,
        extra_hosts=tuple(allow_host or ()),
        header_timeout=client_timeout,
        body_timeout=client_timeout,
    )
    try:
        dashboard = create_app(settings)
    except StoreError as exc:
        sock.close()
        fail(str(exc), 2)
    if not is_loopback(host):
        err_console.print(
            f"warning: listening on {host}: other machines can reach the dashboard", markup=False
        )
    shown = f"[{host}]" if ":" in host else host
    typer.echo(f"openwatch dashboard: http://{shown}:{bound}/ (Ctrl-C stops it)", err=False)
    run(dashboard, sock, client_timeout, access_log)
