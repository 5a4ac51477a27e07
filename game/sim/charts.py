"""Charts for simulation reports, drawn with pygame on off-screen surfaces and saved as PNG.

Three charts for a batch: win rate per side with its 95% interval, the distribution of
battle lengths, and the mean damage each unit dealt. Each takes one or more labelled
batches (a baseline and a variant are drawn side by side). A sweep has one more: the
player team's win rate per variant. Only pygame's surfaces, drawing and default font are
used: no window, no display driver.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from game.sim.summary import UNDECIDED, Summary

if TYPE_CHECKING:
    from game.sim.sweep import SweepResult

RGB = tuple[int, int, int]
WIDTH = 900
BACKGROUND = (250, 250, 247)
INK = (30, 32, 40)
GRID = (214, 216, 222)
FAINT = (120, 124, 136)
# One colour per batch (baseline, variant, ...).
SERIES = ((52, 104, 178), (214, 120, 40), (60, 150, 90), (150, 70, 160))
SIDE_COLOURS = {"player": (52, 104, 178), "ally": (70, 160, 200), "enemy": (196, 60, 56), "neutral": (200, 170, 40)}
MARGIN_TOP = 56
MARGIN_BOTTOM = 48


@dataclass(frozen=True)
class Series:
    label: str
    summary: Summary
    turns: tuple[int, ...]  # every run's length


class _Canvas:
    """A white surface with a title, fonts and a few drawing helpers."""

    def __init__(self, height: int, title: str) -> None:
        import os

        os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
        import pygame

        pygame.font.init()
        self.pg = pygame
        self.surface = pygame.Surface((WIDTH, height))
        self.surface.fill(BACKGROUND)
        self.font = pygame.font.Font(None, 22)
        self.small = pygame.font.Font(None, 18)
        self.big = pygame.font.Font(None, 30)
        self.text(title, (20, 16), self.big)

    def text(
        self,
        s: str,
        pos: tuple[float, float],
        font: Any = None,
        colour: tuple[int, int, int] = INK,
        anchor: str = "topleft",
    ) -> None:
        img = (font or self.font).render(s, True, colour)
        rect = img.get_rect(**{anchor: (int(pos[0]), int(pos[1]))})
        self.surface.blit(img, rect)

    def rect(self, colour: tuple[int, int, int], box: tuple[float, float, float, float], width: int = 0) -> None:
        x, y, w, h = box
        self.pg.draw.rect(
            self.surface, colour, self.pg.Rect(round(x), round(y), max(1, round(w)), max(1, round(h))), width
        )

    def line(
        self, colour: tuple[int, int, int], a: tuple[float, float], b: tuple[float, float], width: int = 1
    ) -> None:
        self.pg.draw.line(self.surface, colour, (round(a[0]), round(a[1])), (round(b[0]), round(b[1])), width)

    def legend(self, series: Sequence[Series]) -> None:
        if len(series) < 2:
            return
        x = WIDTH - 20
        for i, s in reversed(list(enumerate(series))):
            img = self.font.render(s.label, True, INK)
            x -= img.get_width()
            self.surface.blit(img, (x, 20))
            x -= 22
            self.rect(SERIES[i % len(SERIES)], (x, 22, 14, 14))
            x -= 18

    def save(self, path: Path) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.pg.image.save(self.surface, str(path))
        return path


def _nice_step(top: float, ticks: int = 5) -> float:
    """A round tick step (1, 2 or 5 times a power of ten) giving about `ticks` ticks."""
    if top <= 0:
        return 1.0
    raw = top / ticks
    base = 10.0 ** math.floor(math.log10(raw))
    return next(base * m for m in (1, 2, 5, 10) if base * m >= raw)


def win_rate_chart(series: Sequence[Series], path: Path) -> Path:
    """Horizontal bars: the player team's win rate and each side's, with 95% whiskers."""
    first = series[0].summary
    rows = ["player team", *(k for k in first.wins if k != UNDECIDED)]
    if any(s.summary.wins[UNDECIDED].k for s in series):
        rows.append(UNDECIDED)
    bar_h = 22
    group_h = bar_h * len(series) + 14
    height = MARGIN_TOP + group_h * len(rows) + MARGIN_BOTTOM
    c = _Canvas(height, "Win rate (95% Wilson interval)")
    c.legend(series)
    left, right = 170, WIDTH - 100
    span = right - left
    for pct in range(0, 101, 10):
        x = left + span * pct / 100
        c.line(GRID, (x, MARGIN_TOP - 6), (x, height - MARGIN_BOTTOM + 4))
        c.text(f"{pct}%", (x, height - MARGIN_BOTTOM + 8), c.small, FAINT, "midtop")
    for r, row in enumerate(rows):
        top = MARGIN_TOP + r * group_h
        c.text(row, (left - 12, top + group_h // 2 - 4), c.font, INK, "midright")
        for i, s in enumerate(series):
            rate = s.summary.player_wins if row == "player team" else s.summary.wins[row]
            y = top + i * bar_h
            colour = SERIES[i % len(SERIES)] if len(series) > 1 else SIDE_COLOURS.get(row, SERIES[0])
            c.rect(colour, (left, y + 3, span * rate.value, bar_h - 6))
            lo, hi = left + span * rate.low, left + span * rate.high
            mid = y + bar_h / 2
            c.line(INK, (lo, mid), (hi, mid), 2)
            c.line(INK, (lo, mid - 6), (lo, mid + 6), 2)
            c.line(INK, (hi, mid - 6), (hi, mid + 6), 2)
            c.text(f"{rate.value * 100:.1f}%", (right + 12, y + 4), c.small, INK)
    return c.save(path)


def turn_histogram(series: Sequence[Series], path: Path) -> Path:
    """How many runs ended on each turn (side by side bars per batch)."""
    counts = [Counter(s.turns) for s in series]
    lo = min(min(s.turns) for s in series)
    hi = max(max(s.turns) for s in series)
    turns = list(range(lo, hi + 1))
    top = max(max(cnt.values()) for cnt in counts)
    step = _nice_step(top)
    top_axis = step * (int(top / step) + 1)
    height = 420
    c = _Canvas(height, "Battle length: number of runs ending on each turn")
    c.legend(series)
    left, right = 70, WIDTH - 30
    bottom = height - MARGIN_BOTTOM
    plot_h = bottom - MARGIN_TOP
    tick = 0.0
    while tick <= top_axis + 1e-9:
        y = bottom - plot_h * tick / top_axis
        c.line(GRID, (left, y), (right, y))
        c.text(f"{tick:g}", (left - 8, y), c.small, FAINT, "midright")
        tick += step
    slot = (right - left) / len(turns)
    bar_w = slot * 0.8 / len(series)
    for t_i, turn in enumerate(turns):
        x0 = left + t_i * slot + slot * 0.1
        for i, cnt in enumerate(counts):
            n = cnt.get(turn, 0)
            h = plot_h * n / top_axis
            c.rect(SERIES[i % len(SERIES)], (x0 + i * bar_w, bottom - h, bar_w - 1, h))
        c.text(str(turn), (left + t_i * slot + slot / 2, bottom + 8), c.small, INK, "midtop")
    c.line(INK, (left, bottom), (right, bottom), 2)
    c.text("turn the battle ended on", ((left + right) // 2, height - 20), c.small, FAINT, "midtop")
    return c.save(path)


def damage_chart(series: Sequence[Series], path: Path) -> Path:
    """Mean damage each unit dealt per run it took part in (bars coloured by side)."""
    order: list[str] = []
    labels: dict[str, str] = {}
    sides: dict[str, str] = {}
    for s in series:
        for u in s.summary.units:
            if u.uid not in labels:
                order.append(u.uid)
                labels[u.uid] = f"{u.uid} ({u.name})"
                sides[u.uid] = u.side
    values = [{u.uid: u.damage for u in s.summary.units} for s in series]
    bar_h = 18
    group_h = bar_h * len(series) + 8
    height = MARGIN_TOP + group_h * max(1, len(order)) + MARGIN_BOTTOM
    c = _Canvas(height, "Damage dealt per unit (mean per run it took part in)")
    c.legend(series)
    left, right = 300, WIDTH - 90
    top_value = max((v for d in values for v in d.values()), default=0.0)
    step = _nice_step(top_value)
    top_axis = step * (int(top_value / step) + 1) if top_value else 1.0
    tick = 0.0
    while tick <= top_axis + 1e-9:
        x = left + (right - left) * tick / top_axis
        c.line(GRID, (x, MARGIN_TOP - 6), (x, height - MARGIN_BOTTOM + 4))
        c.text(f"{tick:g}", (x, height - MARGIN_BOTTOM + 8), c.small, FAINT, "midtop")
        tick += step
    for r, uid in enumerate(order):
        top = MARGIN_TOP + r * group_h
        c.text(labels[uid], (left - 12, top + group_h // 2 - 4), c.small, SIDE_COLOURS.get(sides[uid], INK), "midright")
        for i, d in enumerate(values):
            v = d.get(uid)
            if v is None:
                continue
            colour = SERIES[i % len(SERIES)] if len(series) > 1 else SIDE_COLOURS.get(sides[uid], SERIES[0])
            w = (right - left) * v / top_axis
            c.rect(colour, (left, top + i * bar_h + 2, w, bar_h - 4))
            c.text(f"{v:.0f}", (left + w + 6, top + i * bar_h + 2), c.small, INK)
    return c.save(path)


def sweep_chart(result: SweepResult, path: Path) -> Path:
    """The player team's win rate per variant of a sweep, with 95% whiskers: a line over the
    values for one numeric sweep, one row per variant for a grid or a list of words."""
    numeric = len(result.sweeps) == 1 and all(_is_number(v) for v in result.sweeps[0].values)
    if numeric and len(result.variants) > 1:
        return _sweep_line(result, path)
    return _sweep_rows(result, path)


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _whisker(c: _Canvas, a: tuple[float, float], b: tuple[float, float], vertical: bool) -> None:
    c.line(INK, a, b, 2)
    for x, y in (a, b):
        if vertical:
            c.line(INK, (x - 6, y), (x + 6, y), 2)
        else:
            c.line(INK, (x, y - 6), (x, y + 6), 2)


def _sweep_line(result: SweepResult, path: Path) -> Path:
    sweep = result.sweeps[0]
    xs = [float(v) for v in sweep.values]
    height = 440
    c = _Canvas(height, f"Player team win rate by {sweep.path} (95% Wilson interval)")
    left, right = 80, WIDTH - 40
    bottom = height - MARGIN_BOTTOM - 14
    plot_h = bottom - MARGIN_TOP
    for pct in range(0, 101, 20):
        y = bottom - plot_h * pct / 100
        c.line(GRID, (left, y), (right, y))
        c.text(f"{pct}%", (left - 8, y), c.small, FAINT, "midright")
    lo_x, hi_x = min(xs), max(xs)

    def x_of(v: float) -> float:
        return left + 20 + (right - left - 40) * (v - lo_x) / (hi_x - lo_x)

    points = []
    for v, variant in zip(sweep.values, result.variants, strict=True):
        rate = variant.report.summary.player_wins
        x = x_of(float(v))
        points.append((x, bottom - plot_h * rate.value))
        _whisker(c, (x, bottom - plot_h * rate.low), (x, bottom - plot_h * rate.high), vertical=True)
        c.text(v, (x, bottom + 8), c.small, INK, "midtop")
    for a, b in itertools.pairwise(points):
        c.line(SERIES[0], a, b, 3)
    for x, y in points:
        c.rect(SERIES[0], (x - 4, y - 4, 9, 9))
    c.line(INK, (left, bottom), (right, bottom), 2)
    c.text(sweep.path, ((left + right) / 2, height - 24), c.small, FAINT, "midtop")
    return c.save(path)


def _sweep_rows(result: SweepResult, path: Path) -> Path:
    bar_h = 24
    height = MARGIN_TOP + bar_h * len(result.variants) + MARGIN_BOTTOM
    c = _Canvas(height, "Player team win rate per variant (95% Wilson interval)")
    label_w = max(c.small.size(v.label)[0] for v in result.variants)
    left = min(WIDTH // 2, max(170, label_w + 30))
    right = WIDTH - 90
    span = right - left
    for pct in range(0, 101, 10):
        x = left + span * pct / 100
        c.line(GRID, (x, MARGIN_TOP - 6), (x, height - MARGIN_BOTTOM + 4))
        c.text(f"{pct}%", (x, height - MARGIN_BOTTOM + 8), c.small, FAINT, "midtop")
    for i, variant in enumerate(result.variants):
        rate = variant.report.summary.player_wins
        y = MARGIN_TOP + i * bar_h
        c.text(variant.label, (left - 12, y + bar_h / 2), c.small, INK, "midright")
        c.rect(SERIES[0], (left, y + 4, span * rate.value, bar_h - 8))
        mid = y + bar_h / 2
        _whisker(c, (left + span * rate.low, mid), (left + span * rate.high, mid), vertical=False)
        c.text(f"{rate.value * 100:.1f}%", (right + 12, y + 5), c.small, INK)
    return c.save(path)
