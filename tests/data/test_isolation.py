"""pydantic lives in game.data only; the engine stays free of it."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path


def test_only_game_data_imports_pydantic(repo: Path) -> None:
    offenders = []
    for path in (repo / "game").rglob("*.py"):
        rel = path.relative_to(repo).as_posix()
        if rel.startswith("game/data/"):
            continue
        if re.search(r"^\s*(from|import)\s+pydantic", path.read_text(encoding="utf-8"), re.MULTILINE):
            offenders.append(rel)
    assert offenders == []


def test_loading_game_data_leaves_core_pure(repo: Path) -> None:
    code = (
        "import sys; import game.core, game.core.headless;"
        "bad = [m for m in ('pydantic', 'yaml', 'pygame') if m in sys.modules]; print(bad); sys.exit(bool(bad))"
    )
    assert subprocess.run([sys.executable, "-c", code], cwd=repo, check=False).returncode == 0
