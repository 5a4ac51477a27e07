"""The simulator's modules import one another in one direction only (function-level
imports included): value types, then the simulator, then the batch runner, then simulate."""

from __future__ import annotations

from tests.architecture.imports import graph


def test_no_import_cycle_in_the_simulator() -> None:
    edges: dict[str, set[str]] = {}
    for imp in graph():
        if imp.source.startswith("game.sim.") and imp.target.startswith("game.sim."):
            edges.setdefault(imp.source, set()).add(imp.target)

    def reaches(start: str, goal: str, seen: set[str]) -> bool:
        for nxt in edges.get(start, ()):
            if nxt == goal or (nxt not in seen and (seen.add(nxt) or reaches(nxt, goal, seen))):
                return True
        return False

    cycles = sorted(m for m in edges if reaches(m, m, set()))
    assert cycles == [], f"modules on an import cycle: {cycles}"


def test_the_package_exports_load_on_first_use() -> None:
    """`validate` imports game.sim.ai_blocks: that must not start the batch machinery."""
    import subprocess
    import sys

    probe = (
        "import sys, types, game.sim.ai_blocks\n"
        "print(sorted(m for m in ('game.sim.batch', 'game.sim.runner', 'multiprocessing') if m in sys.modules))\n"
        "import game.sim, game.sim.simulate\n"
        "print(all(getattr(game.sim, n) is not None for n in game.sim.__all__))\n"
        "from game.sim import simulate\n"
        "print(isinstance(simulate, types.FunctionType))\n"  # the function, not its module
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["[]", "True", "True"], done.stdout + done.stderr
