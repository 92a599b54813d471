"""`kg serve`"""
from __future__ import annotations

import signal
import sys

import click



@click.command("serve", epilog="Example: kg serve --port 8787   then open http://127.0.0.1:8787/")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (0.0.0.0 to let other machines in).")
@click.option("--port", default=8787, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@click.option("--timeout", default=30.0, show_default=True, type=click.FloatRange(min=0.1),
              help="Seconds a query may run before it is stopped.")
@click.option("--max-rows", default=10_000, show_default=True, type=click.IntRange(min=1),
              help="Most solutions (or triples) one answer holds; a cut answer has the header KG-Truncated: true.")
@click.option("--workers", default=4, show_default=True, type=click.IntRange(min=1),
              help="Queries run at the same time (each in its own process).")
@click.option("--cors-origin", default="*", show_default=True, help="Value of Access-Control-Allow-Origin.")
@click.option("--lang", type=click.Choice(["zh-Hant", "zh-Hans", "en"]), default="zh-Hant", show_default=True,
              help="Language of node labels in the viewer.")
@click.option("--quiet", is_flag=True, help="Do not log each request.")
@click.pass_obj
def command(settings, host: str, port: int, timeout: float, max_rows: int, workers: int, cors_origin: str,
            lang: str, quiet: bool) -> None:
    """Serve the store as a read-only SPARQL 1.1 endpoint (/sparql), with the graph viewer at /.

    GET or POST queries (query=…, form-encoded, or an application/sparql-query body); results
    as SPARQL JSON, XML, CSV or TSV by the Accept header. Saved queries run at
    /queries/NAME?param=value. Updates are refused. Ctrl-C stops it.
    """
    from kg.store import open_store
    from kg.query.server import ServeConfig, make_server

    with open_store(settings.store):   # fail now, in one line, if there is no store
        pass
    config = ServeConfig(store=str(settings.store), host=host, port=port, timeout=timeout, max_rows=max_rows,
                         workers=workers, cors_origin=cors_origin, lang=lang, quiet=quiet)
    httpd, endpoint = make_server(config)

    def stop(signum, frame) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    bound_host, bound_port = httpd.server_address[:2]
    base = f"http://{bound_host}:{bound_port}"
    click.echo(f"kg: serving {settings.store} at {base}/sparql (viewer: {base}/, saved queries: {base}/queries); "
               "Ctrl-C stops", err=True)
    sys.stderr.flush()
    try:
        httpd.serve_forever()
    except KeyboardInterrupt:
        click.echo("kg: server stopped", err=True)
    finally:
        endpoint.stop()
        httpd.server_close()
