"""Never a traceback: whatever a data file holds, loading reports problems and carries on."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.data import load_game_data
from game.data.schema import Pilot, Unit, Weapon
from tests.data.conftest import REPO

FIELDS = sorted(set(Unit.model_fields) | set(Pilot.model_fields) | set(Weapon.model_fields) | {"hit", "valor", "when"})
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=12),
    st.sampled_from(["A/A/C/A", "S", "beam", "overheat", "focus", "-", "1.1", "3/4", "[2, 6]"]),
)
keys = st.one_of(st.sampled_from(FIELDS), st.text(min_size=1, max_size=8))
values = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(keys, inner, max_size=5)),
    max_leaves=20,
)


def _minimal_game(root: Path) -> None:
    shutil.copytree(REPO / "units/system", root / "units/system")
    (root / "units/pilots").mkdir(parents=True)
    shutil.copy(REPO / "units/layzner.yaml", root / "units/layzner.yaml")
    shutil.copy(REPO / "units/pilots/eiji.yaml", root / "units/pilots/eiji.yaml")


def _load(root: Path) -> None:
    result = load_game_data(root, user_mods=False, check_assets_exist=False)
    assert result.definitions is not None
    result.format_problems()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(field=st.sampled_from(sorted(Unit.model_fields)), value=values)
def test_any_value_in_any_unit_field(field: str, value: object) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        _minimal_game(root)
        unit = yaml.safe_load((REPO / "units/layzner.yaml").read_text())
        unit[field] = value
        (root / "units/layzner.yaml").write_text(yaml.safe_dump(unit))
        _load(root)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(weapon_field=st.sampled_from(sorted(Weapon.model_fields)), value=values, effect=values)
def test_any_value_in_weapons_and_effects(weapon_field: str, value: object, effect: object) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        _minimal_game(root)
        unit = yaml.safe_load((REPO / "units/layzner.yaml").read_text())
        unit["weapons"][3][weapon_field] = value
        (root / "units/layzner.yaml").write_text(yaml.safe_dump(unit))
        spirits = yaml.safe_load((REPO / "units/system/spirits.yaml").read_text())
        spirits["focus"]["effects"] = [effect]
        (root / "units/system/spirits.yaml").write_text(yaml.safe_dump(spirits))
        _load(root)


@settings(max_examples=40, deadline=None)
@given(document=values)
def test_any_document_as_a_pilot_and_as_rules(document: object) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        _minimal_game(root)
        (root / "units/pilots/eiji.yaml").write_text(yaml.safe_dump(document))
        (root / "units/system/rules.yaml").write_text(yaml.safe_dump(document))
        _load(root)


@settings(max_examples=40, deadline=None)
@given(text=st.text(max_size=200))
def test_any_text_as_a_yaml_file(text: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        _minimal_game(root)
        (root / "units/layzner.yaml").write_text(text, encoding="utf-8", errors="surrogatepass")
        _load(root)
