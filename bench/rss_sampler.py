"""Run a command and sample the resident memory of it and of every process it starts.

    python bench/rss_sampler.py [--every 1] [--log FILE] -- CMD ARG...

Every `--every` seconds it reads VmRSS from /proc for the command's process (for `kg ingest`,
the writer) and each of its descendants (the extraction workers); at the end it prints, as the
last line of stderr, JSON: [exit status, CPU seconds of the whole tree, largest peak RSS in
KiB (getrusage), the command's own sampled peak in KiB, the largest descendant's sampled peak
in KiB, the CPU seconds of the descendants it reaped (sampled: those that ended a second or
more before it; the rest of the whole tree's are the command's own)]. --log FILE writes one line per sample: seconds since start, then the command's RSS
in MiB, then each descendant's. Linux only (elsewhere the sampled peaks are 0).

It is a small process of its own, so a peak it reports is never what kg inherited from a
larger parent (see bench/ingest_bench.py's LAUNCHER).
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time


def rss_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", "rb") as f:
            for line in f:
                if line.startswith(b"VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def reaped_cpu(pid: int) -> float:
    """CPU seconds of the children pid has waited for (cutime + cstime in /proc/PID/stat)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            fields = f.read().rsplit(b")", 1)[1].split()
        return (int(fields[13]) + int(fields[14])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0.0


def children(pid: int) -> list[int]:
    out = []
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{tid}/children") as f:
                out += [int(x) for x in f.read().split()]
    except OSError:
        pass
    return out


def descendants(pid: int) -> list[int]:
    out, todo = [], children(pid)
    while todo:
        p = todo.pop()
        out.append(p)
        todo += children(p)
    return sorted(out)


def main() -> None:
    args = sys.argv[1:]
    every, log = 1.0, None
    while args and args[0] != "--":
        if args[0] == "--every":
            every, args = float(args[1]), args[2:]
        elif args[0] == "--log":
            log, args = args[1], args[2:]
        else:
            raise SystemExit(__doc__)
    cmd = args[1:]
    start = time.monotonic()
    proc = subprocess.Popen(cmd)
    peaks = {"own": 0, "descendant": 0, "reaped": 0.0}
    done = threading.Event()
    out = open(log, "w") if log else None

    def sample() -> None:
        while not done.is_set():
            own = rss_kib(proc.pid)
            rest = [rss_kib(p) for p in descendants(proc.pid)]
            peaks["own"] = max(peaks["own"], own)
            peaks["descendant"] = max([peaks["descendant"], *rest])
            peaks["reaped"] = max(peaks["reaped"], reaped_cpu(proc.pid))
            if out:
                print(f"{time.monotonic() - start:.1f} {own / 1024:.0f} " + " ".join(f"{r / 1024:.0f}" for r in rest),
                      file=out, flush=True)
            done.wait(every)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, status, usage = os.wait4(proc.pid, 0)
    done.set()
    sampler.join()
    if out:
        out.close()
    print(json.dumps([os.waitstatus_to_exitcode(status), usage.ru_utime + usage.ru_stime, usage.ru_maxrss,
                      peaks["own"], peaks["descendant"], peaks["reaped"]]), file=sys.stderr)


if __name__ == "__main__":
    main()
