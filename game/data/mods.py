"""Finding mods, reading their `mod.yaml`, and putting them in a deterministic load order.

Mods are read from, in this order: `mods/` in the game folder, the user's data folder
(`platformdirs.user_data_dir("blue-comet-tactics")/mods`) and each `--mods DIR` (a mod
folder, or a folder of mod folders). They load requirements first, then by id.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass
from pathlib import Path

import platformdirs
from packaging.requirements import InvalidRequirement, Requirement
from packaging.specifiers import SpecifierSet
from packaging.version import InvalidVersion, Version
from pydantic import ValidationError

from game.data.layout import display_name
from game.data.located import YMap
from game.data.problems import WARNING, Mark, Problem
from game.data.schema import ModManifest
from game.data.validation import problems_from_validation
from game.data.yaml_reader import Limits, read_yaml_file

APP_NAME = "blue-comet-tactics"
MANIFEST = "mod.yaml"


def user_mods_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME)) / "mods"


@dataclass(frozen=True, slots=True)
class ModInfo:
    id: str
    name: str
    version: str
    requires: tuple[tuple[str, str], ...]  # (mod id, version spec or "")
    path: Path
    source: str  # "game", "user" or "command line"
    description: str = ""
    manifest: str = MANIFEST  # mod.yaml as shown in messages

    @property
    def units_dir(self) -> Path:
        return self.path / "units"

    @property
    def maps_dir(self) -> Path:
        return self.path / "maps"

    @property
    def assets_dir(self) -> Path:
        return self.path / "assets"


@dataclass(frozen=True, slots=True)
class ModStatus:
    """A mod that was found, whether it loads, and why not."""

    path: Path
    source: str
    info: ModInfo | None
    loaded: bool
    reason: str = ""
    order: int | None = None  # position in the load order


def _candidates(folder: Path) -> list[Path]:
    if (folder / MANIFEST).is_file():
        return [folder]
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith("."))


def discover(
    game_dir: Path, mod_dirs: tuple[Path, ...], user_mods: bool, limits: Limits
) -> tuple[list[ModInfo], list[ModStatus], list[Problem]]:
    """Every readable mod found (first of each id wins), the ones skipped, and problems."""
    problems: list[Problem] = []
    found: list[ModInfo] = []
    skipped: list[ModStatus] = []
    sources: list[tuple[Path, str]] = [(game_dir / "mods", "game")]
    if user_mods:
        sources.append((user_mods_dir(), "user"))
    for d in mod_dirs:
        if not Path(d).exists():
            problems.append(Problem.at(Mark(str(d)), "", "mod folder does not exist", check="mod"))
        sources.append((Path(d), "command line"))
    seen: dict[str, ModInfo] = {}
    visited: set[Path] = set()
    for folder, source in sources:
        for path in _candidates(folder):
            if path.resolve() in visited:
                continue  # the same folder named twice (e.g. --mods mods)
            visited.add(path.resolve())
            manifest = path / MANIFEST
            display = display_name(manifest, game_dir)
            if not manifest.is_file():
                problems.append(
                    Problem.at(
                        Mark(display_name(path, game_dir)),
                        "",
                        "folder has no mod.yaml, so it is not loaded as a mod",
                        severity=WARNING,
                        check="mod",
                    )
                )
                continue
            info = _read_manifest(manifest, display, path, source, limits, problems)
            if info is None:
                skipped.append(ModStatus(path, source, None, False, "mod.yaml has errors"))
                continue
            if info.id in seen:
                other = seen[info.id]
                problems.append(
                    Problem.at(
                        Mark(display),
                        "id",
                        f"mod id {info.id!r} is already used by {other.manifest}; this copy is not loaded",
                        check="mod",
                    )
                )
                skipped.append(ModStatus(path, source, info, False, f"duplicate id (also at {other.manifest})"))
                continue
            seen[info.id] = info
            found.append(info)
    return found, skipped, problems


def _read_manifest(
    manifest: Path, display: str, path: Path, source: str, limits: Limits, problems: list[Problem]
) -> ModInfo | None:
    data, read_problems = read_yaml_file(manifest, display, limits)
    problems.extend(p for p in read_problems)
    if any(p.is_error for p in read_problems):
        return None
    if not isinstance(data, YMap):
        problems.append(
            Problem.at(Mark(display), "", "mod.yaml must be a mapping (id: ..., name: ..., version: ...)", check="mod")
        )
        return None
    try:
        m = ModManifest.model_validate(data)
    except ValidationError as exc:
        problems.extend(problems_from_validation(exc, data, ModManifest, "", check="mod"))
        return None
    ok = True
    try:
        Version(m.version)
    except InvalidVersion:
        problems.append(
            Problem.at(
                data.value_mark("version"),
                "version",
                f"{m.version!r} is not a version number like 1.0 or 2.1.3",
                check="mod",
            )
        )
        ok = False
    requires: list[tuple[str, str]] = []
    for i, text in enumerate(m.requires):
        try:
            req = Requirement(text)
        except InvalidRequirement:
            mark = (
                data["requires"].item_mark(i)
                if hasattr(data.get("requires"), "item_mark")
                else data.value_mark("requires")
            )
            problems.append(
                Problem.at(
                    mark,
                    f"requires[{i}]",
                    f"{text!r} is not a requirement like 'other_mod' or 'other_mod>=1.2'",
                    check="mod",
                )
            )
            ok = False
            continue
        requires.append((req.name.lower().replace("-", "_"), str(req.specifier)))
    if not ok:
        return None
    return ModInfo(m.id, m.name, m.version, tuple(requires), path, source, m.description, display)


def order(mods: list[ModInfo]) -> tuple[list[ModInfo], list[ModStatus], list[Problem]]:
    """Requirements first, then by id; mods with missing or unmet requirements are skipped."""
    problems: list[Problem] = []
    skipped: list[ModStatus] = []
    by_id = {m.id: m for m in mods}
    bad: dict[str, str] = {}
    for m in sorted(mods, key=lambda m: m.id):
        for req_id, spec in m.requires:
            other = by_id.get(req_id)
            manifest = Mark(m.manifest)
            if other is None:
                problems.append(
                    Problem.at(
                        manifest, "requires", f"mod {m.id!r} requires {req_id!r}, which is not installed", check="mod"
                    )
                )
                bad[m.id] = f"requires {req_id!r}, which is not installed"
            elif spec and Version(other.version) not in SpecifierSet(spec):
                problems.append(
                    Problem.at(
                        manifest,
                        "requires",
                        f"mod {m.id!r} requires {req_id}{spec}, but version {other.version} is installed",
                        check="mod",
                    )
                )
                bad[m.id] = f"requires {req_id}{spec} (found {other.version})"
    # Skipping spreads to every mod that needs a skipped one.
    changed = True
    while changed:
        changed = False
        for m in mods:
            if m.id in bad:
                continue
            for req_id, _ in m.requires:
                if req_id in bad:
                    bad[m.id] = f"requires {req_id!r}, which is not loaded"
                    problems.append(
                        Problem.at(
                            Mark(m.manifest),
                            "requires",
                            f"mod {m.id!r} is not loaded: it requires {req_id!r}, which is not loaded",
                            check="mod",
                        )
                    )
                    changed = True
                    break
    usable = {m.id: m for m in mods if m.id not in bad}
    waiting = {mid: {r for r, _ in m.requires} for mid, m in usable.items()}
    ready = [mid for mid, reqs in waiting.items() if not reqs]
    heapq.heapify(ready)
    out: list[ModInfo] = []
    while ready:
        mid = heapq.heappop(ready)
        out.append(usable[mid])
        for waiter, reqs in waiting.items():
            if mid in reqs:
                reqs.discard(mid)
                if not reqs and waiter not in {o.id for o in out}:
                    heapq.heappush(ready, waiter)
    placed = {m.id for m in out}
    for mid in sorted(set(usable) - placed):
        m = usable[mid]
        problems.append(
            Problem.at(
                Mark(m.manifest),
                "requires",
                f"mod {mid!r} is part of a requirement cycle and is not loaded",
                check="mod",
            )
        )
        bad[mid] = "requirement cycle"
    for m in mods:
        if m.id in bad:
            skipped.append(ModStatus(m.path, m.source, m, False, bad[m.id]))
    return out, skipped, problems


def requires_closure(mods: list[ModInfo]) -> dict[str, frozenset[str]]:
    """For each mod, every mod it requires directly or indirectly."""
    direct = {m.id: {r for r, _ in m.requires} for m in mods}
    out: dict[str, frozenset[str]] = {}
    for mid, needs in direct.items():
        seen: set[str] = set()
        stack = list(needs)
        while stack:
            r = stack.pop()
            if r not in seen:
                seen.add(r)
                stack.extend(direct.get(r, ()))
        out[mid] = frozenset(seen)
    return out
