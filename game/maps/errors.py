"""The one error a map file problem raises: it names the file and says what is wrong."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from pathlib import Path


class MapError(ValueError):
    """A `.tmx` or `.tsx` file that cannot be used as a battle map."""

    def __init__(self, path: Path | str, problem: str) -> None:
        self.path = Path(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


def suggest(word: str, choices: Iterable[str]) -> str:
    """' (did you mean x?)' when a close match exists, else ''."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""
