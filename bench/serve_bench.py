"""Latency of `kg serve` under load, against the same server idle, measured in one run.

    python bench/serve_bench.py [--clients 200] [--at-once 200] [--endless 4]

Ingests corpus/ into a fresh store, starts `kg serve` on 127.0.0.1, and times a saved
query (entity-by-alias) first alone (the baseline: 20 sequential requests), then from
--clients requests sent --at-once at a time while --endless runaway queries occupy
workers (the server answers identical requests in flight once, and keeps answers until
the store changes, so this is the burst of one popular query). Prints p50/p95/max, the ratio of the loaded p95 to the idle p95, and how many
requests ended in a connection error (a reset), a 503 or a 200.
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


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--clients", type=int, default=200)
    ap.add_argument("--at-once", type=int, default=200)
    ap.add_argument("--endless", type=int, default=4)
    ap.add_argument("--timeout", type=float, default=30)
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
            stop = threading.Event()

            def endless(i: int) -> None:
                with httpx.Client(timeout=args.timeout + 30) as c:
                    while not stop.is_set():   # distinct texts: the server would answer identical ones once
                        c.post(url + "/sparql", data={"query": f"{RUNAWAY} # {i}"})

            spinners = [threading.Thread(target=endless, args=(i,), daemon=True) for i in range(args.endless)]
            for t in spinners:
                t.start()
            time.sleep(1)

            def one(_: int) -> tuple[float, str]:
                with httpx.Client(timeout=120) as c:
                    return timed_get(c, url + SAVED)

            with ThreadPoolExecutor(args.at_once) as pool:
                loaded = list(pool.map(one, range(args.clients)))
            stop.set()
        finally:
            server.terminate()
            server.wait(timeout=30)
    times = [t for t, s in loaded if s == "200"]
    outcomes = {s: sum(1 for _, x in loaded if x == s) for s in sorted({s for _, s in loaded})}
    print(f"idle      p50 {statistics.median(idle) * 1000:7.1f} ms  p95 {pct(idle, 95) * 1000:7.1f} ms")
    if times:
        print(f"loaded    p50 {statistics.median(times) * 1000:7.1f} ms  p95 {pct(times, 95) * 1000:7.1f} ms  "
              f"max {max(times) * 1000:7.1f} ms  ({args.clients} requests, {args.at_once} at once, "
              f"{args.endless} endless queries)")
        print(f"p95 loaded / idle: {pct(times, 95) / pct(idle, 95):.1f}x")
    print("outcomes:", ", ".join(f"{k}: {v}" for k, v in outcomes.items()))


if __name__ == "__main__":
    main()
