"""The full status screen of a unit: unit, pilot, weapons, spirits, skills, abilities, ranks."""

from __future__ import annotations

import pygame

from game.core import BattleState
from game.ui.input.actions import Action, InputEvent, Kind
from game.ui.model.unit_info import unit_info
from game.ui.render import theme
from game.ui.render.text import Fonts
from game.ui.render.widgets import bar, hp_colour
from game.ui.scene import Pop, Scene, Transition
from game.ui.services import Services


class StatusScene(Scene):
    """Left/right (or Q/E) shows the next unit on the map; up/down turns to the details page
    (the full weapon table, what each skill and ability does); any other key closes."""

    def __init__(self, services: Services, state: BattleState, uid: str) -> None:
        self.services = services
        self.state = state
        self.order = [u.uid for u in state.active_units()]
        self.uid = uid if uid in self.order else (self.order[0] if self.order else uid)
        self.details = False

    def handle(self, ev: InputEvent) -> Transition | None:
        if ev.kind is Kind.WHEEL:
            self._cycle(ev.delta[1])
            return None
        if ev.kind is not Kind.PRESS or ev.action is None:
            return None
        if ev.action in (Action.LEFT, Action.PREV_UNIT):
            self._cycle(-1)
            return None
        if ev.action in (Action.RIGHT, Action.NEXT_UNIT):
            self._cycle(1)
            return None
        if ev.action in (Action.UP, Action.DOWN):
            self.details = not self.details
            self.services.audio.sfx("cursor")
            return None
        if ev.action in (Action.CONFIRM, Action.CANCEL, Action.INFO, Action.MENU):
            return Pop(None)
        return None

    def _cycle(self, step: int) -> None:
        if self.uid in self.order:
            self.uid = self.order[(self.order.index(self.uid) + step) % len(self.order)]

    def draw(self, surface: pygame.Surface) -> None:
        if self.details:
            self._draw_details(surface)
            return
        fonts = self.services.fonts
        info = unit_info(self.state, self.uid)
        u = self.state.unit(self.uid)
        surface.fill(theme.BG)
        edge = theme.SIDE_COLOURS.get(info.side, theme.PANEL_EDGE)
        # unit and pilot
        left = pygame.Rect(6, 6, 250, 348)
        fonts.panel(surface, left, edge=edge)
        surface.blit(
            pygame.transform.scale(self.services.art.unit_sprite(u.unit_id, u.side), (64, 64)), (left.x + 8, left.y + 8)
        )
        fonts.draw_fitted(
            surface, info.name, (left.x + 80, left.y + 10), left.right - 8 - (left.x + 80), size=Fonts.LARGE, bold=True
        )
        fonts.draw(
            surface,
            f"{info.side.capitalize()}  ·  size {info.size}",
            (left.x + 80, left.y + 38),
            size=Fonts.SMALL,
            colour=theme.TEXT_DIM,
        )
        y = left.y + 78
        rows = (
            ("HP", info.hp, info.max_hp, hp_colour(info.hp, info.max_hp)),
            ("EN", info.en, info.max_en, theme.EN_BAR),
        )
        for label, value, top, colour in rows:
            fonts.draw(surface, label, (left.x + 8, y), size=Fonts.SMALL)
            bar(surface, pygame.Rect(left.x + 34, y + 3, 120, 7), value, top, colour)
            fonts.draw(surface, f"{value}/{top}", (left.right - 10, y), size=Fonts.SMALL, align="right")
            y += 16
        stats = f"Move {info.move}   Mobility {info.mobility}   Armor {info.armor}"
        fonts.draw(surface, stats, (left.x + 8, y), size=Fonts.SMALL)
        y += 15
        fonts.draw(surface, f"Terrain (Air/Land/Sea/Space): {info.unit_ranks}", (left.x + 8, y), size=Fonts.SMALL)
        y += 15
        if info.abilities:
            for line in fonts.wrap("Abilities: " + ", ".join(info.abilities), left.w - 20, Fonts.SMALL):
                fonts.draw(surface, line, (left.x + 8, y), size=Fonts.SMALL, colour=theme.ACCENT)
                y += 15
        y += 6
        pygame.draw.line(surface, theme.PANEL_EDGE, (left.x + 8, y), (left.right - 8, y))
        y += 6
        portrait = self.services.art.portrait(u.pilot_id) if u.pilot_id else None
        if portrait is not None:
            surface.blit(pygame.transform.scale(portrait, (56, 56)), (left.x + 8, y))
        px = left.x + 72
        fonts.draw(surface, info.pilot, (px, y), bold=True)
        fonts.draw(surface, f"Lv {info.level}   EXP {info.exp}   Kills {info.kills}", (px, y + 17), size=Fonts.SMALL)
        fonts.draw(
            surface,
            f"Will {info.will}   SP {info.sp}/{info.max_sp}",
            (px, y + 32),
            size=Fonts.SMALL,
            colour=theme.ACCENT,
        )
        fonts.draw(surface, f"Ranks: {info.pilot_ranks}", (px, y + 46), size=Fonts.SMALL)
        y += 62
        for i, (name, value) in enumerate(info.pilot_stats):
            col, row = divmod(i, 3)
            fonts.draw(surface, f"{name} {value}", (left.x + 10 + col * 120, y + row * 15), size=Fonts.SMALL)
        y += 48
        if info.skills:
            for line in fonts.wrap("Skills: " + ", ".join(info.skills), left.w - 20, Fonts.SMALL):
                fonts.draw(surface, line, (left.x + 8, y), size=Fonts.SMALL, colour=theme.GOOD)
                y += 14
        if info.effects:
            for line in fonts.wrap("Active: " + ", ".join(info.effects), left.w - 20, Fonts.SMALL):
                fonts.draw(surface, line, (left.x + 8, y), size=Fonts.SMALL, colour=(150, 220, 255))
                y += 15
        if info.parts:
            for line in fonts.wrap("Parts: " + ", ".join(info.parts), left.w - 20, Fonts.SMALL):
                fonts.draw(surface, line, (left.x + 8, y), size=Fonts.SMALL, colour=theme.ACCENT)
                y += 14
        # weapons
        right = pygame.Rect(262, 6, 372, 214)
        fonts.panel(surface, right)
        fonts.draw(surface, "Weapons", (right.x + 8, right.y + 5), bold=True, colour=theme.ACCENT)
        heads = (("Name", 8), ("Rng", 146), ("Power", 180), ("Hit", 228), ("Crit", 258), ("Cost", 292))
        for text, dx in heads:
            fonts.draw(surface, text, (right.x + dx, right.y + 24), size=Fonts.SMALL, colour=theme.TEXT_DIM)
        y = right.y + 40
        for w in info.weapons[:8]:
            fonts.draw(surface, w.name, (right.x + 8, y), size=Fonts.SMALL)
            fonts.draw(surface, w.range, (right.x + 146, y), size=Fonts.SMALL)
            fonts.draw(surface, str(w.power), (right.x + 180, y), size=Fonts.SMALL)
            fonts.draw(surface, f"{w.hit:+d}", (right.x + 228, y), size=Fonts.SMALL)
            fonts.draw(surface, f"{w.crit:+d}", (right.x + 258, y), size=Fonts.SMALL)
            fonts.draw(surface, w.cost, (right.x + 292, y), size=Fonts.SMALL)
            extra = w.flags + (f"  Will {w.will}" if w.will else "") + f"  ranks {w.ranks}"
            fonts.draw(surface, extra, (right.x + 16, y + 12), size=Fonts.SMALL, colour=theme.TEXT_DIM)
            y += 26
        # spirits
        sp = pygame.Rect(262, 224, 372, 130)
        fonts.panel(surface, sp)
        fonts.draw(
            surface, f"Spirits   SP {info.sp}/{info.max_sp}", (sp.x + 8, sp.y + 5), bold=True, colour=theme.ACCENT
        )
        if not info.spirits:
            fonts.draw(surface, "none", (sp.x + 10, sp.y + 26), size=Fonts.SMALL, colour=theme.TEXT_DIM)
        for i, (name, cost, active) in enumerate(info.spirits):
            col, row = divmod(i, 3)
            colour = theme.GOOD if active else (theme.TEXT if cost <= info.sp else theme.TEXT_DISABLED)
            fonts.draw(
                surface,
                f"{name}  {cost}",
                (sp.x + 10 + col * 180, sp.y + 26 + row * 18),
                size=Fonts.SMALL,
                colour=colour,
            )
        fonts.draw(
            surface,
            self.services.keys("Left/right: other units  ·  Up/down: details  ·  {cancel}: close"),
            (sp.right - 8, sp.bottom - 18),
            size=Fonts.SMALL,
            colour=theme.TEXT_DIM,
            align="right",
        )

    # ---- the details page --------------------------------------------------------------------
    WEAPON_COLUMNS = (
        ("Name", 8, "left"),
        ("Rng", 150, "left"),
        ("Power", 222, "right"),
        ("Hit", 256, "right"),
        ("Crit", 290, "right"),
        ("Cost", 300, "left"),
        ("Will", 378, "right"),
        ("P", 392, "left"),
        ("Type", 408, "left"),
        ("Air", 470, "left"),
        ("Land", 500, "left"),
        ("Sea", 536, "left"),
        ("Space", 566, "left"),
    )

    def _draw_details(self, surface: pygame.Surface) -> None:
        """Every weapon with its terrain ranks by environment, then each skill and ability."""
        fonts = self.services.fonts
        info = unit_info(self.state, self.uid)
        surface.fill(theme.BG)
        table = pygame.Rect(6, 6, 628, 26 + 18 + 15 * max(1, len(info.weapons)) + 8)
        fonts.panel(surface, table, edge=theme.SIDE_COLOURS.get(info.side, theme.PANEL_EDGE))
        title = f"{info.name}  ·  Weapons"
        fonts.draw_fitted(surface, title, (table.x + 8, table.y + 5), table.w - 16, bold=True, colour=theme.ACCENT)
        y = table.y + 26
        for text, dx, align in self.WEAPON_COLUMNS:
            fonts.draw(surface, text, (table.x + dx, y), size=Fonts.SMALL, colour=theme.TEXT_DIM, align=align)
        y += 18
        for w in info.weapons:
            flags = w.flags.split()
            cells = (
                w.name,
                w.range,
                str(w.power),
                f"{w.hit:+d}",
                f"{w.crit:+d}",
                w.cost,
                str(w.will) if w.will else "-",
                "P" if "P" in flags else "-",
                " ".join(f for f in flags if f != "P"),
                *w.ranks,
            )
            for (_, dx, align), cell in zip(self.WEAPON_COLUMNS, cells, strict=False):
                if dx == 8:
                    fonts.draw_fitted(surface, cell, (table.x + dx, y), 140, size=Fonts.SMALL)
                else:
                    fonts.draw(surface, cell, (table.x + dx, y), size=Fonts.SMALL, align=align)
            y += 15
        notes = pygame.Rect(6, table.bottom + 4, 628, 354 - table.bottom - 4)
        fonts.panel(surface, notes)
        fonts.draw(surface, "Skills and abilities", (notes.x + 8, notes.y + 5), bold=True, colour=theme.ACCENT)
        y = notes.y + 26
        lh = fonts.line_height(Fonts.SMALL)
        if not info.notes:
            fonts.draw(surface, "none", (notes.x + 10, y), size=Fonts.SMALL, colour=theme.TEXT_DIM)
        for name, what in info.notes:
            lines = fonts.wrap(f"{name}: {what or 'no description.'}", notes.w - 24, Fonts.SMALL)
            if y + len(lines) * lh > notes.bottom - 20:
                break
            for i, line in enumerate(lines):
                fonts.draw(surface, line, (notes.x + 10 + (10 if i else 0), y), size=Fonts.SMALL)
                y += lh
            y += 2
        fonts.draw(
            surface,
            self.services.keys("Left/right: other units  ·  Up/down: main page  ·  {cancel}: close"),
            (notes.right - 8, notes.bottom - 18),
            size=Fonts.SMALL,
            colour=theme.TEXT_DIM,
            align="right",
        )
