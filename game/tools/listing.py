"""`run_game.py list CATEGORY`: tables of what the loaded data holds.

Categories are the `CATEGORIES` dict (name -> (help, function)); a tool that knows more
(scenarios, maps) adds its own entry there. Each function gets a `ListContext` and
returns the lines to print."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from game.data import LoadResult
from game.data import describe as d
from game.data.fx_schema import describe_animation
from game.tools.data_options import add_data_arguments, load_from_args


@dataclass
class ListContext:
    args: argparse.Namespace
    _data: LoadResult | None = field(default=None, repr=False)

    @property
    def data(self) -> LoadResult:
        """The game data (with mods), loaded on first use."""
        if self._data is None:
            self._data = load_from_args(self.args, check_assets=False)
        return self._data


def table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> list[str]:
    cells = [[str(c) for c in headers]] + [[str(c) for c in r] for r in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return lines


def list_units(ctx: ListContext) -> list[str]:
    rows = []
    for u in ctx.data.entries["units"].values():
        abilities = ",".join(a.id if a.level == 1 else f"{a.id}:{a.level}" for a in u.abilities)
        rows.append(
            [u.id, u.name, u.kind, u.size, u.hp, u.en, u.mobility, u.armor, u.move, u.ranks.text(),
             "yes" if u.can_fly else "", len(u.weapons), abilities]
        )  # fmt: skip
    headers = [
        "id",
        "name",
        "kind",
        "size",
        "HP",
        "EN",
        "Mob",
        "Armor",
        "Move",
        "A/L/S/Sp",
        "fly",
        "weapons",
        "abilities",
    ]
    return table(headers, rows)


def list_pilots(ctx: ListContext) -> list[str]:
    rows = []
    for p in ctx.data.entries["pilots"].values():
        s = p.stats
        spirits = ",".join(f"{r.id}" for r in p.spirits)
        skills = ",".join(r.id if r.level == 1 else f"{r.id}:{r.level}" for r in p.skills)
        rows.append(
            [p.id, p.name, p.personality, p.level, f"{s.melee}/{s.ranged}/{s.skill}/{s.defense}/{s.hit}/{s.evade}",
             s.sp, p.ranks.text(), spirits, skills, p.quotes.count() if p.quotes else 0]
        )  # fmt: skip
    return table(
        ["id", "name", "personality", "Lv", "Mel/Rng/Skl/Def/Hit/Eva", "SP", "A/L/S/Sp", "spirits", "skills", "quotes"],
        rows,
    )


def list_weapons(ctx: ListContext) -> list[str]:
    rows = []
    for u in ctx.data.entries["units"].values():
        for w in u.weapons:
            cost = f"{w.en_cost} EN" if w.en_cost else (f"{w.ammo} ammo" if w.ammo else "")
            rows.append(
                [f"{u.id}.{w.id}", w.name, w.power, d.weapon_range(w), f"{w.hit:+d}/{w.crit:+d}", cost,
                 w.will or "", d.weapon_flags(w), w.ranks.text(), w.user_status or "", describe_animation(w)]
            )  # fmt: skip
    return table(
        [
            "unit.weapon",
            "name",
            "power",
            "range",
            "hit/crit",
            "cost",
            "Will",
            "flags",
            "A/L/S/Sp",
            "after",
            "animation",
        ],
        rows,
    )


def list_spirits(ctx: ListContext) -> list[str]:
    rows = [
        [s.id, s.name, s.cost, s.target, s.duration, d.effects(s.effects)] for s in ctx.data.entries["spirits"].values()
    ]
    return table(["id", "name", "SP", "target", "duration", "effects"], rows)


def list_skills(ctx: ListContext) -> list[str]:
    rows = [[s.id, s.name, s.max_level, d.effects(s.effects)] for s in ctx.data.entries["skills"].values()]
    return table(["id", "name", "max Lv", "effects"], rows)


def list_abilities(ctx: ListContext) -> list[str]:
    rows = [[a.id, a.name, d.effects(a.effects)] for a in ctx.data.entries["abilities"].values()]
    rows += [
        [s.id, s.name + " (status)", f"{d.effects(s.effects)} [{s.duration}]"]
        for s in ctx.data.entries["statuses"].values()
    ]
    return table(["id", "name", "effects"], rows)


def list_terrain(ctx: ListContext) -> list[str]:
    rows = []
    for t in ctx.data.entries["terrain"].values():
        costs = " ".join(f"{k}:{'-' if v is None else v}" for k, v in t.move_cost.items())
        recovery = f"HP {t.hp_recovery}% EN {t.en_recovery}%" if t.hp_recovery or t.en_recovery else ""
        rows.append([t.id, t.name, t.environment, costs, t.defense, t.evade, recovery])
    return table(["id", "name", "counts as", "move cost", "def%", "eva%", "recovery"], rows)


def list_mods(ctx: ListContext) -> list[str]:
    statuses = sorted(ctx.data.mod_statuses, key=lambda s: (not s.loaded, s.order or 0, str(s.path)))
    if not statuses:
        return ["No mods found (looked in mods/, the user's data folder and --mods folders)."]
    rows = []
    for s in statuses:
        info = s.info
        requires = ", ".join(f"{r}{spec}" for r, spec in info.requires) if info else ""
        rows.append(
            [s.order + 1 if s.order is not None else "-", info.id if info else "?", info.version if info else "",
             "loaded" if s.loaded else f"skipped: {s.reason}", requires, s.source, s.path.as_posix()]
        )  # fmt: skip
    return table(["order", "id", "version", "status", "requires", "from", "path"], rows)


# name -> (one-line help, function). Other tools add categories (e.g. "scenarios") here.
def list_scenarios(ctx: ListContext) -> list[str]:
    from game.scenario import list_scenarios as find

    mods = [m.path for m in ctx.data.mods]
    rows = []
    for i in find(ctx.data.game_dir, mods):
        title = i.title if i.problem is None else f"(cannot be read: {i.problem})"
        source = "game" if i.source == "game" else f"mod {i.source}"
        rows.append(["-" if i.order is None else i.order, i.id, title, source])
    return table(["#", "id", "title", "from"], rows)


def list_folders(ctx: ListContext) -> list[str]:
    """Where the game reads and writes, for a player looking for a save or a modder for mods/."""
    from game.data import default_game_dir
    from game.data.mods import user_mods_dir
    from game.saves.slots import default_save_dir
    from game.ui.settings import default_config_dir

    game = ctx.args.game_dir or default_game_dir()
    saves = default_save_dir()
    rows = [
        ["shipped content (units, maps, assets)", game.as_posix()],
        ["user mods (drop a mod folder here)", user_mods_dir().as_posix()],
        ["saves, suspend, campaign slots", saves.as_posix()],
        ["replays", (saves / "replays").as_posix()],
        ["settings", (default_config_dir() / "settings.json").as_posix()],
    ]
    return table(["what", "folder"], rows)


CATEGORIES: dict[str, tuple[str, Callable[[ListContext], list[str]]]] = {
    "units": ("units with their main numbers", list_units),
    "pilots": ("pilots with stats, spirits and skills", list_pilots),
    "weapons": ("every unit's weapons", list_weapons),
    "spirits": ("spirit commands", list_spirits),
    "skills": ("pilot skills", list_skills),
    "abilities": ("unit abilities and statuses", list_abilities),
    "terrain": ("terrain types", list_terrain),
    "mods": ("mods found, in load order", list_mods),
    "scenarios": ("scenarios in campaign order, with those from mods", list_scenarios),
    "folders": ("where the game's content, user mods, saves, replays and settings are", list_folders),
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    help_text = "; ".join(f"{k}: {v[0]}" for k, v in CATEGORIES.items())
    parser.add_argument("category", choices=sorted(CATEGORIES), metavar="CATEGORY", help=help_text)
    add_data_arguments(parser)


def run(args: argparse.Namespace) -> int:
    ctx = ListContext(args)
    for line in CATEGORIES[args.category][1](ctx):
        print(line)
    errors = ctx.data.errors_except("asset") if ctx._data is not None else []
    if errors:
        print(f"\n{len(errors)} data error(s) left some entries out; run `python run_game.py validate` for details.")
    return 0
