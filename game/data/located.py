"""YAML values that remember where they were written.

`YMap` and `YList` are a dict and a list that also hold the `Mark` of each key and item,
so any error found later (by pydantic, by a reference check, after mods were merged over
the base data) can name the file, line and column of the offending value. Merging copies
marks along with values, so a value changed by a mod points into the mod's file.
"""

from __future__ import annotations

from collections.abc import Sequence

from game.data.problems import Mark


class YMap(dict):
    """A mapping with the marks of its keys and values."""

    __slots__ = ("key_marks", "mark", "value_marks")

    def __init__(self, mark: Mark | None = None) -> None:
        super().__init__()
        self.mark = mark
        self.key_marks: dict[object, Mark] = {}
        self.value_marks: dict[object, Mark] = {}

    def put(self, key: object, value: object, key_mark: Mark | None, value_mark: Mark | None) -> None:
        self[key] = value
        if key_mark is not None:
            self.key_marks[key] = key_mark
        if value_mark is not None:
            self.value_marks[key] = value_mark

    def drop(self, key: object) -> None:
        self.pop(key, None)
        self.key_marks.pop(key, None)
        self.value_marks.pop(key, None)

    def value_mark(self, key: object) -> Mark | None:
        return self.value_marks.get(key, self.key_marks.get(key, self.mark))

    def key_mark(self, key: object) -> Mark | None:
        return self.key_marks.get(key, self.mark)


class YList(list):
    """A list with the mark of each item."""

    __slots__ = ("item_marks", "mark")

    def __init__(self, mark: Mark | None = None) -> None:
        super().__init__()
        self.mark = mark
        self.item_marks: list[Mark | None] = []

    def push(self, value: object, mark: Mark | None) -> None:
        self.append(value)
        self.item_marks.append(mark)

    def item_mark(self, index: int) -> Mark | None:
        if 0 <= index < len(self.item_marks) and self.item_marks[index] is not None:
            return self.item_marks[index]
        return self.mark


def mark_of(value: object) -> Mark | None:
    return value.mark if isinstance(value, (YMap, YList)) else None


def locate(root: object, loc: Sequence[object], *, key: bool = False) -> Mark | None:
    """The mark of the value at `loc` inside `root`, or of its nearest ancestor that has one.

    With `key`, the mark of the last key itself (for unknown or duplicate keys).
    """
    node = root
    best = mark_of(root)
    for i, step in enumerate(loc):
        last = i == len(loc) - 1
        part = step
        if isinstance(node, YMap):
            if part not in node:
                # pydantic reports some keys normalised (e.g. ints as strings): try both.
                part = _alternate_key(node, part)
                if part is None:
                    return best
            best = node.key_mark(part) if (last and key) else node.value_mark(part) or best
            node = node[part]
        elif isinstance(node, YList) and isinstance(part, int):
            if not 0 <= part < len(node):
                return best
            best = node.item_mark(part) or best
            node = node[part]
        else:
            return best
    return best


def _alternate_key(node: YMap, part: object) -> object | None:
    for k in node:
        if str(k) == str(part):
            return k
    return None


def clone(value: object) -> object:
    """A deep copy keeping marks (values shared through YAML aliases must not be merged into twice)."""
    if isinstance(value, YMap):
        out = YMap(value.mark)
        for k, v in value.items():
            out.put(k, clone(v), value.key_marks.get(k), value.value_marks.get(k))
        return out
    if isinstance(value, YList):
        lst = YList(value.mark)
        for v, m in zip(value, value.item_marks, strict=False):
            lst.push(clone(v), m)
        return lst
    return value


def size(value: object) -> int:
    """How many values a tree holds (for the alias-expansion budget)."""
    if isinstance(value, dict):
        return 1 + sum(size(v) for v in value.values()) + len(value)
    if isinstance(value, list):
        return 1 + sum(size(v) for v in value)
    return 1


def plain(value: object) -> object:
    """The same data as ordinary dicts and lists (for hashing and display)."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value
