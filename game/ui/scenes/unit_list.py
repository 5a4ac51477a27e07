"""Every unit on the map in one list (from the map menu): side, name, pilot, HP, EN, Will and
whether it has acted. Confirm puts the cursor on the unit; the status key opens its status."""

from __future__ import annotations

import pygame

from game.core import BattleState
from game.ui.input.actions import Action, InputEvent, Kind
from game.ui.model.unit_info import unit_info
from game.ui.render import theme
from game.ui.render.menu import Entry, ListMenu, Picked
from game.ui.render.text import Fonts
from game.ui.scene import Pop, Scene, Transition
from game.ui.scenes.menu import run_menu
from game.ui.services import Services

PLAYER = "player"
COLUMNS = (
    ("Unit", 10, "left"),
    ("Pilot", 232, "left"),
    ("HP", 470, "right"),
    ("EN", 530, "right"),
    ("Will", 580, "right"),
)


def _cut(fonts: Fonts, text: str, width: int) -> str:
    """`text` shortened with an ellipsis to fit `width` in the menu's font."""
    if fonts.width(text) <= width:
        return text
    while text and fonts.width(text.rstrip() + "…") > width:
        text = text[:-1]
    return text.rstrip() + "…"


class UnitListScene(Scene):
    """Pops Picked(uid) for the chosen unit, None on cancel."""

    opaque = False

    def __init__(self, services: Services, state: BattleState) -> None:
        self.services = services
        self.state = state
        ctx = state.ctx
        order = {s.id: i for i, s in enumerate(ctx.sides)}
        units = sorted(state.active_units(), key=lambda u: (u.side != PLAYER, order.get(u.side, 99), u.y, u.x))
        entries = []
        for u in units:
            info = unit_info(state, u.uid)
            side = next((s.name for s in ctx.sides if s.id == u.side), u.side)
            done = " (acted)" if u.side == state.side and u.moved and u.acted else ""
            entries.append(Entry(_cut(services.fonts, info.name, COLUMNS[1][1] - 16), u.uid, help=f"{side}{done}"))
        self.infos = {u.uid: unit_info(state, u.uid) for u in units}
        self.menu = ListMenu(entries, title="Units", width=600, max_rows=14, help_width=600)

    def handle(self, ev: InputEvent) -> Transition | None:
        if ev.kind is Kind.PRESS and ev.action is Action.INFO and self.menu.current is not None:
            return self.services.nav.status(self.state, str(self.menu.current.key))
        return run_menu(
            self.menu,
            ev,
            self.services.audio,
            pick=lambda entry: Pop(Picked(entry.key)),
            cancel=lambda: Pop(None),
        )

    def draw(self, surface: pygame.Surface) -> None:
        fonts = self.services.fonts
        shade = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
        shade.fill((0, 0, 0, 140))
        surface.blit(shade, (0, 0))
        self.menu.draw(surface, fonts, (20, 20))
        top = self.menu.rect.y + ListMenu.PAD + 1
        for text, dx, align in COLUMNS[1:]:
            fonts.draw(
                surface, text, (self.menu.rect.x + dx, top), size=Fonts.SMALL, colour=theme.TEXT_DIM, align=align
            )
        for index, row in self.menu.row_rects():
            uid = str(self.menu.entries[index].key)
            info = self.infos[uid]
            colour = theme.SIDE_COLOURS.get(info.side, theme.TEXT)
            pygame.draw.rect(surface, colour, (row.x + 1, row.y + 4, 3, row.h - 8))
            x = self.menu.rect.x
            cells = (
                (f"{info.pilot}  Lv{info.level}", COLUMNS[1][1], "left"),
                (f"{info.hp}/{info.max_hp}", COLUMNS[2][1], "right"),
                (f"{info.en}/{info.max_en}", COLUMNS[3][1], "right"),
                (str(info.will), COLUMNS[4][1], "right"),
            )
            for text, dx, align in cells:
                width = COLUMNS[2][1] - 70 - dx if align == "left" else 200
                fonts.draw_fitted(surface, text, (x + dx, row.y + 3), width, size=Fonts.SMALL, align=align)
        fonts.draw(
            surface,
            self.services.keys("{confirm}: go to the unit    {info}: status    {cancel}: back"),
            (620, 342),
            size=Fonts.SMALL,
            colour=theme.TEXT_DIM,
            align="right",
        )
