"""The JSON Schemas modders' editors use: committed, current, and matching the shipped data."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from game.data.json_schema import render, schemas

FILES = {
    "unit.schema.json": "units/*.yaml",
    "pilot.schema.json": "units/pilots/*.yaml",
    "rules.schema.json": "units/system/rules.yaml",
    "terrain.schema.json": "units/system/terrain.yaml",
    "spirits.schema.json": "units/system/spirits.yaml",
    "skills.schema.json": "units/system/skills.yaml",
    "abilities.schema.json": "units/system/abilities.yaml",
    "statuses.schema.json": "units/system/statuses.yaml",
    "mod.schema.json": "docs/examples/mods/*/mod.yaml",
    "scenario.schema.json": "maps/*/scenario.yaml",
}


def test_committed_schemas_are_up_to_date(repo: Path) -> None:
    generated = schemas()
    assert set(generated) == set(FILES)
    committed = {p.name for p in (repo / "docs/schema").glob("*.json")}
    assert committed == set(generated), "run: python run_game.py schema"
    for name, schema in generated.items():
        text = (repo / "docs/schema" / name).read_text(encoding="utf-8")
        assert text == render(schema), f"docs/schema/{name} is stale; run: python run_game.py schema"


@pytest.mark.parametrize("name", sorted(FILES))
def test_shipped_files_match_their_schema(repo: Path, name: str) -> None:
    schema = schemas()[name]
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    files = sorted(repo.glob(FILES[name]))
    assert files
    for path in files:
        # What an editor sees: the YAML as JSON (mapping keys become strings).
        data = json.loads(json.dumps(yaml.safe_load(path.read_text(encoding="utf-8"))))
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]
        assert errors == [], f"{path}: {errors}"


def test_schemas_catch_mistakes() -> None:
    validator = jsonschema.Draft202012Validator(schemas()["unit.schema.json"])
    unit = {"name": "X", "hp": 1, "en": 1, "mobility": 1, "armor": 1, "move": 1, "ranks": "A/A/A/A"}
    assert list(validator.iter_errors(unit)) == []
    assert list(validator.iter_errors({**unit, "mobilty": 3}))
    assert list(validator.iter_errors({**unit, "ranks": "A/A/X/A"}))
    effects = jsonschema.Draft202012Validator(schemas()["spirits.schema.json"])
    spirit = {"focus": {"name": "Focus", "effects": [{"hit": 30}]}}
    assert list(effects.iter_errors(spirit)) == []
    assert list(effects.iter_errors({"focus": {"name": "Focus", "effects": [{"hitt": 30}]}}))
