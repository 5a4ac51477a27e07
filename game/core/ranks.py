"""Terrain ranks (S/A/B/C/D/-) and the environments they apply to (RULES §2)."""

from __future__ import annotations

from dataclasses import dataclass

ENVIRONMENTS: tuple[str, ...] = ("air", "land", "sea", "space")
RANK_LETTERS: tuple[str, ...] = ("S", "A", "B", "C", "D", "-")
CLOSED = "-"


@dataclass(frozen=True, slots=True)
class Ranks:
    """One rank letter per environment; `-` means closed (cannot enter / cannot use)."""

    air: str = "A"
    land: str = "A"
    sea: str = "A"
    space: str = "A"

    def __post_init__(self) -> None:
        for env in ENVIRONMENTS:
            letter = getattr(self, env)
            if letter not in RANK_LETTERS:
                raise ValueError(f"rank for {env} must be one of {'/'.join(RANK_LETTERS)}, not {letter!r}")

    def get(self, env: str) -> str:
        return getattr(self, env)

    def allows(self, env: str) -> bool:
        return self.get(env) != CLOSED

    @classmethod
    def parse(cls, text: str) -> Ranks:
        """`"A/A/C/A"` or `"AACA"` in Air/Land/Sea/Space order."""
        letters = text.replace("/", "").replace(" ", "")
        if len(letters) != 4:
            raise ValueError(f"ranks need four letters (Air/Land/Sea/Space), got {text!r}")
        return cls(*letters.upper())

    def __str__(self) -> str:
        return "/".join(getattr(self, env) for env in ENVIRONMENTS)
