"""`load_game_data`: the game's YAML plus mods plus overrides -> engine definitions and a
list of problems. It never raises for bad data: broken entries are reported and left out
and the rest loads, so the game always starts."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from game.core.defs import Definitions
from game.data import build
from game.data.aliases import KINDS, SINGULAR, AliasIndex
from game.data.asset_check import check_assets
from game.data.catalog import GAME, Catalog, Entry, file_layer, label
from game.data.fx_check import check_presentation
from game.data.growth_checks import check_growth
from game.data.layout import RULES, read_loose_file, read_units_tree
from game.data.located import YMap
from game.data.mods import ModInfo, ModStatus, discover, order, requires_closure
from game.data.overrides import apply_to_catalog, parse_overrides
from game.data.problems import Mark, Problem, did_you_mean, format_problems
from game.data.references import Failures, Loaded, build_index, check_references, check_upgrades
from game.data.schema import ENTRY_MODELS, Rules
from game.data.validation import problems_from_validation
from game.data.yaml_reader import DEFAULT_LIMITS, Limits

HASH_VERSION = 1


@dataclass(frozen=True, slots=True)
class LoadSources:
    game_dir: Path
    mod_dirs: tuple[Path, ...]
    user_mods: bool
    overrides: tuple[str, ...]
    check_assets_exist: bool
    limits: Limits
    files: tuple[tuple[Path, str], ...] = ()  # loose data files and their kind, loaded last


@dataclass(frozen=True)
class LoadResult:
    """Everything loaded, and everything wrong with it."""

    definitions: Definitions
    problems: tuple[Problem, ...]
    data_hash: str  # SHA-256 of every loaded entry (after mods and overrides), for saves/replays
    aliases: AliasIndex
    entries: Mapping[str, Mapping[str, Any]]  # kind -> id -> validated model (schema classes)
    rules: Rules
    game_dir: Path
    mods: tuple[ModInfo, ...] = ()  # loaded mods, in load order
    mod_statuses: tuple[ModStatus, ...] = ()  # every mod found, loaded or not
    # Asset folders, game first; a later folder's file replaces an earlier one's.
    asset_dirs: tuple[Path, ...] = ()
    origins: Mapping[str, Mapping[str, tuple[str, ...]]] = field(default_factory=dict)  # kind -> id -> layers
    sources: LoadSources | None = None  # what was loaded, to load it again with overrides

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]

    @property
    def ok(self) -> bool:
        return not self.errors

    def errors_except(self, *checks: str) -> list[Problem]:
        return [p for p in self.problems if p.is_error and p.check not in checks]

    def format_problems(self, *, summary: bool = True) -> str:
        return format_problems(self.problems, summary=summary)

    def resolve(self, kind: str, name: str) -> str | None:
        """The id for an id or alias of `kind` (units, pilots, spirits ...), any case."""
        return self.aliases.resolve(kind, name)

    def suggest(self, kind: str, name: str) -> str:
        """` (did you mean 'x'?)` for an unknown name, or an empty string."""
        return self.aliases.suggest(kind, name)

    def sprite(self, unit_id: str) -> str:
        return str(self.entries["units"][unit_id].sprite_id)

    def portrait(self, pilot_id: str) -> str:
        return str(self.entries["pilots"][pilot_id].portrait_id)


def load_game_data(
    game_dir: Path,
    mod_dirs: Sequence[Path] = (),
    user_mods: bool = True,
    *,
    overrides: Sequence[str] = (),
    check_assets_exist: bool = True,
    limits: Limits = DEFAULT_LIMITS,
    files: Sequence[tuple[Path, str]] = (),
) -> LoadResult:
    """The game's data in `game_dir/units`, then each mod in load order, then the loose
    `files` (path, "units" / "pilots" / "system": a modder checking one file), then
    `overrides`: validated, cross-checked and built into engine definitions. Never raises
    for bad data."""
    game_dir = Path(game_dir)
    sources = LoadSources(
        game_dir,
        tuple(Path(d) for d in mod_dirs),
        user_mods,
        tuple(overrides),
        check_assets_exist,
        limits,
        tuple((Path(f), k) for f, k in files),
    )
    problems: list[Problem] = []
    catalog, failures, mods, statuses = _read_layers(sources, problems)
    store, rules_model = _validate(catalog, problems, failures)
    index, alias_problems = build_index(store)
    problems.extend(alias_problems)
    problems.extend(check_references(store, index, failures))
    problems.extend(check_upgrades(store, rules_model))
    rules_entry = catalog.kind(RULES).get(RULES)
    problems.extend(check_growth(store, rules_model, rules_entry.data if rules_entry is not None else None, failures))
    asset_dirs = (game_dir / "assets", *(m.assets_dir for m in mods if m.assets_dir.is_dir()))
    if check_assets_exist:
        problems.extend(check_assets(store, asset_dirs))
    problems.extend(check_presentation(store, asset_dirs if check_assets_exist else ()))

    models = {kind: {k: v.model for k, v in sorted(store.get(kind, {}).items())} for kind in KINDS}
    return LoadResult(
        definitions=build.definitions(models, rules_model),
        problems=tuple(_dedupe(problems)),
        data_hash=data_hash(models, rules_model),
        aliases=index,
        entries=models,
        rules=rules_model,
        game_dir=game_dir,
        mods=tuple(mods),
        mod_statuses=tuple(statuses),
        asset_dirs=asset_dirs,
        sources=sources,
        origins={
            kind: {k: (e.origin, *[c for c in e.changed_by if c != e.origin]) for k, e in catalog.kind(kind).items()}
            for kind in KINDS
        },
    )


def _read_layers(src: LoadSources, problems: list[Problem]) -> tuple[Catalog, Failures, list[ModInfo], list[ModStatus]]:
    """The raw entries: the game's, each mod's over them, then the overrides."""
    catalog = Catalog()
    failures = Failures()
    units_dir = src.game_dir / "units"
    if not units_dir.is_dir():
        problems.append(
            Problem.at(Mark(units_dir.as_posix()), "", "the game folder has no units/ folder", check="layout")
        )
    layers = [(units_dir, GAME, frozenset[str]())]
    found, skipped, mod_problems = discover(src.game_dir, src.mod_dirs, src.user_mods, src.limits)
    ordered, unmet, order_problems = order(found)
    problems.extend(mod_problems)
    problems.extend(order_problems)
    closure = requires_closure(ordered)
    layers += [(m.units_dir, m.id, closure[m.id]) for m in ordered]
    for folder, layer, requires in layers:
        tree = read_units_tree(folder, src.game_dir, src.limits)
        problems.extend(tree.problems)
        catalog.apply(tree.docs, layer, requires)
        for kind, ident, file in tree.failed:
            failures.add(kind, ident, file)
    for path, kind in src.files:
        tree = read_loose_file(path, kind, src.game_dir, src.limits)
        problems.extend(tree.problems)
        catalog.apply(tree.docs, file_layer(path))
        for kind_, ident, file in tree.failed:
            failures.add(kind_, ident, file)
    statuses = [ModStatus(m.path, m.source, m, True, "", i) for i, m in enumerate(ordered)] + skipped + unmet

    parsed, override_problems = parse_overrides(src.overrides)
    problems.extend(override_problems)
    problems.extend(apply_to_catalog(catalog, parsed))
    problems.extend(catalog.problems)
    for (kind, ident), layer in catalog.deleted.items():
        failures.deleted.setdefault(kind, {})[ident] = label(layer)
    return catalog, failures, ordered, statuses


def apply_overrides(result: LoadResult, overrides: Sequence[str]) -> LoadResult:
    """The same game data and mods as `result`, loaded again with dotted `overrides`
    (`units.braver.hp=3000`, `units.layzner.weapons.v_max.power=4000`) applied before
    validation. Bad paths and values are problems of the new result."""
    src = result.sources
    if src is None:
        raise ValueError("this LoadResult does not record its sources")
    return load_game_data(
        src.game_dir,
        src.mod_dirs,
        src.user_mods,
        overrides=(*src.overrides, *overrides),
        check_assets_exist=src.check_assets_exist,
        limits=src.limits,
        files=src.files,
    )


def _validate(
    catalog: Catalog, problems: list[Problem], failures: Failures
) -> tuple[dict[str, dict[str, Loaded]], Rules]:
    store: dict[str, dict[str, Loaded]] = {}
    for kind, model in ENTRY_MODELS.items():
        out: dict[str, Loaded] = {}
        for ident, entry in sorted(catalog.kind(kind).items()):
            try:
                out[ident] = Loaded(model.model_validate(entry.data), entry)
            except ValidationError as exc:
                problems.extend(problems_from_validation(exc, entry.data, model, entry.prefix))
                failures.add(kind, ident, entry.file)
                hint = ""
                if entry.origin != GAME and any(e["type"] == "missing" for e in exc.errors()):
                    # Often a patch whose file name does not match the entry it meant to change.
                    others = [k for k, e in catalog.kind(kind).items() if e.origin == GAME]
                    hint = (
                        f"; {label(entry.origin)} adds it as a new {SINGULAR[kind]}, so it must be complete; "
                        f"to change an existing one, use that one's id{did_you_mean(ident, others)}"
                    )
                problems.append(
                    Problem.at(
                        entry.data.mark,
                        entry.prefix.rstrip("."),
                        f"{SINGULAR[kind]} {ident!r} is left out because of the errors above{hint}",
                        severity="warning",
                        check="schema",
                    )
                )
        store[kind] = out
    rules_entry: Entry | None = catalog.kind(RULES).get(RULES)
    rules_model = Rules()
    if rules_entry is None:
        problems.append(
            Problem.at(
                Mark("units/system/rules.yaml"),
                "",
                "no rules.yaml found; using the defaults of RULES.md",
                severity="warning",
                check="layout",
            )
        )
    else:
        try:
            rules_model = Rules.model_validate(rules_entry.data)
        except ValidationError as exc:
            problems.extend(problems_from_validation(exc, rules_entry.data, Rules, ""))
            problems.append(
                Problem.at(
                    rules_entry.data.mark if isinstance(rules_entry.data, YMap) else None,
                    "",
                    "rules.yaml has errors; the defaults of RULES.md are used instead",
                    severity="warning",
                    check="schema",
                )
            )
    return store, rules_model


def data_hash(models: Mapping[str, Mapping[str, Any]], rules: Rules) -> str:
    """SHA-256 of the canonical JSON of every loaded entry: equal data, equal hash."""
    doc = {
        "version": HASH_VERSION,
        "rules": rules.model_dump(mode="json"),
        **{
            kind: {k: m.model_dump(mode="json") for k, m in sorted(entries.items())} for kind, entries in models.items()
        },
    }
    text = json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _dedupe(problems: Sequence[Problem]) -> list[Problem]:
    seen: set[Problem] = set()
    out = []
    for p in problems:
        if p not in seen:
            seen.add(p)
            out.append(p)
    return out
