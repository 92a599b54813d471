"""glibc's malloc in processes that hold the store for long: `kg ingest`'s writer, `kg serve`'s workers.

Oxigraph (RocksDB, and its Rust code) allocates with the C library's malloc, from every
thread it runs: RocksDB's own threads, the bulk loader's, the writer's. glibc gives a thread
that allocates while the arenas are busy an arena of its own, up to 8 per core, each
reserving 64 MiB of address space; what a thread frees stays in its arena, and an arena
hands pages back to the system only from its top. So a long run's resident memory is the
sum of every arena's high-water mark, not what it holds.

    one_arena()   every thread allocates from the main arena (mallopt(M_ARENA_MAX, 1)); call
                  it before the process starts threads: a limit set later caps new arenas
                  at those already made
    trim()        give every free page of the heap back to the system (malloc_trim(0)):
                  after a batch is written, what the batch needed is free again

Both are no-ops, returning False, where glibc is absent (musl, macOS, Windows).
"""
from __future__ import annotations

_M_ARENA_MAX = -8   # glibc's mallopt parameter (<malloc.h>)


def _libc():
    try:
        import ctypes
        return ctypes.CDLL(None)
    except (OSError, TypeError):   # TypeError: Windows has no "this process" library to open by None
        return None


def one_arena() -> bool:
    """Make every thread of this process allocate from glibc's main arena; False where that is not possible."""
    libc = _libc()
    try:
        return libc is not None and libc.mallopt(_M_ARENA_MAX, 1) == 1
    except AttributeError:   # not glibc
        return False


def trim() -> bool:
    """Hand the heap's free pages back to the system; False where that is not possible (or nothing was freed)."""
    libc = _libc()
    try:
        return libc is not None and libc.malloc_trim(0) == 1
    except AttributeError:   # not glibc
        return False
