"""Generators for every shipped art and sound asset of Blue Comet Tactics.

Each module builds one kind of asset from code only (no inputs), so the same script always
writes the same bytes. `generate.py` beside this package runs them all.
"""
