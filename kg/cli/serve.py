"""`kg serve`"""
from __future__ import annotations

import signal

import click


@click.command("serve", epilog="Example: kg serve --port 8787 --cors https://example.org   then open "
                                "http://127.0.0.1:8787/")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (0.0.0.0 to let other machines in).")
@click.option("--port", default=8787, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@click.option("--timeout", default=30.0, show_default=True, type=click.FloatRange(min=0.1),
              help="Seconds a query may run (or wait for a worker) before it is stopped with 503.")
@click.option("--max-rows", default=10_000, show_default=True, type=click.IntRange(min=1),
              help="Most solutions (or triples) one answer holds; a cut answer has the header KG-Truncated: true.")
@click.option("--workers", default=8, show_default=True, type=click.IntRange(min=1),
              help="Queries run at the same time (each in its own process).")
@click.option("--max-memory", "max_memory", default=4096, show_default=True, type=click.IntRange(min=0),
              help="MiB of memory one query process may use (0: no limit); a query needing more gets 503.")
@click.option("--max-queue", default=256, show_default=True, type=click.IntRange(min=0),
              help="Requests that may wait for a worker; more get 503 at once.")
@click.option("--cors", "cors_origins", metavar="ORIGIN", multiple=True,
              help="Let pages from ORIGIN (https://host:port, or *) query the endpoint; repeat for several. "
                   "Default: no CORS headers.")
@click.option("--allow-service", metavar="HOST", multiple=True,
              help="Let SERVICE clauses reach HOST (e.g. query.wikidata.org; * for any); repeat for several. "
                   "Default: federated queries are refused.")
@click.option("--lang", type=click.Choice(["zh-Hant", "zh-Hans", "en"]), default="zh-Hant", show_default=True,
              help="Language of node labels in the viewer.")
@click.option("--quiet", is_flag=True, help="Do not log each request.")
@click.pass_obj
def command(settings, host: str, port: int, timeout: float, max_rows: int, workers: int, max_memory: int,
            max_queue: int,
            cors_origins: tuple[str, ...], allow_service: tuple[str, ...], lang: str, quiet: bool) -> None:
    """Serve the store as a read-only SPARQL 1.1 endpoint (/sparql), with the graph viewer at /
    and a query page (editor, saved queries with their parameters, results) at /query.

    GET, HEAD or POST queries (query=…, form-encoded, or an application/sparql-query body);
    results as SPARQL JSON, XML, CSV or TSV by the Accept header. Saved queries run at
    /queries/NAME?param=value. Updates are refused, and so are SERVICE queries unless
    --allow-service names their host. Ctrl-C stops it.
    """
    from kg.query.server import ServeConfig, make_server
    from kg.store import open_store

    with open_store(settings.store):   # fail now, in one line, if there is no store
        pass
    config = ServeConfig(store=str(settings.store), host=host, port=port, timeout=timeout, max_rows=max_rows,
                         workers=workers, max_memory_mib=max_memory, max_queue=max_queue, cors_origins=cors_origins,
                         allow_service=tuple(h.lower() for h in allow_service), lang=lang, quiet=quiet)
    server = make_server(config)
    bound_host, bound_port = server.server_address[:2]
    base = f"http://{bound_host}:{bound_port}"
    click.echo(f"kg: serving {settings.store} at {base}/sparql (viewer: {base}/, query page: {base}/query, saved queries: {base}/queries); "
               "Ctrl-C stops", err=True)
    signal.signal(signal.SIGTERM, lambda signum, frame: server.server.handle_exit(signum, frame))
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
        click.echo("kg: server stopped", err=True)
