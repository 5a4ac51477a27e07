"""Validated models -> the engine's frozen definitions (`game.core.defs`)."""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from typing import Any

from game.core.defs import (
    DEFAULT_WILL_TABLE,
    AbilityDef,
    AbilityRef,
    Definitions,
    MapArea,
    PartDef,
    PilotDef,
    PilotStats,
    RulesDef,
    SkillDef,
    SkillRef,
    SpiritDef,
    SpiritRef,
    StatusDef,
    TerrainDef,
    UnitDef,
    WeaponDef,
    WillGains,
    frozen_map,
)
from game.core.effects import Modifier, When
from game.core.ranks import Ranks
from game.data import schema as s
from game.data.fields import RanksModel


def ranks(r: RanksModel) -> Ranks:
    return Ranks(r.air, r.land, r.sea, r.space)


def modifier(e: Any) -> Modifier:
    value = e.value
    w = e.when
    when = (
        When()
        if w is None
        else When(
            will_at_least=w.will_at_least,
            hp_pct_at_most=w.hp_pct_at_most,
            hp_pct_at_least=w.hp_pct_at_least,
            roles=frozenset(w.roles),
            weapon_tags=frozenset(w.weapon_tags),
            melee=w.melee,
            environments=frozenset(w.environments),
        )
    )
    return Modifier(
        key=e.key,
        value=Fraction(1) if value is True else Fraction(value),
        when=when,
        per_level=e.per_level,
        types=frozenset(e.types),
        en_cost=e.en_cost,
        fury_pierces=e.fury_pierces,
    )


def weapon(w: s.Weapon) -> WeaponDef:
    return WeaponDef(
        id=w.id,
        name=w.name,
        power=w.power,
        range_min=w.range[0],
        range_max=w.range[1],
        hit=w.hit,
        crit=w.crit,
        en_cost=w.en_cost,
        ammo=w.ammo,
        will=w.will,
        post_move=w.post_move,
        melee=w.melee,
        type=w.type,
        tags=frozenset(w.tags),
        ranks=ranks(w.ranks),
        user_status=w.user_status,
        map_area=None
        if w.map_area is None
        else MapArea(w.map_area.shape, tuple((dx, dy) for dx, dy in w.map_area.offsets), w.map_area.friendly_fire),
        description=w.description,
    )


def unit(u: s.Unit) -> UnitDef:
    return UnitDef(
        id=u.id,
        name=u.name,
        hp=u.hp,
        en=u.en,
        mobility=u.mobility,
        armor=u.armor,
        move=u.move,
        size=u.size,
        ranks=ranks(u.ranks),
        movement=u.movement,
        can_fly=u.can_fly,
        always_flying=u.always_flying,
        weapons=tuple(weapon(w) for w in u.weapons),
        abilities=tuple(AbilityRef(a.id, a.level) for a in u.abilities),
        exp=u.exp,
        funds=u.funds,
        capturable=u.capturable,
        kind=u.kind,
        description=u.description,
    )


def _stats(st: s.PilotStats | s.Growth) -> PilotStats:
    return PilotStats(st.melee, st.ranged, st.skill, st.defense, st.hit, st.evade, st.sp)


def pilot(p: s.Pilot, spirits: Mapping[str, s.Spirit]) -> PilotDef:
    return PilotDef(
        id=p.id,
        name=p.name,
        stats=_stats(p.stats),
        level=p.level,
        growth=_stats(p.growth),
        personality=p.personality,
        ranks=ranks(p.ranks),
        start_will=p.start_will,
        max_will=p.max_will,
        spirits=tuple(
            SpiritRef(r.id, r.cost if r.cost is not None else spirits[r.id].cost, r.level) for r in p.spirits
        ),
        skills=tuple(SkillRef(r.id, r.level) for r in p.skills),
        description=p.description,
    )


def spirit(x: s.Spirit) -> SpiritDef:
    return SpiritDef(x.id, x.name, x.target, x.duration, tuple(modifier(e) for e in x.effects), x.cost, x.description)


def skill(x: s.Skill) -> SkillDef:
    return SkillDef(x.id, x.name, tuple(modifier(e) for e in x.effects), x.max_level, x.description)


def ability(x: s.Ability) -> AbilityDef:
    return AbilityDef(x.id, x.name, tuple(modifier(e) for e in x.effects), x.description)


def status(x: s.Status) -> StatusDef:
    return StatusDef(x.id, x.name, tuple(modifier(e) for e in x.effects), x.duration, x.description)


def part(x: Any) -> PartDef:
    return PartDef(
        x.id, x.name, tuple(modifier(e) for e in x.effects), tuple(modifier(e) for e in x.use), x.description
    )


def terrain(t: s.Terrain) -> TerrainDef:
    return TerrainDef(
        t.id, t.name, t.environment, frozen_map(t.move_cost), t.defense, t.evade, t.hp_recovery, t.en_recovery
    )


def _gain(value: int | list[int]) -> int | tuple[int, ...]:
    return value if isinstance(value, int) else tuple(value)


def rules(r: s.Rules) -> RulesDef:
    table = dict(DEFAULT_WILL_TABLE)  # personalities the file leaves out keep RULES.md's values
    table.update({k: WillGains(**v.model_dump()) for k, v in r.will_table.items()})
    return RulesDef(
        rank_values=frozen_map(r.rank_values),
        performance=tuple(sorted(r.performance.items(), reverse=True)),
        weapon_rank=frozen_map(r.weapon_rank),
        size_hit=frozen_map(r.size_hit),
        size_damage=frozen_map(r.size_damage),
        accuracy_base=r.accuracy_base,
        distance_base=r.distance_base,
        distance_step=r.distance_step,
        crit_mul=r.crit_mul,
        defend_mul=r.defend_mul,
        evade_divisor=r.evade_divisor,
        min_damage=r.min_damage,
        support_attack_mul=r.support_attack_mul,
        will_start=r.will_start,
        will_min=r.will_min,
        will_max=r.will_max,
        will_per_phase=r.will_per_phase,
        will_side_kill=r.will_side_kill,
        will_table=frozen_map(table),
        mercy_hp=r.mercy_hp,
        mercy_needs_higher_skill=r.mercy_needs_higher_skill,
        capture_funds_mul=r.capture_funds_mul,
        exp_per_level=r.exp_per_level,
        max_level=r.max_level,
        exp_damage_share=r.exp_damage_share,
        exp_level_step=r.exp_level_step,
        exp_min=r.exp_min,
        exp_repair=r.exp_repair,
        exp_supply=r.exp_supply,
        upgrade_hp=_gain(r.upgrade_hp),
        upgrade_en=_gain(r.upgrade_en),
        upgrade_mobility=_gain(r.upgrade_mobility),
        upgrade_armor=_gain(r.upgrade_armor),
        upgrade_weapon=_gain(r.upgrade_weapon),
    )


def definitions(models: Mapping[str, Mapping[str, Any]], rules_model: s.Rules) -> Definitions:
    spirits = models.get("spirits", {})
    return Definitions(
        rules=rules(rules_model),
        terrains=frozen_map({k: terrain(v) for k, v in models.get("terrain", {}).items()}),
        units=frozen_map({k: unit(v) for k, v in models.get("units", {}).items()}),
        pilots=frozen_map({k: pilot(v, spirits) for k, v in models.get("pilots", {}).items()}),
        spirits=frozen_map({k: spirit(v) for k, v in spirits.items()}),
        skills=frozen_map({k: skill(v) for k, v in models.get("skills", {}).items()}),
        abilities=frozen_map({k: ability(v) for k, v in models.get("abilities", {}).items()}),
        statuses=frozen_map({k: status(v) for k, v in models.get("statuses", {}).items()}),
        parts=frozen_map({k: part(v) for k, v in models.get("parts", {}).items()}),
    )
