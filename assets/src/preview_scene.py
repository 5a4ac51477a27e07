#!/usr/bin/env python3
"""Compose mock game screens from the shipped assets through `game.assets.AssetLibrary`:
a map with side-outlined units, a dialogue box and a battle scene, at 640x360 scaled x2.

    python assets/src/preview_scene.py [--out shots]
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import pygame

from game.assets import AssetLibrary, Audio

W, H = 640, 360


def map_screen(lib: AssetLibrary, tick: int) -> pygame.Surface:
    screen = pygame.Surface((W, H))
    screen.fill((150, 74, 44))
    for x in range(0, W, 32):
        for y in range(0, H, 32):
            shade = 140 + ((x * 7 + y * 13) // 32 % 3) * 8
            pygame.draw.rect(screen, (shade, shade // 2, shade // 3), (x, y, 32, 32))
            pygame.draw.rect(screen, (120, 60, 36), (x, y, 32, 32), 1)
    placements = [
        ("layzner", "player", 5, 5),
        ("baybull", "player", 4, 6),
        ("buldy", "player", 4, 4),
        ("buggy", "ally", 2, 5),
        ("braver", "enemy", 11, 4),
        ("braver", "enemy", 12, 6),
        ("greimkaiser", "enemy", 14, 5),
        ("mars_base", "neutral", 7, 8),
        ("soviet_jet", "ally", 9, 2),
        ("zakarl", "enemy", 15, 8),
    ]
    for unit_id, side, gx, gy in placements:
        color = lib.side_color(side)
        sprite = lib.unit_sprite(unit_id).frame(tick + gx)
        ring = lib.unit_outline(unit_id, color).frame(tick + gx)
        if side == "enemy":
            sprite = pygame.transform.flip(sprite, True, False)
            ring = pygame.transform.flip(ring, True, False)
        pygame.draw.ellipse(screen, color, (gx * 32 + 4, gy * 32 + 24, 24, 8))
        screen.blit(ring, (gx * 32 - 1, gy * 32 - 1))
        screen.blit(sprite, (gx * 32, gy * 32))
        screen.blit(lib.ui(f"badge_{side}"), (gx * 32 + 20, gy * 32 + 20))
    screen.blit(lib.ui_strip("cursor").frame(tick), (5 * 32, 5 * 32))
    # Unit info window with bars
    box = pygame.Rect(8, 8, 180, 64)
    lib.nine_slice("window").draw(screen, box)
    font, bold = lib.font("small"), lib.font("bold")
    screen.blit(bold.render("Layzner", (255, 255, 255), (10, 10, 30)), (box.x + 10, box.y + 8))
    screen.blit(font.render("Eiji Asuka  Lv 20", (200, 220, 255)), (box.x + 10, box.y + 20))
    for i, (label, fill, frac) in enumerate((("HP", "bar_hp", 0.8), ("EN", "bar_en", 0.55))):
        y = box.y + 34 + i * 12
        screen.blit(font.render(label, (255, 230, 120)), (box.x + 10, y))
        frame = pygame.transform.scale(lib.ui("bar_frame"), (120, 8))
        screen.blit(frame, (box.x + 28, y))
        screen.blit(pygame.transform.scale(lib.ui(fill), (round(116 * frac), 4)), (box.x + 30, y + 2))
    # Menu
    menu = pygame.Rect(W - 120, 8, 112, 76)
    lib.nine_slice("window").draw(screen, menu)
    for i, item in enumerate(("Attack", "Spirit", "Move", "Wait")):
        screen.blit(font.render(item, (255, 255, 255)), (menu.x + 22, menu.y + 9 + i * 15))
    screen.blit(lib.ui_strip("arrow").frame(tick), (menu.x + 8, menu.y + 9))
    dialogue(lib, screen, "le_cain", "Le Cain", "Eiji Asuka. Your blue comet ends here, on the red sands of Mars.")
    return screen


def dialogue(lib: AssetLibrary, screen: pygame.Surface, pid: str, name: str, text: str) -> None:
    box = pygame.Rect(8, H - 88, W - 16, 80)
    lib.nine_slice("window_dialogue").draw(screen, box)
    screen.blit(pygame.transform.scale_by(lib.portrait(pid)[1], 1), (box.x + 8, box.y + 8))
    font = lib.font("small")
    screen.blit(lib.font("bold").render(name, (120, 200, 255), (0, 0, 0)), (box.x + 82, box.y + 10))
    for i, line in enumerate(font.wrap(text, box.w - 100)):
        screen.blit(font.render(line, (255, 255, 255), (10, 10, 30)), (box.x + 82, box.y + 26 + i * 12))


def battle_screen(lib: AssetLibrary) -> pygame.Surface:
    screen = pygame.Surface((W, H))
    bg = lib.ui("title_background")
    screen.blit(bg, (0, 0))
    screen.fill((60, 30, 20), (0, 250, W, 110))
    enemy = pygame.transform.flip(lib.battle_sprite("zakarl_red_power")[0], True, False)
    screen.blit(pygame.transform.scale_by(enemy, 1.5), (40, 90))
    # The player's side stands on the right facing left, so its sprite is flipped.
    hero = pygame.transform.flip(lib.battle_sprite("layzner")[3], True, False)
    screen.blit(pygame.transform.scale_by(hero, 1.5), (430, 90))
    beam = lib.effect("beam")[1]
    for x in range(150, 440, 64):
        screen.blit(pygame.transform.flip(beam, True, False), (x, 178))
    screen.blit(lib.effect("hit_spark")[1], (150, 144))
    screen.blit(lib.effect("explosion")[3], (110, 130))
    digits = lib.effect("digits_critical")
    for i, d in enumerate("3840"):
        screen.blit(digits[int(d)], (120 + i * 18, 90))
    screen.blit(lib.effect("critical")[0], (110, 66))
    dialogue(lib, screen, "eiji", "Eiji", "Layzered Rifle! I won't let you hurt anyone else, Le Cain!")
    return screen


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[2] / "shots")
    args = parser.parse_args()
    pygame.init()
    pygame.display.set_mode((1, 1))
    lib = AssetLibrary(audio=Audio(enabled=False))
    args.out.mkdir(parents=True, exist_ok=True)
    for name, surface in (("mock_map.png", map_screen(lib, 0)), ("mock_battle.png", battle_screen(lib))):
        pygame.image.save(pygame.transform.scale_by(surface, 2), str(args.out / name))
        print(args.out / name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
