"""kg.malloc: glibc's malloc settings are a no-op, not an error, where glibc is absent."""
import ctypes

from kg import malloc


def test_the_calls_answer_whether_they_did_anything():
    assert malloc.trim() in (True, False)


def test_without_glibc_the_calls_do_nothing(monkeypatch):
    class OtherLibc:   # musl, macOS: a C library without mallopt or malloc_trim
        pass

    monkeypatch.setattr(ctypes, "CDLL", lambda name: OtherLibc())
    assert malloc.one_arena() is False
    assert malloc.trim() is False

    def no_library(name):   # Windows: no library of this process to open by None
        raise TypeError("expected str, bytes or os.PathLike object, not NoneType")

    monkeypatch.setattr(ctypes, "CDLL", no_library)
    assert malloc.one_arena() is False
    assert malloc.trim() is False
