"""Faults of the machine and of the store folder: one line each, the store unchanged, no empty store left.

Disk-full cases mount a small tmpfs (root can; elsewhere they are skipped); permission
cases run `kg` as the unprivileged user `nobody` through setpriv, because root reads and
writes through any permission bits.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from conftest import kg_executable, run_kg
from test_hostile import GOOD, assert_refused, tree_digest


@pytest.fixture(scope="module")
def small_store(tmp_path_factory):
    base = tmp_path_factory.mktemp("faults")
    corpus = base / "corpus"
    corpus.mkdir()
    (corpus / "good.md").write_text(GOOD, encoding="utf-8")
    store = base / "store"
    run_kg("ingest", str(corpus), store=store)
    return corpus, store


def test_a_folder_that_is_not_a_store_is_refused(small_store, tmp_path):
    corpus, _ = small_store
    before = tree_digest(corpus)
    for args in (("ingest", str(corpus)), ("stats",), ("query", "ASK {}")):
        proc = run_kg(*args, store=corpus, check=False)
        assert_refused(proc, "not a kg store", str(corpus))
    assert tree_digest(corpus) == before
    a_file = tmp_path / "file"
    a_file.write_text("x")
    assert_refused(run_kg("ingest", str(corpus), store=a_file, check=False), "is a file, not a kg store", "file")


def test_a_first_run_killed_before_its_database_existed_is_carried_on(small_store, tmp_path):
    """kill -9 after the writer's lock file was made and before the database: the folder holds
    only the lock, and the next run makes the store there instead of calling it a stranger's."""
    corpus, _ = small_store
    store = tmp_path / "store"
    store.mkdir()
    (store / "lock").touch()
    run_kg("ingest", str(corpus), store=store)
    assert "articles\t1\n" in run_kg("stats", store=store).stdout


def test_a_store_of_another_format_is_refused_unchanged(small_store, tmp_path):
    corpus, store = small_store
    other = tmp_path / "other"
    shutil.copytree(store, other)
    (other / "kg-store.json").write_text('{"format": 99}\n')
    before = tree_digest(other)
    for args in (("ingest", str(corpus)), ("stats",), ("export",), ("query", "ASK {}")):
        assert_refused(run_kg(*args, store=other, check=False), "kg store format 99, this kg reads format 1", "other")
    assert tree_digest(other) == before


def test_a_damaged_database_is_one_line(small_store, tmp_path):
    _, store = small_store
    broken = tmp_path / "broken"
    shutil.copytree(store, broken)
    (broken / "oxigraph" / "CURRENT").write_text("MANIFEST-999999\n")
    assert_refused(run_kg("stats", store=broken, check=False), "cannot open the store", "broken")


def test_a_corrupt_database_does_not_lock_out_the_run_that_finds_it(small_store, tmp_path):
    """RocksDB reports a damaged store as RuntimeError ("Corruption: …"): the ingest's first, read-only
    look must let go of its lock, or the same run waits for itself and blames another process."""
    corpus, store = small_store
    broken = tmp_path / "broken"
    shutil.copytree(store, broken)
    (broken / "oxigraph" / "CURRENT").write_text("garbage\n")
    got = run_kg("ingest", str(corpus), store=broken, check=False, env={"KG_LOCK_TIMEOUT": "3"})
    assert_refused(got, "cannot open the store", "broken")
    assert "in use" not in got.stderr, got.stderr


# ---------------------------------------------------------------- permission denied

def as_nobody(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    cmd = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", kg_executable(), *args]
    env = {k: v for k, v in os.environ.items() if k != "KG_STORE"}
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, env=env, timeout=300)


@pytest.fixture
def shared_dir(small_store):
    if os.geteuid() != 0 or not shutil.which("setpriv"):
        pytest.skip("needs root and setpriv to run kg as another user")
    folder = Path(tempfile.mkdtemp(prefix="kg-perm-", dir="/tmp"))
    os.chmod(folder, 0o755)
    corpus, store = small_store
    shutil.copytree(corpus, folder / "corpus")
    shutil.copytree(store, folder / "store")
    probe = subprocess.run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", kg_executable(),
                            "--help"], capture_output=True)
    if probe.returncode != 0:
        shutil.rmtree(folder)
        pytest.skip("user nobody cannot run this kg installation")
    yield folder
    shutil.rmtree(folder)


def test_permission_denied_is_one_line_and_reading_needs_no_write_access(shared_dir):
    before = tree_digest(shared_dir / "store")
    assert_refused(as_nobody("--store", "store", "ingest", "corpus", cwd=shared_dir),
                   "permission denied (the store is not writable)", "store")
    assert_refused(as_nobody("--store", "new-store", "ingest", "corpus", cwd=shared_dir),
                   "permission denied (cannot create the store", "new-store")
    readable = as_nobody("--store", "store", "stats", cwd=shared_dir)
    assert readable.returncode == 0 and "articles\t1" in readable.stdout, readable.stderr
    os.chmod(shared_dir / "corpus" / "good.md", 0)
    os.chmod(shared_dir / "store", 0o777)
    assert_refused(as_nobody("--store", "store", "ingest", "corpus", cwd=shared_dir),
                   "cannot read: Permission denied", "good.md")
    os.chmod(shared_dir / "store", 0o755)
    assert tree_digest(shared_dir / "store") == before


# ---------------------------------------------------------------- disk full

@pytest.fixture
def tmpfs(tmp_path):
    """A folder on a tmpfs of the size asked for (in KiB); unmounted afterwards."""
    mounts: list[Path] = []

    def mount(kib: int) -> Path:
        point = tmp_path / f"disk{len(mounts)}"
        point.mkdir()
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={kib}k", "tmpfs", str(point)],
                              capture_output=True)
        if done.returncode != 0:
            pytest.skip("cannot mount a tmpfs here (needs root)")
        mounts.append(point)
        return point

    yield mount
    for point in mounts:
        subprocess.run(["umount", "-l", str(point)], capture_output=True)


def test_disk_full_on_a_first_run_leaves_no_store(small_store, tmpfs):
    corpus, _ = small_store
    disk = tmpfs(6 * 1024)
    proc = run_kg("ingest", str(corpus), store=disk / "store", check=False)
    assert_refused(proc, "No space left on device", "store")
    assert "free space" in proc.stderr
    assert not (disk / "store").exists()


def test_disk_full_during_an_ingest_keeps_the_store_as_it_was(small_store, tmpfs, tmp_path):
    corpus, _ = small_store
    disk = tmpfs(40 * 1024)
    store = disk / "store"
    run_kg("ingest", str(corpus), store=store)
    before = run_kg("export", "--format", "nquads", store=store).stdout
    bigger = tmp_path / "bigger"
    shutil.copytree(corpus, bigger)
    for i in range(3):
        (bigger / f"more{i}.md").write_text(f"星河科技第{i}次發表晶片。東岳半導體代工。\n" * 200, encoding="utf-8")
    free = shutil.disk_usage(disk).free
    with open(disk / "filler", "wb") as f:
        f.write(b"\0" * (free - 150 * 1024))
    proc = run_kg("ingest", str(bigger), store=store, check=False)
    assert_refused(proc, "No space left on device", "store")
    (disk / "filler").unlink()
    assert run_kg("export", "--format", "nquads", store=store).stdout == before
    run_kg("ingest", str(bigger), store=store)   # with room again, the same run completes


# ---------------------------------------------------------------- kill -9

@pytest.mark.slow
def test_ten_kills_mid_ingest_then_one_run_gives_the_clean_export(corpus_store, tmp_path):
    """`kill -9` at ten moments of an ingest (snapshot publishing included): the next run completes it exactly."""
    import signal
    import time

    from conftest import CORPUS_ARTICLE, ROOT

    folder = tmp_path / "work"
    (folder / "corpus").mkdir(parents=True)
    shutil.copy(ROOT / CORPUS_ARTICLE, folder / CORPUS_ARTICLE)
    store = folder / "store"
    env = {k: v for k, v in os.environ.items() if k != "KG_STORE"}
    for delay in (0.3, 0.8, 1.5, 2.5, 3.5, 4.5, 6.0, 8.0, 10.0, 13.0):
        proc = subprocess.Popen([kg_executable(), "--store", "store", "ingest", "corpus/"], cwd=folder, env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        if store.exists():   # whatever the moment, the store reads in one piece (or says it has no store yet)
            probe = run_kg("stats", store=store, check=False)
            assert probe.returncode in (0, 1) and "Traceback" not in probe.stderr, probe.stderr
    run_kg("ingest", "corpus/", store=store, cwd=folder)
    expected = run_kg("export", "--format", "nquads", store=corpus_store).stdout
    assert run_kg("export", "--format", "nquads", store=store).stdout == expected


def test_a_write_ahead_log_left_by_a_killed_writer_is_folded_in_by_the_first_reader(small_store, tmp_path):
    """A writer killed with its log unflushed: what it committed is there for every reader, and
    the first reader that finds the log folds it into the store, so later opens need not replay it."""
    import sys
    store = tmp_path / "store"
    shutil.copytree(small_store[1], store)
    # a real writer that commits a triple and dies without closing the store (as kill -9 would)
    code = ("import os, pyoxigraph as ox\n"
            f"s = ox.Store({str(store / 'oxigraph')!r})\n"
            "s.add(ox.Quad(ox.NamedNode('urn:x:killed'), ox.NamedNode('urn:x:p'), ox.Literal('kept')))\n"
            "os._exit(0)\n")
    subprocess.run([sys.executable, "-c", code], check=True)
    logs = lambda: sum(p.stat().st_size for p in (store / "oxigraph").glob("*.log"))  # noqa: E731
    assert logs() > 0
    env = {"KG_WAL_REPLAY_BYTES": "1"}
    first = run_kg("query", "ASK { <urn:x:killed> <urn:x:p> 'kept' }", store=store, env=env)
    assert "true" in first.stdout.lower()
    assert logs() == 0  # folded in: the next open replays nothing
    again = run_kg("query", "ASK { <urn:x:killed> <urn:x:p> 'kept' }", store=store, env=env)
    assert "true" in again.stdout.lower()
