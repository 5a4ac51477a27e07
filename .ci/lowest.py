"""Print a pip constraints file pinning every dependency in pyproject.toml (the game's and the
test extra's) to the lowest version it allows, for the CI run with the oldest releases."""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

project = tomllib.loads((Path(__file__).resolve().parent.parent / "pyproject.toml").read_text())["project"]
requirements = [*project["dependencies"], *project["optional-dependencies"]["test"]]
for requirement in requirements:
    match = re.match(r"^\s*([A-Za-z0-9_.\-]+)\s*(?:\[[^\]]*\])?\s*>=\s*([0-9][^,;\s]*)", requirement)
    if match is None:
        sys.exit(f"no lower bound in {requirement!r}: pin one in pyproject.toml")
    print(f"{match.group(1)}=={match.group(2)}")
