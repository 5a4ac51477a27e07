"""Every character the shipped text uses is in every font, and no glyph is empty or a filled
block (the bold "m" once was: "Grei▮kaiser")."""

from __future__ import annotations

import ast
import json
from collections.abc import Iterator

import pygame
import pytest
import yaml

from tests.assets.conftest import ASSETS

REPO = ASSETS.parent
FONTS = ("small", "bold", "large")


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _strings(k)
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


def shipped_text() -> dict[str, str]:
    """Every character of the shipped data and scenarios and of the window's own string
    literals, with one place it comes from."""
    where: dict[str, str] = {}
    files = [*sorted((REPO / "units").rglob("*.yaml")), *sorted((REPO / "maps").glob("*/scenario.yaml"))]
    for path in files:
        for text in _strings(yaml.safe_load(path.read_text(encoding="utf-8"))):
            for c in text:
                where.setdefault(c, f"{path.relative_to(REPO)}: {text[:40]!r}")
    for path in sorted((REPO / "game/ui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                for c in node.value:
                    where.setdefault(c, f"{path.relative_to(REPO)}: {node.value[:40]!r}")
    return {c: w for c, w in where.items() if c not in "\n\t\r"}


def font_meta(name: str) -> dict[str, object]:
    return json.loads((ASSETS / "fonts" / f"{name}.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", FONTS)
def test_every_character_of_the_shipped_text_is_in_the_font(name: str) -> None:
    chars = set(str(font_meta(name)["chars"]))
    missing = {c: w for c, w in shipped_text().items() if c not in chars}
    assert missing == {}, f"{name} has no glyph for: " + "; ".join(f"{c!r} ({w})" for c, w in missing.items())


def glyph_masks(name: str) -> dict[str, list[list[bool]]]:
    meta = font_meta(name)
    sheet = pygame.image.load(str(ASSETS / "fonts" / f"{name}.png"))
    cw, ch = meta["cell"]  # type: ignore[misc]
    columns = int(meta["columns"])  # type: ignore[call-overload]
    out = {}
    for i, c in enumerate(str(meta["chars"])):
        x0, y0 = (i % columns) * cw, (i // columns) * ch
        out[c] = [[sheet.get_at((x0 + x, y0 + y)).a > 0 for x in range(cw)] for y in range(ch)]
    return out


def fill_ratio(mask: list[list[bool]]) -> tuple[float, int, int]:
    """Ink over the glyph's bounding box, and the box's size."""
    cells = [(x, y) for y, row in enumerate(mask) for x, ink in enumerate(row) if ink]
    if not cells:
        return 0.0, 0, 0
    xs, ys = [x for x, _ in cells], [y for _, y in cells]
    w, h = max(xs) - min(xs) + 1, max(ys) - min(ys) + 1
    return len(cells) / (w * h), w, h


@pytest.mark.parametrize("name", FONTS)
def test_no_glyph_is_empty_or_a_filled_block(name: str) -> None:
    scale = 2 if name == "large" else 1
    bad = []
    for c, mask in glyph_masks(name).items():
        ratio, w, h = fill_ratio(mask)
        if c == " ":
            assert ratio == 0
        elif ratio == 0:
            bad.append(f"{c!r} is empty")
        elif w >= 3 * scale and h >= 3 * scale and ratio >= 0.9:
            bad.append(f"{c!r} is a filled {w}x{h} block")
    assert bad == []


@pytest.mark.parametrize("name", FONTS)
def test_letters_and_digits_look_different_from_each_other(name: str) -> None:
    masks = glyph_masks(name)
    seen: dict[str, str] = {}
    for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789":
        key = "".join("".join("#" if i else "." for i in row) for row in masks[c])
        assert key not in seen, f"{c!r} and {seen.get(key)!r} are drawn the same in {name}"
        seen[key] = c


def test_the_block_check_sees_a_block() -> None:
    assert fill_ratio([[True] * 6] * 5)[0] == 1.0
    assert fill_ratio([[True, False, True, False, True]] * 5)[0] < 0.9
