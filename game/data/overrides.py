"""Dotted overrides such as `units.braver.hp=3000` or `units.layzner.weapons.v_max.power=4000`.

They are applied to the raw entries after mods and before validation, so a bad value is
reported like any other data error. Paths are checked against the schema: an unknown
kind, id or field is an error with a suggestion. List items are found by id
(`weapons.v_max`, `spirits.focus`) or by index (`spirits.0`). The value is read as YAML
(`3000`, `1.2`, `[1, 4]`, `A/A/B/A`).
"""

from __future__ import annotations

import typing
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from game.data.aliases import SINGULAR
from game.data.catalog import Catalog, Entry
from game.data.layout import RULES
from game.data.located import YList, YMap
from game.data.problems import Mark, Problem, did_you_mean
from game.data.schema import ENTRY_MODELS, Rules
from game.data.validation import _unwrap
from game.data.yaml_reader import read_yaml_text

KIND_NAMES: dict[str, str] = {
    **{k: k for k in ENTRY_MODELS},
    **{v.split()[0]: k for k, v in SINGULAR.items()},
    "terrains": "terrain",
    RULES: RULES,
}


@dataclass(frozen=True, slots=True)
class Override:
    text: str
    kind: str
    target: str  # entry id as written
    fields: tuple[str, ...]
    value: object

    @property
    def mark(self) -> Mark:
        return Mark(f"override {self.text!r}")


def parse_overrides(texts: Sequence[str]) -> tuple[list[Override], list[Problem]]:
    out: list[Override] = []
    problems: list[Problem] = []
    for text in texts:
        mark = Mark(f"override {text!r}")
        path, sep, value_text = text.partition("=")
        if not sep:
            problems.append(
                Problem.at(mark, "", "an override is written path=value, e.g. units.braver.hp=3000", check="override")
            )
            continue
        parts = [p.strip() for p in path.strip().split(".")]
        if any(not p for p in parts) or not parts:
            problems.append(Problem.at(mark, path, "the path has an empty part (two dots in a row?)", check="override"))
            continue
        kind = KIND_NAMES.get(parts[0].lower())
        if kind is None:
            problems.append(
                Problem.at(
                    mark, path, f"unknown kind {parts[0]!r}{did_you_mean(parts[0], KIND_NAMES)}", check="override"
                )
            )
            continue
        if kind == RULES:
            target, fields = RULES, tuple(parts[1:])
        else:
            if len(parts) < 3:
                problems.append(
                    Problem.at(
                        mark,
                        path,
                        f"name the {SINGULAR[kind]} and a field, e.g. {kind}.<id>.<field>=value",
                        check="override",
                    )
                )
                continue
            target, fields = parts[1], tuple(parts[2:])
        if not fields:
            problems.append(Problem.at(mark, path, "name a rules field, e.g. rules.crit_mul=1.5", check="override"))
            continue
        value, value_problems = read_yaml_text(value_text.strip(), mark.file)
        if any(p.is_error for p in value_problems):
            problems.extend(value_problems)
            continue
        out.append(Override(text, kind, target, fields, value))
    return out, problems


def apply_to_catalog(catalog: Catalog, overrides: Sequence[Override]) -> list[Problem]:
    """Set each override's value in the catalog's raw entries; problems for bad paths."""
    problems: list[Problem] = []
    for o in overrides:
        error = _check_fields(Rules if o.kind == RULES else ENTRY_MODELS[o.kind], o.fields)
        if error:
            problems.append(Problem.at(o.mark, ".".join(o.fields), error, check="override"))
            continue
        entry = catalog.kind(RULES).get(RULES) if o.kind == RULES else catalog.find(o.kind, o.target)
        if entry is None:
            if o.kind == RULES:
                entry = Entry(RULES, RULES, YMap(o.mark), o.mark.file, "", "override")
                catalog.add(entry)
            else:
                ids = list(catalog.kind(o.kind))
                problems.append(
                    Problem.at(
                        o.mark,
                        o.target,
                        f"there is no {SINGULAR[o.kind]} {o.target!r}{did_you_mean(o.target, ids)}",
                        check="override",
                    )
                )
                continue
        error = _set(entry.data, o.fields, o.value, o.mark)
        if error:
            problems.append(Problem.at(o.mark, ".".join(o.fields), error, check="override"))
            continue
        catalog.changed(entry)
        if "override" not in entry.changed_by:
            entry.changed_by.append("override")
    return problems


def _check_fields(model: type[BaseModel], fields: Sequence[str]) -> str | None:
    current: Any = model
    for i, name in enumerate(fields):
        tp = _unwrap(current)
        origin = typing.get_origin(tp)
        if isinstance(tp, type) and issubclass(tp, BaseModel):
            field = tp.model_fields.get(name)
            if field is None or name == "id":
                where = ".".join(fields[:i]) or "this entry"
                return f"{where} has no field {name!r}{did_you_mean(name, [f for f in tp.model_fields if f != 'id'])}"
            current = field.annotation
        elif origin is list:
            current = typing.get_args(tp)[0]
        elif origin is dict:
            current = typing.get_args(tp)[1]
        else:
            return f"{'.'.join(fields[:i])} is a single value; it has no part {name!r}"
    return None


def _set(data: YMap, fields: Sequence[str], value: object, mark: Mark) -> str | None:
    node: object = data
    for i, name in enumerate(fields):
        last = i == len(fields) - 1
        if isinstance(node, YMap):
            key: object = name
            if name not in node and name.lstrip("-").isdigit() and (int(name) in node or _int_keyed(node)):
                key = int(name)  # integer keys such as rules.performance.7
            if last:
                node.put(key, value, mark, mark)
                return None
            if key not in node or not isinstance(node[key], (YMap, YList)):
                node.put(key, YMap(mark), mark, mark)
            node = node[key]
        elif isinstance(node, YList):
            index = _index(node, name)
            if index is None:
                return f"{'.'.join(fields[:i])} has no item {name!r} (give an id or an index 0..{len(node) - 1})"
            if last:
                node[index] = value
                node.item_marks[index] = mark
                return None
            item = node[index]
            if isinstance(item, str):  # `- focus` shorthand: expand so a field can be set
                expanded = YMap(node.item_mark(index))
                expanded.put("id", item, None, node.item_mark(index))
                node[index] = item = expanded
            node = item
        else:
            return f"{'.'.join(fields[:i])} is not a mapping or list"
    return None


def _int_keyed(node: YMap) -> bool:
    return bool(node) and all(isinstance(k, int) for k in node)


def _index(items: YList, name: str) -> int | None:
    for i, it in enumerate(items):
        if (isinstance(it, YMap) and it.get("id") == name) or it == name:
            return i
    if name.isdigit() and int(name) < len(items):
        return int(name)
    return None
