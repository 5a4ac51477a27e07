"""How battles look and sound in the data: a weapon's `animation:` and a pilot's `quotes:`.

Neither changes a rule, so both are left out of the data hash (`exclude=True`): editing a
quote or a beam's colour never invalidates a save or a replay.

    animation: {kind: beam, effect: beam_blue, sound: beam, duration: 1.4}
    quotes:
      attack: ["...", "..."]
      weapons: {v_max: ["..."]}
      against: {gale: ["..."]}
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Annotated, Literal

from pydantic import Field, WithJsonSchema

from game.data.fields import Id, Ref, Strict, Text

# The kinds of weapon animation the battle scene knows how to play.
ANIMATION_KINDS: tuple[str, ...] = (
    "beam",  # a continuous ray from the muzzle
    "rifle",  # bursts of tracer rounds
    "missile_salvo",  # several missiles arcing into the target
    "melee_dash",  # a dash across the screen and a blow (knuckle, baton, axe)
    "claw",  # a dash and a slashing claw
    "ram",  # the whole unit hurled at the target
    "flamethrower",  # a gout of flame
    "map_blast",  # a blast over the whole enemy side
    "vmax",  # charge, comet streak with a trail, impact (V-MAX and V-MAXIMUM)
)
AnimationKind = Literal[ANIMATION_KINDS]  # type: ignore[valid-type]
Colour = Annotated[
    str,
    Field(pattern=r"^#[0-9a-fA-F]{6}$", description="a colour as #rrggbb"),
    WithJsonSchema({"type": "string", "pattern": r"^#[0-9a-fA-F]{6}$"}),
]
# Seconds a strike lasts for each kind when the weapon does not say.
KIND_DURATIONS: dict[str, float] = {
    "beam": 1.5,
    "rifle": 1.5,
    "missile_salvo": 1.8,
    "melee_dash": 1.5,
    "claw": 1.5,
    "ram": 1.6,
    "flamethrower": 1.6,
    "map_blast": 2.2,
    "vmax": 2.8,
}
# Effect strips (assets/effects/) each kind draws when the weapon names none.
KIND_EFFECTS: dict[str, str] = {
    "beam": "beam",
    "rifle": "hit_spark",
    "missile_salvo": "missile",
    "melee_dash": "knuckle_shot",
    "claw": "claw",
    "ram": "hit_spark",
    "flamethrower": "flamethrower",
    "map_blast": "explosion",
    "vmax": "hit_spark",
}
KIND_SOUNDS: dict[str, str] = {
    "beam": "beam",
    "rifle": "missile",
    "missile_salvo": "missile",
    "melee_dash": "knuckle",
    "claw": "claw",
    "ram": "ram",
    "flamethrower": "flamethrower",
    "map_blast": "explosion",
    "vmax": "vmax",
}


class WeaponAnimation(Strict):
    """What the battle scene plays when the weapon strikes."""

    kind: AnimationKind
    effect: Id | None = Field(None, description="effect strip drawn (assets/effects/<id>.png); default: the kind's")
    trail: Id | None = Field(None, description="trail strip behind a charging unit (vmax, ram): vmax_trail ...")
    sound: Id | None = Field(None, description="sound played as it fires (assets/sounds/<id>.wav); default: the kind's")
    duration: float = Field(0.0, ge=0.0, le=8.0, description="seconds the strike lasts; 0: the kind's default")
    shots: int = Field(1, ge=1, le=12, description="rounds, missiles or blows shown")
    scale: float = Field(1.0, ge=0.25, le=4.0, description="size of the effects (V-MAXIMUM is bigger)")
    colour: Colour | None = Field(None, description="glow and flash colour; default: the effect's own")
    cut_in: bool = Field(False, description="show the pilot's cut-in before it strikes (special attacks)")

    @property
    def effect_id(self) -> str:
        return self.effect or KIND_EFFECTS[self.kind]

    @property
    def sound_id(self) -> str:
        return self.sound or KIND_SOUNDS[self.kind]

    @property
    def seconds(self) -> float:
        return self.duration or KIND_DURATIONS[self.kind]


def default_kind(weapon_type: str, melee: bool, tags: Collection[str], map_weapon: bool) -> str:
    """The animation a weapon without one gets, from its type and flags."""
    if map_weapon:
        return "map_blast"
    if "vmax" in tags:
        return "vmax"
    if weapon_type == "ram":
        return "ram"
    if weapon_type == "fire":
        return "flamethrower"
    if melee:
        return "melee_dash"
    if weapon_type == "beam":
        return "beam"
    return "rifle"


def default_animation(weapon_type: str, melee: bool, tags: Collection[str], map_weapon: bool) -> WeaponAnimation:
    kind = default_kind(weapon_type, melee, tags, map_weapon)
    return WeaponAnimation(kind=kind, cut_in=kind in ("vmax", "map_blast"))


Lines = list[Text]
# Situations every named pilot has lines for (tests hold the shipped pilots to it).
REQUIRED_SITUATIONS: tuple[str, ...] = (
    "attack",
    "counter",
    "support",
    "damaged",
    "evaded",
    "heavy_damage",
    "shot_down",
    "spirit",
)


class PilotQuotes(Strict):
    """Battle lines by situation; several variants each, one picked per strike."""

    attack: Lines = Field(default_factory=list, description="opening an attack")
    counter: Lines = Field(default_factory=list, description="striking back when attacked")
    support: Lines = Field(default_factory=list, description="a support attack or support defence")
    damaged: Lines = Field(default_factory=list, description="taking a hit")
    evaded: Lines = Field(default_factory=list, description="dodging an attack")
    heavy_damage: Lines = Field(default_factory=list, description="taking a hit with 30% HP or less left")
    shot_down: Lines = Field(default_factory=list, description="being destroyed")
    spirit: Lines = Field(default_factory=list, description="casting a spirit command")
    finish: Lines = Field(default_factory=list, description="destroying the target")
    weapons: dict[Id, Lines] = Field(default_factory=dict, description="lines for one weapon id, used first")
    against: dict[Ref, Lines] = Field(default_factory=dict, description="lines for a particular opponent pilot")

    def count(self) -> int:
        plain = sum(len(getattr(self, s)) for s in (*REQUIRED_SITUATIONS, "finish"))
        return plain + sum(map(len, self.weapons.values())) + sum(map(len, self.against.values()))


def describe_animation(weapon: object) -> str:
    """`kind effect xN` for listings; `(default kind)` when the weapon names none."""
    anim = getattr(weapon, "animation", None)
    if anim is None:
        w = weapon
        kind = default_kind(
            getattr(w, "type", "solid"),
            getattr(w, "melee", False),
            getattr(w, "tags", ()),
            getattr(w, "map_area", None) is not None,
        )
        return f"({kind}: default)"
    parts = [anim.kind, anim.effect_id]
    if anim.trail:
        parts.append(anim.trail)
    if anim.shots > 1:
        parts.append(f"x{anim.shots}")
    if anim.scale != 1.0:
        parts.append(f"size {anim.scale:g}")
    if anim.cut_in:
        parts.append("cut-in")
    return " ".join(parts)
