"""The README's example tests for test writers run, and pass, as written."""

from __future__ import annotations

import re
from pathlib import Path

README = Path(__file__).resolve().parents[2] / "README.md"


def test_the_readme_examples_pass() -> None:
    text = README.read_text(encoding="utf-8")
    section = text[text.index("## For test writers") : text.index("### The rules engine underneath")]
    (code,) = re.findall(r"```python\n(.*?)```", section, flags=re.S)
    namespace: dict[str, object] = {}
    exec(compile(code, str(README), "exec"), namespace)
    tests = [f for name, f in namespace.items() if name.startswith("test_") and callable(f)]
    assert len(tests) == 2
    for test in tests:
        test()
