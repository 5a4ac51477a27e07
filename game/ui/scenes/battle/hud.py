"""Map HUD: turn and phase, terrain panel, unit hover panel, key hints, banners, popups."""

from __future__ import annotations

import pygame

from game.core import BattleState
from game.ui.model.unit_info import terrain_info, unit_info
from game.ui.render import theme
from game.ui.render.art import Art
from game.ui.render.text import Fonts
from game.ui.render.widgets import bar, hp_colour

HINT_ROOM = 16  # the key hints line at the bottom of the map
BANNER_HEIGHT = 56


def banner_rect(surface_size: tuple[int, int]) -> pygame.Rect:
    return pygame.Rect(0, surface_size[1] // 2 - BANNER_HEIGHT // 2, surface_size[0], BANNER_HEIGHT)


def draw_phase(surface: pygame.Surface, fonts: Fonts, state: BattleState) -> pygame.Rect:
    side = state.ctx.sides[state.phase]
    label = f"Turn {state.turn}  ·  {side.name} Phase"
    w = fonts.width(label, Fonts.SMALL, True) + 16
    rect = pygame.Rect(4, 4, w, 20)
    fonts.panel(surface, rect, edge=theme.SIDE_COLOURS.get(side.id, theme.PANEL_EDGE))
    fonts.draw(surface, label, (rect.x + 8, rect.y + 4), size=Fonts.SMALL, bold=True)
    return rect


def draw_terrain_panel(
    surface: pygame.Surface, fonts: Fonts, state: BattleState, pos: tuple[int, int], *, top: bool
) -> None:
    info = terrain_info(state, pos)
    rec = []
    if info.hp_recovery:
        rec.append(f"HP +{info.hp_recovery}%")
    if info.en_recovery:
        rec.append(f"EN +{info.en_recovery}%")
    stats = f"DEF {info.defense:+d}%   EVA {info.evade:+d}%"
    recovery = "Recovery: " + (" ".join(rec) if rec else "none")
    # as wide as its longest line (a base's recovery line is longer than most)
    w = max(132, fonts.width(stats, Fonts.SMALL) + 16, fonts.width(recovery, Fonts.SMALL) + 16)
    w = max(w, min(fonts.width(info.name, Fonts.NORMAL, True) + 16, 240))
    rect = pygame.Rect(4, 4 + 24 if top else surface.get_height() - 58 - HINT_ROOM, w, 54)
    fonts.panel(surface, rect)
    fonts.draw_fitted(surface, info.name, (rect.x + 7, rect.y + 5), rect.w - 14, bold=True)
    fonts.draw(surface, stats, (rect.x + 7, rect.y + 23), size=Fonts.SMALL)
    fonts.draw(
        surface, recovery, (rect.x + 7, rect.y + 37), size=Fonts.SMALL, colour=theme.GOOD if rec else theme.TEXT_DIM
    )


def draw_unit_panel(
    surface: pygame.Surface, fonts: Fonts, art: Art, state: BattleState, uid: str, *, top: bool
) -> None:
    info = unit_info(state, uid)
    u = state.unit(uid)
    w, h = 236, 74 + (13 if info.effects else 0)
    rect = pygame.Rect(surface.get_width() - w - 4, 4 if top else surface.get_height() - h - 4 - HINT_ROOM, w, h)
    fonts.panel(surface, rect, edge=theme.SIDE_COLOURS.get(info.side, theme.PANEL_EDGE))
    x = rect.x + 6
    portrait = art.portrait(u.pilot_id) if u.pilot_id else None
    if portrait is not None:
        surface.blit(pygame.transform.scale(portrait, (48, 48)), (x, rect.y + 6))
    else:
        surface.blit(art.unit_sprite(u.unit_id, u.side), (x + 8, rect.y + 14))
    x += 54
    badge = art.ui(f"badge_{info.side}")
    if badge is not None:
        surface.blit(badge, (rect.right - badge.get_width() - 8, rect.y + 6))
    room = rect.right - x - 8 - (badge.get_width() + 4 if badge is not None else 0)
    fonts.draw_fitted(surface, info.name, (x, rect.y + 4), room, bold=True)
    fonts.draw_fitted(
        surface,
        f"{info.pilot}  Lv{info.level}",
        (x, rect.y + 20),
        rect.right - x - 8,
        size=Fonts.SMALL,
        colour=theme.TEXT_DIM,
    )
    bx = x + 98  # bars to the right of the numbers
    bw = rect.right - bx - 8
    fonts.draw(surface, f"HP {info.hp}/{info.max_hp}", (x, rect.y + 33), size=Fonts.SMALL)
    bar(surface, pygame.Rect(bx, rect.y + 37, bw, 6), info.hp, info.max_hp, hp_colour(info.hp, info.max_hp))
    fonts.draw(surface, f"EN {info.en}/{info.max_en}", (x, rect.y + 46), size=Fonts.SMALL)
    bar(surface, pygame.Rect(bx, rect.y + 50, bw, 6), info.en, info.max_en, theme.EN_BAR)
    line = f"Will {info.will}"
    if info.max_sp:
        line += f"   SP {info.sp}/{info.max_sp}"
    if info.flying:
        line += "   Flying"
    fonts.draw(surface, line, (x, rect.y + 58), size=Fonts.SMALL, colour=theme.ACCENT)
    if info.effects:  # a line of its own, under Will and SP
        fonts.draw_fitted(
            surface,
            ", ".join(info.effects),
            (rect.x + 8, rect.y + 71),
            rect.w - 16,
            size=Fonts.SMALL,
            colour=theme.GOOD,
        )


def draw_hints(surface: pygame.Surface, fonts: Fonts, text: str) -> None:
    if not text:
        return
    w = fonts.width(text, Fonts.SMALL) + 14
    rect = pygame.Rect((surface.get_width() - w) // 2, surface.get_height() - 18, w, 16)
    layer = pygame.Surface(rect.size, pygame.SRCALPHA)
    layer.fill((0, 0, 0, 150))
    surface.blit(layer, rect)
    fonts.draw(surface, text, (rect.centerx, rect.y + 2), size=Fonts.SMALL, align="center")


def draw_banner(
    surface: pygame.Surface, fonts: Fonts, text: str, sub: str, colour: tuple[int, int, int], progress: float
) -> None:
    """A full-width phase banner opening from the middle and closing again (progress 0..1).
    The words are part of the banner, so whatever part of it shows, shows them."""
    h = BANNER_HEIGHT
    slide = min(1.0, progress * 5, (1 - progress) * 5)
    full_w = surface.get_width()
    w = int(full_w * slide)
    if w <= 0:
        return
    layer = pygame.Surface((full_w, h), pygame.SRCALPHA)
    layer.fill((*theme.PANEL_DARK, 210))
    pygame.draw.line(layer, colour, (0, 0), (full_w, 0), 2)
    pygame.draw.line(layer, colour, (0, h - 2), (full_w, h - 2), 2)
    fonts.draw(layer, text, (full_w // 2, 8), size=Fonts.LARGE, bold=True, colour=colour, align="center")
    if sub:
        fonts.draw(layer, sub, (full_w // 2, 34), size=Fonts.SMALL, align="center")
    visible = pygame.Rect((full_w - w) // 2, 0, w, h)
    surface.blit(layer, (visible.x, surface.get_height() // 2 - h // 2), visible)
