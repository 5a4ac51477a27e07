"""Deep-merging a mod's entry over an existing one (the OpenXcom model).

Mappings merge key by key; any other value (numbers, text, lists) replaces the old one;
`weapons` merge by weapon id, so a mod can change one weapon's power without copying the
unit, add a weapon, or remove one with `- delete: <weapon id>`.
"""

from __future__ import annotations

from collections.abc import Callable

from game.data.located import YList, YMap, clone, plain
from game.data.problems import WARNING, Mark, Problem, show

# Lists whose items are merged by their `id` instead of replaced as a whole.
MERGE_BY_ID: frozenset[str] = frozenset({"weapons"})

Path = tuple[str, ...]
Record = Callable[[Path, object, Mark | None], None]


def merge_into(base: YMap, patch: YMap, path: Path, record: Record, problems: list[Problem], prefix: str) -> None:
    """Merge `patch` into `base` in place; `record(path, value)` is called for every value set."""
    for key, value in patch.items():
        if key == "id":
            continue
        here = (*path, str(key))
        old = base.get(key)
        if key in MERGE_BY_ID and isinstance(old, YList) and isinstance(value, YList):
            _merge_list(old, value, here, record, problems, prefix)
        elif isinstance(old, YMap) and isinstance(value, YMap):
            merge_into(old, value, here, record, problems, prefix)
        else:
            base.put(key, clone(value), patch.key_marks.get(key), patch.value_marks.get(key))
            record(here, plain(value), patch.value_mark(key))


def _merge_list(old: YList, patch: YList, path: Path, record: Record, problems: list[Problem], prefix: str) -> None:
    for i, item in enumerate(patch):
        mark = patch.item_mark(i)
        where = prefix + ".".join(path) + f"[{i}]"
        if isinstance(item, YMap) and set(item) == {"delete"}:
            target = item["delete"]
            index = _find(old, target)
            if index is None:
                problems.append(
                    Problem.at(
                        mark,
                        where,
                        f"cannot delete {show(target)}: there is no such entry",
                        severity=WARNING,
                        check="mod",
                    )
                )
                continue
            del old[index]
            del old.item_marks[index]
            record((*path, str(target)), None, mark)
            continue
        if not isinstance(item, YMap) or not isinstance(item.get("id"), str):
            problems.append(
                Problem.at(
                    mark,
                    where,
                    "each item of a merged list needs an 'id' saying which entry it adds or changes "
                    "(or '- delete: <id>' to remove one)",
                    check="mod",
                )
            )
            continue
        index = _find(old, item["id"])
        if index is None:
            old.push(clone(item), mark)
            record((*path, item["id"]), plain(item), mark)
        else:
            merge_into(old[index], item, (*path, item["id"]), record, problems, prefix)


def _find(items: YList, ident: object) -> int | None:
    for i, it in enumerate(items):
        if isinstance(it, YMap) and it.get("id") == ident:
            return i
    return None
