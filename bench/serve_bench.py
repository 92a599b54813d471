"""Latency of `kg serve` under load, against the same server idle, measured in one run.

    python bench/serve_bench.py [--clients 200] [--at-once 8,200] [--endless 4] [--distinct]

Ingests corpus/ into a fresh store, starts `kg serve` on 127.0.0.1, and times a saved
query (entity-by-alias) first alone (the baseline: 20 sequential requests), then in one
burst of --clients requests per --at-once value (8 at a time, then all 200 at once), each
on a new connection, while --endless runaway queries keep workers busy for the whole
run. The server answers identical requests in flight once and keeps answers until the
store changes, so these are bursts of one popular query; --distinct adds bursts whose
parameter differs per request, which the cache cannot serve. Prints per burst p50/p95/max,
the ratio of the loaded p95 to the idle p95, the connection errors (resets), and whether
p95 is under 1 s.
"""
from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
KG = str(Path(sys.executable).with_name("kg"))
SAVED = "/queries/entity-by-alias?name=NVIDIA"
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def timed_get(client: httpx.Client, url: str) -> tuple[float, str]:
    start = time.perf_counter()
    try:
        status = str(client.get(url).status_code)
    except httpx.TransportError as e:
        status = type(e).__name__
    return time.perf_counter() - start, status


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


NAMES = ["NVIDIA", "英偉達", "輝達", "AMD", "台積電", "華為", "Intel", "三星", "美光", "海力士", "阿里巴巴", "騰訊",
         "百度", "寒武紀", "商務部", "中芯國際", "H200", "H20", "Blackwell", "美國"]


def variant(i: int) -> str:
    """A distinct spelling for each i (letter case varied; the query ignores case), so no answer is cached."""
    name = NAMES[i] if i < len(NAMES) else "Blackwell"
    bits = i
    return "".join(c.swapcase() if c.isalpha() and c.isascii() and (bits >> k) & 1 else c for k, c in enumerate(name))


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of one process so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def burst(url: str, clients: int, at_once: int, distinct: bool) -> list[tuple[float, str]]:
    """clients requests for the saved query, at_once at a time, each on its own connection."""
    def one(i: int) -> tuple[float, str]:
        path = SAVED if not distinct else f"/queries/entity-by-alias?name={variant(i)}"
        with httpx.Client(timeout=120) as c:
            return timed_get(c, url + path)

    with ThreadPoolExecutor(at_once) as pool:
        return list(pool.map(one, range(clients)))


def report(label: str, loaded: list[tuple[float, str]], idle_p95: float) -> None:
    times = [t for t, s in loaded if s == "200"]
    outcomes = {s: sum(1 for _, x in loaded if x == s) for s in sorted({s for _, s in loaded})}
    resets = sum(v for k, v in outcomes.items() if not k.isdigit())
    if times:
        p95 = pct(times, 95)
        print(f"{label:<34} p50 {statistics.median(times) * 1000:7.1f} ms  p95 {p95 * 1000:7.1f} ms  "
              f"max {max(times) * 1000:7.1f} ms  p95/idle {p95 / idle_p95:5.1f}x  resets {resets}  "
              f"p95 under 1 s: {'yes' if p95 < 1 else 'NO'}")
    print(f"{'':<34} outcomes: " + ", ".join(f"{k}: {v}" for k, v in outcomes.items()))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--clients", type=int, default=200)
    ap.add_argument("--at-once", default="8,200", help="comma-separated: clients in flight at a time, one burst each")
    ap.add_argument("--endless", type=int, default=4)
    ap.add_argument("--timeout", type=float, default=30)
    ap.add_argument("--distinct", action="store_true",
                    help="also a burst of distinct parameter values, which the answer cache cannot serve")
    args = ap.parse_args()
    env = {k: v for k, v in os.environ.items() if k != "KG_STORE"}
    with tempfile.TemporaryDirectory() as tmp:
        store = Path(tmp) / "store"
        subprocess.run([KG, "--store", str(store), "ingest", "corpus/"], cwd=ROOT, env=env, check=True,
                       capture_output=True)
        port = free_port()
        url = f"http://127.0.0.1:{port}"
        server = subprocess.Popen([KG, "--store", str(store), "serve", "--port", str(port), "--quiet",
                                   "--timeout", str(args.timeout)], env=env, stderr=subprocess.DEVNULL)
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    httpx.get(url + "/queries", timeout=2)
                    break
                except httpx.TransportError:
                    if time.monotonic() > deadline:
                        raise SystemExit("kg serve did not start")
                    time.sleep(0.2)
            with httpx.Client(timeout=120) as c:
                timed_get(c, url + SAVED)   # warm the workers
                idle = [timed_get(c, url + SAVED)[0] for _ in range(20)]
                idle_distinct = [timed_get(c, url + f"/queries/entity-by-alias?name={n}&idle=1")[0] for n in NAMES]
            stop = threading.Event()

            def endless(i: int) -> None:
                with httpx.Client(timeout=args.timeout + 30) as c:
                    n = 0
                    while not stop.is_set():   # distinct texts: the server would answer identical ones once
                        c.post(url + "/sparql", data={"query": f"{RUNAWAY} # {i} {n}"})
                        n += 1

            spinners = [threading.Thread(target=endless, args=(i,), daemon=True) for i in range(args.endless)]
            for t in spinners:
                t.start()
            time.sleep(1)
            results = []
            for at_once in (int(x) for x in args.at_once.split(",")):
                before = cpu_seconds(server.pid)
                results.append((f"saved query, {at_once} at a time", burst(url, args.clients, at_once, False), idle))
                print(f"server process CPU per request ({at_once} at a time): "
                      f"{(cpu_seconds(server.pid) - before) / args.clients * 1000:.1f} ms")
                if args.distinct:
                    results.append((f"distinct parameters, {at_once} at a time",
                                    burst(url, args.clients, at_once, True), idle_distinct))
            stop.set()
        finally:
            server.terminate()
            server.wait(timeout=30)
    print(f"{args.clients} clients per burst, {args.endless} endless queries running throughout")
    print(f"{'idle (one client, sequential)':<34} p50 {statistics.median(idle) * 1000:7.1f} ms  "
          f"p95 {pct(idle, 95) * 1000:7.1f} ms   distinct names: p95 {pct(idle_distinct, 95) * 1000:7.1f} ms")
    for label, loaded, base in results:
        report(label, loaded, pct(base, 95))


if __name__ == "__main__":
    main()
