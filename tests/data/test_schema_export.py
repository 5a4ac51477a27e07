"""The JSON Schemas modders' editors use: committed, current, and matching the shipped data."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

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
    "parts.schema.json": "units/system/parts.yaml",
    "mod.schema.json": "docs/examples/mods/*/mod.yaml",
    "scenario.schema.json": "maps/*/scenario.yaml",
}


def fields_of(schema: dict[str, Any]) -> set[str]:
    """Every property path a schema describes (`weapons[].power`), `!` marking required ones,
    with $refs followed: what a modder's editor offers, whatever pydantic release wrote it
    (releases differ in titles, defaults and how they spell optional types)."""
    defs = schema.get("$defs", {})
    out: set[str] = set()

    def walk(node: object, path: str, seen: frozenset[str]) -> None:
        if isinstance(node, list):
            for item in node:
                walk(item, path, seen)
            return
        if not isinstance(node, dict):
            return
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/"):
            name = ref.removeprefix("#/$defs/")
            if name not in seen:
                walk(defs.get(name), path, seen | {name})
        required = set(node.get("required", ()))
        for key, value in node.get("properties", {}).items():
            child = f"{path}.{key}" if path else key
            out.add(child + ("!" if key in required else ""))
            walk(value, child, seen)
        for key in ("items", "additionalProperties", "anyOf", "oneOf", "allOf", "prefixItems"):
            if key in node:
                walk(node[key], f"{path}[]" if key in ("items", "prefixItems", "additionalProperties") else path, seen)

    walk(schema, "", frozenset())
    return out


def test_committed_schemas_are_up_to_date(repo: Path) -> None:
    generated = schemas()
    assert set(generated) == set(FILES)
    committed = {p.name for p in (repo / "docs/schema").glob("*.json")}
    assert committed == set(generated), "run: python run_game.py schema"
    for name, schema in generated.items():
        written = json.loads((repo / "docs/schema" / name).read_text(encoding="utf-8"))
        expected = fields_of(json.loads(render(schema)))
        assert expected, name
        missing, extra = expected - fields_of(written), fields_of(written) - expected
        assert not missing and not extra, (
            f"docs/schema/{name} is stale ({missing=}, {extra=}); run: python run_game.py schema"
        )


def test_the_field_walk_sees_a_changed_schema() -> None:
    schema = json.loads(render(schemas()["unit.schema.json"]))
    before = fields_of(schema)
    assert {"name!", "hp!", "weapons[].power!"} <= before
    schema["properties"]["mobilty"] = schema["properties"].pop("mobility")
    assert fields_of(schema) != before


@pytest.mark.parametrize("name", sorted(FILES))
@pytest.mark.parametrize("source", ["generated", "committed"])
def test_shipped_files_match_their_schema(repo: Path, name: str, source: str) -> None:
    if source == "generated":
        schema = schemas()[name]
    else:
        schema = json.loads((repo / "docs/schema" / name).read_text(encoding="utf-8"))
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
