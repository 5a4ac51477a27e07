"""Safe YAML reading that keeps the line and column of every key and value.

Values are built from PyYAML's event stream (the C parser when available) by a small
builder of our own instead of PyYAML's recursive composer, because that lets us:
- refuse hostile input before it costs anything: files over a size cap, nesting deeper
  than a cap (the C composer crashes the interpreter on a few thousand nested brackets),
  alias "bombs" that expand to millions of values, and self-referencing aliases;
- report duplicate keys (PyYAML silently keeps the last one);
- only ever produce plain data (str, int, float, bool, None, YMap, YList): no tags that
  build objects.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import yaml

from game.data.located import YList, YMap, clone, size
from game.data.problems import Mark, Problem, show
from game.data.safe_read import FileRefused, read_regular_file

Loader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_STD = "tag:yaml.org,2002:"
_SCALAR_TAGS = {_STD + t for t in ("str", "int", "float", "bool", "null")}
_ALLOWED_TAGS = _SCALAR_TAGS | {_STD + "seq", _STD + "map", "!"}
_STR = _STD + "str"
# No field needs more: refusing longer numbers before converting them keeps Python's
# 4,300-digit conversion limit (and YAML 1.1's slow base-60 form) out of reach.
MAX_NUMBER_CHARS = 40
MAX_WHOLE = 2**63  # whole numbers must lie strictly between -MAX_WHOLE and MAX_WHOLE


@dataclass(frozen=True, slots=True)
class Limits:
    """Caps that keep a hostile or broken file from eating the machine."""

    max_bytes: int = 1_000_000
    max_values: int = 100_000  # after alias expansion
    max_depth: int = 40


DEFAULT_LIMITS = Limits()


class YamlError(Exception):
    def __init__(self, mark: Mark | None, message: str, path: str = "") -> None:
        super().__init__(message)
        self.mark = mark
        self.message = message
        self.path = path  # the key path of the value, when known (`weapons[1].power`)


def read_yaml_file(path: Path, display: str, limits: Limits = DEFAULT_LIMITS) -> tuple[object, list[Problem]]:
    """The one document in `path` as located values, or None when it cannot be read (the
    problems say why). Duplicate keys are reported but do not make the file unreadable."""
    try:
        raw = read_regular_file(path, limits.max_bytes)
    except FileRefused as exc:
        return None, [Problem.at(Mark(display), "", exc.reason, check="yaml")]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return None, [
            Problem.at(Mark(display), "", f"file is not UTF-8 text (bad byte at offset {exc.start})", check="yaml")
        ]
    return read_yaml_text(text, display, limits)


def read_yaml_text(text: str, display: str, limits: Limits = DEFAULT_LIMITS) -> tuple[object, list[Problem]]:
    if len(text) > limits.max_bytes:
        return None, [
            Problem.at(Mark(display), "", f"text is longer than {limits.max_bytes:,} characters", check="yaml")
        ]
    too_deep = _flow_depth_exceeded(text, limits.max_depth)
    if too_deep is not None:
        return None, [
            Problem.at(
                Mark(display, *too_deep),
                "",
                f"values are nested more than {limits.max_depth} levels deep",
                check="yaml",
            )
        ]
    builder = _Builder(display, limits)
    try:
        for event in yaml.parse(text, Loader=Loader):
            builder.feed(event)
    except YamlError as exc:
        return None, [Problem.at(exc.mark, exc.path, exc.message, check="yaml")]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = None if mark is None else Mark(display, mark.line + 1, mark.column + 1)
        message = " ".join(x for x in (exc.context, exc.problem) if x) or "invalid YAML"
        return None, [Problem.at(where or Mark(display), "", f"YAML syntax error: {message}", check="yaml")]
    except yaml.YAMLError as exc:  # reader errors (control characters) and the like
        return None, [Problem.at(Mark(display), "", f"YAML error: {exc}", check="yaml")]
    return builder.result, builder.problems


def _flow_depth_exceeded(text: str, max_depth: int) -> tuple[int, int] | None:
    """Where `[`/`{` brackets first open deeper than `max_depth`, as (line, column), or None.

    The parser reads a flow collection's opening brackets ahead of the events our builder
    counts, and newer PyYAML releases stop at their own depth with their own message; this
    scan lets us refuse first, the same way on every PyYAML. Quoted text and comments are
    skipped; the count is rough (a plain scalar's stray bracket counts too), which only
    matters for files no one writes by hand."""
    if text.count("[") + text.count("{") <= max_depth:
        return None  # too few brackets to nest that deep: skip the scan
    depth = 0
    line, column = 1, 0
    quote = ""
    comment = False
    previous = "\n"
    for ch in text:
        column += 1
        if ch == "\n":
            line, column, comment = line + 1, 0, False
            if quote == "":
                previous = ch
                continue
        if comment:
            continue
        if quote:
            if ch == quote:
                quote = ""
        elif ch in "'\"" and (previous in " \t\n[{,:"):
            quote = ch
        elif ch == "#" and previous in " \t\n":
            comment = True
        elif ch in "[{":
            depth += 1
            if depth > max_depth:
                return line, column
        elif ch in "]}":
            depth = max(0, depth - 1)
        previous = ch
    return None


class _Frame:
    __slots__ = ("anchor", "container", "key", "key_mark", "mark", "merges")

    def __init__(self, container: YMap | YList, anchor: str | None, mark: Mark) -> None:
        self.container = container
        self.anchor = anchor
        self.mark = mark
        self.key: object = _NO_KEY
        self.key_mark: Mark | None = None
        self.merges: list[YMap] = []


_NO_KEY = object()
_MERGE = object()  # the `<<` merge key: `<<: *defaults` copies the keys not written here


class _Builder:
    def __init__(self, display: str, limits: Limits) -> None:
        self.display = display
        self.limits = limits
        self.stack: list[_Frame] = []
        self.anchors: dict[str, tuple[object, int]] = {}
        self.values = 0
        self.documents = 0
        self.result: object = None
        self.problems: list[Problem] = []
        self._helper = Loader("")  # resolver and scalar constructors only

    def mark(self, event: yaml.Event) -> Mark:
        m = event.start_mark
        return Mark(self.display) if m is None else Mark(self.display, m.line + 1, m.column + 1)

    def count(self, n: int, mark: Mark) -> None:
        self.values += n
        if self.values > self.limits.max_values:
            raise YamlError(
                mark,
                f"the file holds more than {self.limits.max_values:,} values (after expanding aliases); "
                "refusing to load it (a YAML alias bomb?)",
            )

    def feed(self, event: yaml.Event) -> None:
        if isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                raise YamlError(self.mark(event), "a data file holds one YAML document; found a second one ('---')")
        elif isinstance(event, yaml.ScalarEvent):
            mark = self.mark(event)
            value = self.scalar(event, mark)
            self.count(1, mark)
            if event.anchor:
                self.anchors[event.anchor] = (value, 1)
            self.add(value, mark)
        elif isinstance(event, yaml.AliasEvent):
            mark = self.mark(event)
            found = None if event.anchor is None else self.anchors.get(event.anchor)
            if found is None:
                raise YamlError(
                    mark,
                    f"alias *{event.anchor} refers to no finished anchor &{event.anchor} "
                    "(an alias cannot point into its own value)",
                )
            value, n = found
            self.count(n, mark)
            self.add(clone(value), mark)
        elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            mark = self.mark(event)
            if event.tag is not None and event.tag not in _ALLOWED_TAGS:
                raise YamlError(mark, f"YAML tags such as {event.tag!r} are not allowed in data files")
            if len(self.stack) >= self.limits.max_depth:
                raise YamlError(mark, f"values are nested more than {self.limits.max_depth} levels deep")
            self.count(1, mark)
            container: YMap | YList = YMap(mark) if isinstance(event, yaml.MappingStartEvent) else YList(mark)
            if self.stack and isinstance(self.stack[-1].container, YMap) and self.stack[-1].key is _NO_KEY:
                raise YamlError(mark, "mapping keys must be plain text, not a list or mapping")
            self.stack.append(_Frame(container, event.anchor, mark))
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            frame = self.stack.pop()
            if isinstance(frame.container, YMap):
                for source in frame.merges:
                    for k, v in source.items():
                        if k not in frame.container:
                            frame.container.put(k, v, source.key_marks.get(k), source.value_marks.get(k))
            if frame.anchor:
                self.anchors[frame.anchor] = (frame.container, size(frame.container))
            self.add(frame.container, frame.mark)

    def scalar(self, event: yaml.ScalarEvent, mark: Mark) -> object:
        tag = event.tag
        if tag is not None and tag not in _ALLOWED_TAGS:
            raise YamlError(mark, f"YAML tags such as {tag!r} are not allowed in data files")
        if tag is None or tag == "!":
            tag = self._helper.resolve(yaml.ScalarNode, event.value, event.implicit)
        if tag == _STD + "merge":
            return _MERGE
        if tag == _STR or tag not in _SCALAR_TAGS:
            return event.value  # text (the constructor would return it as is); timestamps, binary...
        kind = tag.rsplit(":", 1)[-1]
        if kind in ("int", "float") and len(event.value) > MAX_NUMBER_CHARS:
            raise YamlError(
                mark,
                f"number {show(event.value, 24)} is {len(event.value):,} characters long; "
                f"numbers in data files may be at most {MAX_NUMBER_CHARS} characters",
                self.where(),
            )
        node = yaml.ScalarNode(tag, event.value, style=event.style)  # marks only matter to PyYAML's messages
        try:
            value = self._helper.construct_object(node)
        except (ValueError, yaml.YAMLError) as exc:
            raise YamlError(mark, f"cannot read {show(event.value)} as {kind}: {exc}", self.where()) from None
        if isinstance(value, float) and not math.isfinite(value):
            raise YamlError(
                mark, f"{show(event.value)} is not a finite number (nan and infinity are not allowed)", self.where()
            )
        if isinstance(value, int) and not isinstance(value, bool) and not -MAX_WHOLE < value < MAX_WHOLE:
            raise YamlError(mark, f"whole number {show(event.value, 24)} is out of range (at most 2^63)", self.where())
        return value

    def where(self) -> str:
        """The key path of the value being read (`weapons[1].power`; empty at the top level)."""
        parts: list[str] = []
        for frame in self.stack:
            c = frame.container
            if isinstance(c, YList):
                parts.append(f"[{len(c)}]")
            elif frame.key is not _NO_KEY and frame.key is not _MERGE:
                parts.append(("." if parts else "") + str(frame.key))
            else:
                break
        return "".join(parts)

    def add(self, value: object, mark: Mark) -> None:
        if not self.stack:
            self.result = value
            return
        frame = self.stack[-1]
        container = frame.container
        if isinstance(container, YList):
            container.push(value, mark)
            return
        if frame.key is _NO_KEY:
            if isinstance(value, (YMap, YList)):
                raise YamlError(mark, "mapping keys must be plain text, not a list or mapping")
            if value is None or isinstance(value, (bool, float)):
                raise YamlError(mark, f"mapping key {show(value)} must be text or a whole number")
            frame.key = value
            frame.key_mark = mark
            return
        key = frame.key
        if key is _MERGE:
            sources = value if isinstance(value, YList) else [value]
            if not all(isinstance(s, YMap) for s in sources):
                raise YamlError(mark, "'<<' (merge) needs a mapping or a list of mappings, e.g. <<: *defaults")
            frame.merges.extend(sources)  # type: ignore[arg-type]
        elif key in container:
            first = container.key_marks.get(key)
            where = f" (first written at line {first.line})" if first and first.line else ""
            self.problems.append(
                Problem.at(frame.key_mark, str(key), f"duplicate key {key!r}{where}; this one is ignored", check="yaml")
            )
        else:
            container.put(key, value, frame.key_mark, mark)
        frame.key = _NO_KEY
        frame.key_mark = None
