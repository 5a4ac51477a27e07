"""mypy (configured in pyproject.toml) finds no error in the packages of game/.

Packages not clean yet are listed in NOT_YET_CLEAN; the test also fails when one of them
has become clean, so the list only shrinks.
"""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from collections import defaultdict

import pytest

from tests.architecture.imports import GAME, module_name
from tests.architecture.test_layers import layer

ROOT = GAME.parent

# Packages (layers, as in test_layers) with known mypy errors, fixed by their owners.
NOT_YET_CLEAN: frozenset[str] = frozenset()

_ERROR = re.compile(r"^(?P<path>[^:\s]+\.py):\d+(?::\d+)?: error: ")


def _mypy_errors() -> dict[str, list[str]]:
    """mypy's error lines over the whole of game/, by package."""
    if importlib.util.find_spec("mypy") is None:
        pytest.skip("mypy is not installed (it comes with the test extra)")
    out = subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", "pyproject.toml", "--no-error-summary", "game"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    # 0: clean, 1: errors found; anything else is mypy failing to run (bad config, crash).
    assert out.returncode in (0, 1), out.stdout + out.stderr
    errors: dict[str, list[str]] = defaultdict(list)
    for line in out.stdout.splitlines():
        match = _ERROR.match(line)
        if match:
            errors[layer(module_name((ROOT / match["path"]).resolve()))].append(line)
    assert out.returncode == 0 or errors, out.stdout + out.stderr
    return errors


@pytest.fixture(scope="module")
def mypy_errors() -> dict[str, list[str]]:
    return _mypy_errors()


def test_mypy_clean_on_every_package_not_listed(mypy_errors: dict[str, list[str]]) -> None:
    found = [line for package, lines in sorted(mypy_errors.items()) if package not in NOT_YET_CLEAN for line in lines]
    assert found == []


def test_listed_packages_are_still_not_clean(mypy_errors: dict[str, list[str]]) -> None:
    clean = sorted(p for p in NOT_YET_CLEAN if not mypy_errors.get(p))
    assert clean == [], f"mypy is clean on {clean}: remove them from NOT_YET_CLEAN"


def test_listed_packages_exist() -> None:
    packages = {layer(module_name(p)) for p in GAME.rglob("*.py")}
    assert packages >= NOT_YET_CLEAN
