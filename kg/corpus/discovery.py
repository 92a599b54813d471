"""Finding article files under the paths given to `kg ingest`, symlinks included, safely.

A corpus folder is a place other people drop files into, so a symbolic link in it is
not trusted by default:

    a link to a file or folder inside the corpus folder   followed (it is part of the corpus)
    a link that leaves the corpus folder                  skipped, with a warning; `--follow-links`
                                                          follows it (`/etc/passwd` stays out otherwise)
    a dangling link, or a loop of links                   skipped, with a warning naming it
    a folder reached twice (through links)                searched once

A path named on the command line is the user's own choice and is read even when it is a link.
Hidden files and folders (a name starting with '.') are skipped.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Callable, Iterable

from kg.errors import CorpusError

SUFFIXES = (".txt", ".md")
Warn = Callable[[str], None]


def printable(path: str | Path) -> str:
    """A path as text that can always be printed: bytes that are not UTF-8 shown as \\xNN."""
    return os.fsencode(str(path)).decode("utf-8", "backslashreplace")


def article_key(path: str | Path) -> str:
    """The name an article goes by: its path as given, normalised to POSIX form."""
    return Path(os.path.normpath(str(path))).as_posix()


def warn_on_stderr(message: str) -> None:
    print(f"kg: warning: {message}", file=sys.stderr)


def discover(paths: Iterable[str | Path], *, follow_links: bool = False, warn: Warn | None = None) -> list[Path]:
    """Article files under the given files and folders, sorted, each once.

    Folders are searched recursively for .txt and .md files (see the module docstring for
    links). A path that does not exist is an error, not silence.
    """
    warn = warn or warn_on_stderr
    found: dict[str, tuple[Path, bool]] = {}   # key → (path, reached through a link)
    for given in paths:
        p = Path(given)
        if p.is_dir():
            root = p.resolve()
            for f, via_link in _walk(p, root, follow_links, warn, {root}, False):
                found.setdefault(article_key(f), (f, via_link))
        elif p.is_file():
            found.setdefault(article_key(p), (p, False))
        elif p.is_symlink():
            raise CorpusError(printable(p), "is a dangling or looping symbolic link", "check where it points")
        elif p.exists():
            raise CorpusError(printable(p), "is not a regular file or folder (a pipe or a device?)",
                              "give article files or folders")
        else:
            raise CorpusError(printable(p), "no such file or folder", "check the path")
    return _once_each(found, warn)


def _once_each(found: dict[str, tuple[Path, bool]], warn: Warn) -> list[Path]:
    """Drop a file reached a second time under another name (through a link): one file, one article.

    The name without a link wins, then the first in sorted order.
    """
    by_real: dict[Path, str] = {}
    keep: dict[str, Path] = {}
    for key in sorted(found, key=lambda k: (found[k][1], k)):
        path = found[key][0]
        real = path.resolve()
        if real in by_real:
            warn(f"{printable(key)}: the same file as {printable(by_real[real])}, skipped")
            continue
        by_real[real] = key
        keep[key] = path
    return [keep[k] for k in sorted(keep)]


def _walk(folder: Path, root: Path, follow_links: bool, warn: Warn, seen: set[Path],
          via_link: bool) -> Iterable[tuple[Path, bool]]:
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as e:
        raise CorpusError(printable(folder), f"cannot list the folder: {e.strerror}",
                          "check its permissions") from None
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = folder / entry.name
        if entry.is_symlink():
            target = _link_target(path, root, follow_links, warn)
            if target is None:
                continue
            if target.is_dir():
                if target in seen:
                    warn(f"{printable(path)}: link to a folder already searched ({printable(target)}), skipped")
                    continue
                yield from _walk(path, root, follow_links, warn, seen | {target}, True)
            elif target.is_file() and path.suffix.lower() in SUFFIXES:
                yield path, True
        elif entry.is_dir(follow_symlinks=False):
            real = path.resolve()
            yield from _walk(path, root, follow_links, warn, seen | {real}, via_link)
        elif entry.is_file(follow_symlinks=False) and path.suffix.lower() in SUFFIXES:
            yield path, via_link


def _link_target(path: Path, root: Path, follow_links: bool, warn: Warn) -> Path | None:
    """Where a link leads, or None (with a warning) when it is dangling, loops or leaves the corpus."""
    try:
        target = path.resolve(strict=True)
    except RuntimeError:
        warn(f"{printable(path)}: symbolic link loop, skipped")
        return None
    except OSError as e:
        if e.errno == 40:  # ELOOP
            warn(f"{printable(path)}: symbolic link loop, skipped")
        else:
            warn(f"{printable(path)}: dangling symbolic link (to {printable(os.readlink(path))}), skipped")
        return None
    if not follow_links and target != root and root not in target.parents:
        warn(f"{printable(path)}: symbolic link leaves the corpus folder (to {printable(target)}), skipped; "
             "give --follow-links to read it")
        return None
    return target
