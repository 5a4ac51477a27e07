"""Dialogue lines as shown: speakers named as people, not ids."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from game.core.defs import Definitions


def speaker_name(defs: Definitions, speaker: str) -> str:
    """A pilot's name for a pilot id ("eiji" -> "Eiji Asuka"); other ids are title-cased."""
    pilot = defs.pilots.get(speaker)
    if pilot is not None:
        return pilot.name
    if speaker and speaker == speaker.lower() and " " not in speaker:
        return speaker.replace("_", " ").title()
    return speaker


def display_lines(defs: Definitions, lines: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for line in lines:
        shown = dict(line)
        speaker = str(line.get("speaker") or "")
        shown["speaker"] = speaker_name(defs, speaker)
        out.append(shown)
    return out


def reflow(text: str) -> str:
    """Join the single line breaks of YAML-wrapped prose; blank lines stay paragraph breaks."""
    return re.sub(r"(?<!\n)\n(?!\n)", " ", text.strip()).replace("\n\n", "\n")
