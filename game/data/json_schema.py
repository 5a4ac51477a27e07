"""JSON Schema for each data file kind, so editors (e.g. VS Code with the YAML extension)
can complete keys and flag mistakes while a modder types. `run_game.py schema DIR`
writes them; `docs/schema/` holds the committed copies (a test keeps them current)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from game.data.fields import ID_PATTERN
from game.data.growth_schema import Part
from game.data.scenario_schema import ScenarioSpec
from game.data.schema import Ability, ModManifest, Pilot, Rules, Skill, Spirit, Status, Terrain, Unit

DRAFT = "https://json-schema.org/draft/2020-12/schema"
_DELETE = {
    "description": "ids of entries to remove (in a mod)",
    "anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}],
}


def _entry(model: type[BaseModel], *, id_optional: bool) -> tuple[dict[str, Any], dict[str, Any]]:
    schema = model.model_json_schema()
    defs = schema.pop("$defs", {})
    if id_optional and "required" in schema:
        schema["required"] = [r for r in schema["required"] if r != "id"]
    return schema, defs


def _file(model: type[BaseModel], title: str, *, id_optional: bool = True) -> dict[str, Any]:
    entry, defs = _entry(model, id_optional=id_optional)
    out: dict[str, Any] = {"$schema": DRAFT, **entry, "title": title}
    if defs:
        out["$defs"] = defs
    return out


def _mapping_file(model: type[BaseModel], title: str, description: str) -> dict[str, Any]:
    entry, defs = _entry(model, id_optional=True)
    out: dict[str, Any] = {
        "$schema": DRAFT,
        "title": title,
        "description": description,
        "type": "object",
        "propertyNames": {"pattern": ID_PATTERN},
        "properties": {"delete": _DELETE},
        "additionalProperties": entry,
    }
    if defs:
        out["$defs"] = defs
    return out


def schemas() -> dict[str, dict[str, Any]]:
    """File name -> JSON Schema, for every kind of data file."""
    return {
        "unit.schema.json": _file(Unit, "units/<id>.yaml: one unit"),
        "pilot.schema.json": _file(Pilot, "units/pilots/<id>.yaml: one pilot"),
        "rules.schema.json": _file(Rules, "units/system/rules.yaml: the rules constants"),
        "terrain.schema.json": _mapping_file(Terrain, "units/system/terrain.yaml", "terrain types by id"),
        "spirits.schema.json": _mapping_file(Spirit, "units/system/spirits.yaml", "spirit commands by id"),
        "skills.schema.json": _mapping_file(Skill, "units/system/skills.yaml", "pilot skills by id"),
        "abilities.schema.json": _mapping_file(Ability, "units/system/abilities.yaml", "unit abilities by id"),
        "statuses.schema.json": _mapping_file(Status, "units/system/statuses.yaml", "statuses by id"),
        "parts.schema.json": _mapping_file(Part, "units/system/parts.yaml", "skill parts and growth bonuses by id"),
        "mod.schema.json": _file(ModManifest, "mod.yaml: a mod's manifest", id_optional=False),
        "scenario.schema.json": _file(ScenarioSpec, "maps/<id>/scenario.yaml: a scenario", id_optional=False),
    }


def render(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def write_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in schemas().items():
        path = folder / name
        path.write_text(render(schema), encoding="utf-8")
        written.append(path)
    return written
