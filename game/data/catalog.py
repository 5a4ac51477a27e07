"""The raw entries of every kind, layered: the game's data, then each mod in load order,
then command-line overrides. Each layer adds entries, deep-merges over existing ones or
deletes them; values changed by two mods that do not require one another are reported."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from game.data.aliases import SINGULAR, normalize
from game.data.layout import RULES, Doc
from game.data.located import YMap, clone
from game.data.merge import merge_into
from game.data.problems import WARNING, Mark, Problem

GAME = "game"


@dataclass
class Entry:
    kind: str
    id: str
    data: YMap
    file: str  # where it was first defined
    prefix: str  # key path prefix for problems (the id, for entries of system files)
    origin: str  # "game" or the id of the mod that added it
    changed_by: list[str] = field(default_factory=list)


FILE_LAYER = "file:"  # the layer of a loose data file named on the command line


def file_layer(path: Path) -> str:
    return FILE_LAYER + path.name


def label(layer: str) -> str:
    if layer == GAME:
        return "the game data"
    if layer.startswith(FILE_LAYER):
        return f"the file {layer.removeprefix(FILE_LAYER)!r}"
    return f"mod {layer!r}"


def _aliases(entry: Entry) -> list[str]:
    aliases = entry.data.get("aliases")
    return [a for a in aliases if isinstance(a, str)] if isinstance(aliases, list) else []


class _Names:
    """Normalised ids and aliases -> entry ids of one kind, in the order they were noted, so
    `find` costs one dict look-up instead of a scan of every entry (a mod may add thousands).
    Lists may hold stale ids (deleted entries, changed aliases): `find` checks each hit."""

    __slots__ = ("aliases", "ids")

    def __init__(self) -> None:
        self.ids: dict[str, list[str]] = {}
        self.aliases: dict[str, list[str]] = {}

    def note(self, entry: Entry) -> None:
        self.ids.setdefault(normalize(entry.id), []).append(entry.id)
        for alias in _aliases(entry):
            self.aliases.setdefault(normalize(alias), []).append(entry.id)


class Catalog:
    def __init__(self) -> None:
        self.entries: dict[str, dict[str, Entry]] = {}
        self.problems: list[Problem] = []
        self._setters: dict[tuple[str, str, tuple[str, ...]], tuple[str, object]] = {}
        self._deleted: dict[tuple[str, str], str] = {}
        self._names: dict[str, _Names] = {}

    @property
    def deleted(self) -> dict[tuple[str, str], str]:
        """(kind, id) -> the layer that deleted it, for entries that stay deleted."""
        return {k: v for k, v in self._deleted.items() if k[1] not in self.kind(k[0])}

    def kind(self, kind: str) -> dict[str, Entry]:
        return self.entries.setdefault(kind, {})

    def find(self, kind: str, name: str) -> Entry | None:
        """An entry by id or alias (any case), before validation."""
        entries = self.kind(kind)
        if name in entries:
            return entries[name]
        key = normalize(name)
        names = self._names_of(kind)
        for ident in names.ids.get(key, ()):
            if ident in entries:
                return entries[ident]
        for ident in names.aliases.get(key, ()):
            e = entries.get(ident)
            if e is not None and any(normalize(a) == key for a in _aliases(e)):
                return e
        return None

    def add(self, entry: Entry) -> None:
        """Put `entry` in the catalog (replacing one of the same kind and id)."""
        self.kind(entry.kind)[entry.id] = entry
        self._names_of(entry.kind).note(entry)

    def changed(self, entry: Entry) -> None:
        """`entry`'s data was changed in place (its aliases may be new): keep `find` current."""
        self._names_of(entry.kind).note(entry)

    def _names_of(self, kind: str) -> _Names:
        names = self._names.get(kind)
        if names is None:
            names = self._names[kind] = _Names()
            for e in self.kind(kind).values():  # entries put in `entries` directly
                names.note(e)
        return names

    def apply(self, docs: Iterable[Doc], layer: str, requires: frozenset[str] = frozenset()) -> None:
        for doc in docs:
            if doc.data is None:
                self._delete(doc, layer)
            else:
                self._add(doc, layer, requires)

    def _delete(self, doc: Doc, layer: str) -> None:
        found = self.find(doc.kind, doc.id)
        what = SINGULAR.get(doc.kind, doc.kind)
        if found is None:
            self.problems.append(
                Problem.at(
                    doc.mark,
                    doc.prefix + "delete",
                    f"{label(layer)} deletes {what} {doc.id!r}, which does not exist",
                    severity=WARNING,
                    check="mod",
                )
            )
            return
        others = [m for m in found.changed_by if m != layer]
        if others:
            self.problems.append(
                Problem.at(
                    doc.mark,
                    doc.prefix + "delete",
                    f"{label(layer)} deletes {what} {found.id!r}, which {', '.join(label(m) for m in others)} changes",
                    severity=WARNING,
                    check="mod",
                )
            )
        del self.kind(doc.kind)[found.id]
        self._deleted[(doc.kind, found.id)] = layer

    def _add(self, doc: Doc, layer: str, requires: frozenset[str]) -> None:
        assert doc.data is not None
        if doc.kind == RULES:
            found = self.kind(RULES).get(RULES)
        elif layer == GAME:
            found = self.kind(doc.kind).get(doc.id)  # the game's own files name ids exactly
        else:
            found = self.find(doc.kind, doc.id)
        if found is None:
            deleted_by = self._deleted.get((doc.kind, doc.id))
            if deleted_by is not None and deleted_by != layer:
                self.problems.append(
                    Problem.at(
                        doc.mark,
                        doc.prefix.rstrip(".") or "id",
                        f"{label(layer)} changes {SINGULAR.get(doc.kind, doc.kind)} {doc.id!r}, "
                        f"which {label(deleted_by)} deleted; it is loaded as a new entry",
                        severity=WARNING,
                        check="mod",
                    )
                )
            self.add(Entry(doc.kind, doc.id, clone(doc.data), doc.file, doc.prefix, layer))  # type: ignore[arg-type]
            return
        if layer == GAME:
            self.problems.append(
                Problem.at(
                    doc.mark,
                    doc.prefix.rstrip(".") or "id",
                    f"{doc.id!r} is defined twice (also in {found.file})",
                    check="layout",
                )
            )
            return

        def record(path: tuple[str, ...], value: object, mark: Mark | None) -> None:
            key = (found.kind, found.id, path)
            prev = self._setters.get(key)
            if prev is not None:
                prev_layer, prev_value = prev
                if prev_layer not in (GAME, layer) and prev_value != value and prev_layer not in requires:
                    self.problems.append(
                        Problem.at(
                            mark,
                            found.prefix + ".".join(path),
                            f"conflict: {label(prev_layer)} sets this to {_short(prev_value)} and {label(layer)} "
                            f"to {_short(value)}; {label(layer)} wins (it loads later)",
                            severity=WARNING,
                            check="mod",
                        )
                    )
            self._setters[key] = (layer, value)

        merge_into(found.data, doc.data, (), record, self.problems, found.prefix)
        self.changed(found)
        if layer not in found.changed_by:
            found.changed_by.append(layer)


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."
