"""The scenario YAML schema (pydantic, so it lives in the data layer; `game.scenario`
compiles the validated models). See docs/SCENARIOS.md for the modder's guide.

Conditions and actions are one-key mappings (`{destroyed: gale}`, `{spawn: [...]}`); the key
picks the model, so a typo in the key gets one focused error listing the known keys.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag, ValidationError, field_validator

from game.data.located import locate
from game.data.problems import Problem, did_you_mean, format_path, show


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# ---- selecting units ----------------------------------------------------------------------------
class SelectFields(Strict):
    """Which units: fields combine with AND; a bare string instead of a mapping is a uid."""

    uid: str | None = None
    side: str | None = None
    unit: str | None = None
    pilot: str | None = None
    tag: str | None = None


Selector = Annotated[str, Field(min_length=1)] | SelectFields


class CountSelect(SelectFields):
    count: int = Field(1, ge=1)


class RegionSelect(SelectFields):
    region: str
    count: int | None = Field(None, ge=1, description="at least this many; all matching units when omitted")


class HpSelect(SelectFields):
    pct: int = Field(ge=0, le=100)


class FlagSpec(Strict):
    name: str
    value: Any = True


# ---- conditions ---------------------------------------------------------------------------------
class TurnCond(Strict):
    """A side's phase (any side when omitted) on `turn`, or every `every` turns from `turn`."""

    turn: int | None = Field(None, ge=1)
    phase: str | None = None
    every: int | None = Field(None, ge=1)


class TurnAtLeastCond(Strict):
    turn_at_least: int = Field(ge=1)


class AfterTurnCond(Strict):
    after_turn: int = Field(ge=0, description="true once turn N is over (N+1 has begun)")


class DefeatedCond(Strict):
    defeated: Selector


class DestroyedCond(Strict):
    destroyed: Selector


class RetreatedCond(Strict):
    retreated: Selector


class GoneCond(Strict):
    gone: Selector


class CapturedCond(Strict):
    captured: str | CountSelect


class InRegionCond(Strict):
    in_region: RegionSelect


class HpAtMostCond(Strict):
    hp_at_most: HpSelect


class HpAtLeastCond(Strict):
    hp_at_least: HpSelect


class AdjacentCond(Strict):
    adjacent: Annotated[list[Selector], Field(min_length=2, max_length=2)]


class FlagCond(Strict):
    flag: str | FlagSpec


class AlwaysCond(Strict):
    always: Literal[True]


class AllCond(Strict):
    all: Annotated[list[Condition], Field(min_length=1)]


class AnyCond(Strict):
    any: Annotated[list[Condition], Field(min_length=1)]


class NotCond(Strict):
    not_: Condition = Field(alias="not")


CONDITION_KEYS: dict[str, type[Strict]] = {
    "turn": TurnCond,
    "turn_at_least": TurnAtLeastCond,
    "after_turn": AfterTurnCond,
    "defeated": DefeatedCond,
    "destroyed": DestroyedCond,
    "retreated": RetreatedCond,
    "gone": GoneCond,
    "captured": CapturedCond,
    "in_region": InRegionCond,
    "hp_at_most": HpAtMostCond,
    "hp_at_least": HpAtLeastCond,
    "adjacent": AdjacentCond,
    "flag": FlagCond,
    "always": AlwaysCond,
    "all": AllCond,
    "any": AnyCond,
    "not": NotCond,
}


def _condition_key(value: Any) -> str | None:
    if isinstance(value, BaseModel):
        for key, model in CONDITION_KEYS.items():
            if type(value) is model:
                return key
        return None
    if not isinstance(value, dict):
        return None
    if "turn" in value or "phase" in value or "every" in value:
        return "turn"
    for key in value:
        if key in CONDITION_KEYS:
            return str(key)
    return None


Condition = Annotated[
    Annotated[TurnCond, Tag("turn")]
    | Annotated[TurnAtLeastCond, Tag("turn_at_least")]
    | Annotated[AfterTurnCond, Tag("after_turn")]
    | Annotated[DefeatedCond, Tag("defeated")]
    | Annotated[DestroyedCond, Tag("destroyed")]
    | Annotated[RetreatedCond, Tag("retreated")]
    | Annotated[GoneCond, Tag("gone")]
    | Annotated[CapturedCond, Tag("captured")]
    | Annotated[InRegionCond, Tag("in_region")]
    | Annotated[HpAtMostCond, Tag("hp_at_most")]
    | Annotated[HpAtLeastCond, Tag("hp_at_least")]
    | Annotated[AdjacentCond, Tag("adjacent")]
    | Annotated[FlagCond, Tag("flag")]
    | Annotated[AlwaysCond, Tag("always")]
    | Annotated[AllCond, Tag("all")]
    | Annotated[AnyCond, Tag("any")]
    | Annotated[NotCond, Tag("not")],
    Discriminator(
        _condition_key,
        custom_error_type="unknown_condition",
        custom_error_message="a condition is a mapping with one of the keys " + ", ".join(CONDITION_KEYS),
    ),
]


# ---- deployments ---------------------------------------------------------------------------------
Position = Annotated[list[int], Field(min_length=2, max_length=2)]


class DeploymentSpec(Strict):
    unit: str
    side: str
    pilot: str | None = None
    at: Position | str | None = Field(None, description="[x, y] or a spawn point; player units may omit it")
    uid: str | None = None
    level: int | None = Field(None, ge=1, le=99)
    will: int | None = Field(None, ge=0, le=300)
    hp_pct: int = Field(100, ge=1, le=100)
    flying: bool | None = None
    tags: list[str] = []
    ai: dict[str, Any] = {}
    upgrades: dict[str, int] = {}


# ---- actions --------------------------------------------------------------------------------------
class LineSpec(Strict):
    speaker: str
    text: str
    portrait: str | None = None  # defaults to the speaker id; write `portrait: null` for none
    expression: str = "neutral"


class RetreatSpec(SelectFields):
    line: LineSpec | None = None


class WillSpec(SelectFields):
    delta: int = Field(ge=-200, le=200)


class SetAISpec(SelectFields):
    ai: dict[str, Any]


class EndSpec(Strict):
    winner: str
    reason: str


class SpawnAction(Strict):
    spawn: Annotated[list[DeploymentSpec], Field(min_length=1)]


class DialogueAction(Strict):
    dialogue: Annotated[list[LineSpec], Field(min_length=1)]


class ObjectivesAction(Strict):
    objectives: str


class RetreatAction(Strict):
    retreat: str | RetreatSpec


class WillAction(Strict):
    change_will: WillSpec


class SetFlagAction(Strict):
    set_flag: str | FlagSpec


class SetAIAction(Strict):
    set_ai: SetAISpec


class WinAction(Strict):
    win: str


class LoseAction(Strict):
    lose: str


class EndAction(Strict):
    end_battle: EndSpec


ACTION_KEYS: dict[str, type[Strict]] = {
    "spawn": SpawnAction,
    "dialogue": DialogueAction,
    "objectives": ObjectivesAction,
    "retreat": RetreatAction,
    "change_will": WillAction,
    "set_flag": SetFlagAction,
    "set_ai": SetAIAction,
    "win": WinAction,
    "lose": LoseAction,
    "end_battle": EndAction,
}


def _action_key(value: Any) -> str | None:
    if isinstance(value, BaseModel):
        for key, model in ACTION_KEYS.items():
            if type(value) is model:
                return key
        return None
    if isinstance(value, dict):
        for key in value:
            if key in ACTION_KEYS:
                return str(key)
    return None


Action = Annotated[
    Annotated[SpawnAction, Tag("spawn")]
    | Annotated[DialogueAction, Tag("dialogue")]
    | Annotated[ObjectivesAction, Tag("objectives")]
    | Annotated[RetreatAction, Tag("retreat")]
    | Annotated[WillAction, Tag("change_will")]
    | Annotated[SetFlagAction, Tag("set_flag")]
    | Annotated[SetAIAction, Tag("set_ai")]
    | Annotated[WinAction, Tag("win")]
    | Annotated[LoseAction, Tag("lose")]
    | Annotated[EndAction, Tag("end_battle")],
    Discriminator(
        _action_key,
        custom_error_type="unknown_action",
        custom_error_message="an action is a mapping with one of the keys " + ", ".join(ACTION_KEYS),
    ),
]


# ---- the scenario --------------------------------------------------------------------------------
class TriggerSpec(Strict):
    id: str
    when: Condition
    do: Annotated[list[Action], Field(min_length=1)]
    repeat: bool = False


class ObjectiveSpec(Strict):
    text: str
    when: Condition
    id: str = ""


class ObjectiveSetSpec(Strict):
    side: str = "player"
    victory: list[ObjectiveSpec] = []
    defeat: list[ObjectiveSpec] = []
    bonus: list[ObjectiveSpec] = []


class SideSpec(Strict):
    id: Literal["player", "ally", "enemy", "neutral"]
    name: str = ""
    team: str = ""


MAX_EFFECT_VALUE = 1_000_000  # far past any modifier; keeps the formulas' numbers finite


class EffectSpec(Strict):
    """A battle-wide modifier (see game/core/effects.py for the keys)."""

    key: str
    value: Annotated[float | int, Field(ge=-MAX_EFFECT_VALUE, le=MAX_EFFECT_VALUE, allow_inf_nan=False)] = 0
    when: dict[str, Any] = {}


class WeatherSpec(Strict):
    name: str
    description: str = ""
    effects: list[EffectSpec] = []


class RegionSpec(Strict):
    rect: Annotated[list[int], Field(min_length=4, max_length=4)] | None = None
    tiles: list[Position] | None = None


class DeploySpec(Strict):
    """Where the player chooses who fights: `units` (uids of player units listed in `units:`)
    compete for `slots` (spawn points or [x, y]); every other player unit always deploys."""

    slots: Annotated[list[Position | str], Field(min_length=1, max_length=64)]
    units: Annotated[list[str], Field(min_length=1, max_length=64)]
    min: int = Field(1, ge=0, description="fewest units the player may send (default 1)")


class ClosingSpec(Strict):
    victory: list[LineSpec] = []
    defeat: list[LineSpec] = []


class ScenarioSpec(Strict):
    id: str = Field(pattern=r"^[a-z0-9_]+$")
    title: str
    order: int | None = None
    location: str = ""  # where and when, for the briefing screen
    briefing: str = ""
    map: str = "map.tmx"
    sides: Annotated[list[SideSpec | Literal["player", "ally", "enemy", "neutral"]], Field(min_length=1)] = [
        "player",
        "enemy",
    ]
    weather: WeatherSpec | None = None
    regions: dict[str, RegionSpec] = {}
    spawn_points: dict[str, Position] = {}
    units: list[DeploymentSpec] = []
    deploy: DeploySpec | None = None
    objectives: dict[str, ObjectiveSetSpec]
    events: list[TriggerSpec] = []
    closing: ClosingSpec = ClosingSpec()

    @field_validator("objectives")
    @classmethod
    def _has_main(cls, v: dict[str, ObjectiveSetSpec]) -> dict[str, ObjectiveSetSpec]:
        if "main" not in v:
            raise ValueError("needs an objective set named 'main' (the one the battle starts with)")
        return v


AllCond.model_rebuild()
AnyCond.model_rebuild()
NotCond.model_rebuild()
TriggerSpec.model_rebuild()
ObjectiveSpec.model_rebuild()


# ---- validation with located problems ------------------------------------------------------------
def validate_scenario(root: object, *, check: str = "scenario") -> tuple[ScenarioSpec | None, list[Problem]]:
    """Validate a scenario document read by `game.data.yaml_reader` (values carry their marks).

    One problem per place: pydantic's tags for union members are dropped from the key path and
    the alternatives tried at one place are joined with "or".
    """
    try:
        return ScenarioSpec.model_validate(root), []
    except ValidationError as exc:
        return None, _problems(exc, root, check)


def _field_names() -> set[str]:
    names: set[str] = set()
    for obj in globals().values():
        if isinstance(obj, type) and issubclass(obj, Strict):
            names |= set(obj.model_fields)
            names |= {f.alias for f in obj.model_fields.values() if f.alias}
    return names


def _data_path(data: object, loc: tuple[object, ...]) -> tuple[str | int, ...]:
    """Keep the parts of a pydantic location that walk the YAML data (drops union tags)."""
    out: list[str | int] = []
    node = data
    for part in loc:
        if isinstance(node, dict) and part in node:
            node = node[part]
            out.append(part)  # type: ignore[arg-type]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
            out.append(part)
    return tuple(out)


def _problems(exc: ValidationError, root: object, check: str) -> list[Problem]:
    grouped: dict[tuple[tuple[str | int, ...], str], tuple[bool, list[str]]] = {}
    known = _field_names()
    for e in exc.errors(include_url=False):
        loc = tuple(e["loc"])
        path = _data_path(root, loc)
        kind = e["type"]
        at_key = False
        group = ""
        if kind == "extra_forbidden":
            key = str(loc[-1])
            msg = f"unknown key {key!r}{did_you_mean(key, known)}"
            at_key, group = True, key
        elif kind == "missing":
            msg = f"missing required field {str(loc[-1])!r}"
            group = str(loc[-1])
        elif kind in ("unknown_condition", "unknown_action"):
            msg = e["msg"]
        else:
            msg = f"{e['msg']} (got {show(e.get('input'))})"
        entry = grouped.setdefault((path, group), (at_key, []))
        if msg not in entry[1]:
            entry[1].append(msg)
    return [
        Problem.at(locate(root, path, key=at_key), format_path(path), " or ".join(msgs), check=check)
        for (path, _), (at_key, msgs) in grouped.items()
    ]
