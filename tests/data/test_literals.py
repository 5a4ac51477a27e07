"""The closed vocabularies the schema spells out for the type checker stay those of the rules."""

from __future__ import annotations

from typing import get_args

from game.core.ranks import CLOSED, ENVIRONMENTS, RANK_LETTERS
from game.data.fields import Environment, GradeLetter, RankLetter


def test_rank_and_environment_literals_match_the_rules_engine() -> None:
    assert get_args(RankLetter) == RANK_LETTERS
    assert get_args(GradeLetter) == tuple(r for r in RANK_LETTERS if r != CLOSED)
    assert get_args(Environment) == ENVIRONMENTS
