"""Loading YAML front matter safely: hostile YAML gets a one-line error, never a hang or a traceback.

PyYAML's `safe_load` is safe against code execution but not against every hostile
document. This loader closes the gaps that matter for a file someone dropped in `corpus/`:

    aliases      `&a [*b, *b, …]` nested ten deep ("billion laughs") expands to 10⁹ nodes:
                 anchors and aliases are refused outright (front matter never needs them)
    depth        `[[[[…]]]]` 20,000 deep overflows the composer's recursion: capped at MAX_DEPTH
    size         front matter over MAX_BYTES is refused before it is parsed
    tags         `!!binary`, `!!set`, `!!omap`, `!!python/…`: only plain data tags pass, so
                 every value is text, a number, a boolean, a date, a list or a mapping
    dates        `2025-13-45` made PyYAML's own timestamp constructor raise a bare
                 ValueError: dates are checked here and a bad one names its line
    numbers      an integer of 5,000 digits trips Python's int-conversion limit: reported

`load_front_matter(text)` returns the mapping, or raises `FrontMatterProblem` with a
one-line reason that `kg.corpus.reader` turns into a `FrontMatterError` naming the file.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

import yaml
from yaml.events import AliasEvent, CollectionStartEvent, NodeEvent, ScalarEvent

MAX_BYTES = 64 * 1024
MAX_DEPTH = 32
_ALLOWED_TAGS = {None, "!", *(f"tag:yaml.org,2002:{t}" for t in
                              ("str", "int", "float", "bool", "null", "seq", "map", "timestamp"))}


class FrontMatterProblem(ValueError):
    """Why a front matter cannot be loaded, in one line; `line` is 1-based within the front matter."""

    def __init__(self, problem: str, line: int | None = None) -> None:
        super().__init__(problem)
        self.problem = problem
        self.line = line


def _line(event_or_node) -> int | None:
    mark = getattr(event_or_node, "start_mark", None)
    return mark.line + 1 if mark is not None else None


class _Loader(yaml.SafeLoader):
    """SafeLoader without anchors, aliases or exotic tags, with a depth cap and checked dates."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent, index):  # noqa: D401 - PyYAML's hook
        event = self.peek_event()
        if isinstance(event, AliasEvent):
            raise FrontMatterProblem(f"YAML alias *{event.anchor} is not allowed; write the value out",
                                     _line(event))
        if isinstance(event, NodeEvent) and event.anchor is not None:
            raise FrontMatterProblem(f"YAML anchor &{event.anchor} is not allowed; write the value out",
                                     _line(event))
        if isinstance(event, (ScalarEvent, CollectionStartEvent)) and event.tag not in _ALLOWED_TAGS:
            tag = event.tag.replace("tag:yaml.org,2002:", "!!")
            raise FrontMatterProblem(f"YAML tag {tag} is not allowed; write plain text, numbers, dates or lists",
                                     _line(event))
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise FrontMatterProblem(f"nested more than {MAX_DEPTH} levels deep", _line(event))
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def _timestamp(loader: _Loader, node: yaml.ScalarNode) -> dt.date | dt.datetime:
    """A YAML timestamp, checked by us: an impossible date is an error naming its line."""
    value = loader.construct_scalar(node)
    m = yaml.SafeLoader.timestamp_regexp.match(value)
    if m is None:
        raise FrontMatterProblem(f"'{value}' is not a date; write YYYY-MM-DD", _line(node))
    g = m.groupdict()
    try:
        day = dt.date(int(g["year"]), int(g["month"]), int(g["day"]))
        if not g["hour"]:
            return day
        fraction = int((g["fraction"] or "0")[:6].ljust(6, "0"))
        tz = None
        if g["tz_sign"]:
            offset = dt.timedelta(hours=int(g["tz_hour"]), minutes=int(g["tz_minute"] or 0))
            tz = dt.timezone(-offset if g["tz_sign"] == "-" else offset)
        elif g["tz"] == "Z":
            tz = dt.timezone.utc
        return dt.datetime(day.year, day.month, day.day, int(g["hour"]), int(g["minute"]), int(g["second"]),
                           fraction, tzinfo=tz)
    except ValueError as e:
        raise FrontMatterProblem(f"'{value}' is not a valid date ({e}); write YYYY-MM-DD", _line(node)) from None


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)


def load_front_matter(text: str) -> Any:
    """The YAML document in text, as plain Python data; raises FrontMatterProblem when it is unfit."""
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_BYTES:
        raise FrontMatterProblem(f"front matter of {size:,} bytes is over the {MAX_BYTES:,}-byte limit; "
                                 "keep only the article's metadata there")
    loader = None
    try:
        loader = _Loader(text)   # the reader already refuses control characters here
        return loader.get_single_data()
    except FrontMatterProblem:
        raise
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        problem = getattr(e, "problem", None) or str(e).splitlines()[0]
        raise FrontMatterProblem(f"malformed YAML: {problem}", mark.line + 1 if mark else None) from e
    except (ValueError, OverflowError) as e:  # int("9"*5000), float overflow and the like
        raise FrontMatterProblem(f"a value cannot be read: {str(e).splitlines()[0]}") from e
    except RecursionError as e:
        raise FrontMatterProblem("nested too deeply") from e
    finally:
        if loader is not None:
            loader.dispose()
