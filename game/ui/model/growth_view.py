"""What the growth screens show (parts shop, equip, training) and the reward lines of the
briefing and the result screen, computed from the campaign and its rules. No drawing here."""

from __future__ import annotations

from dataclasses import dataclass

from game.campaign import (
    BattleGains,
    CampaignRules,
    CampaignState,
    TrainingOption,
    buy_problem,
    equip_problem,
    equipped_of,
    full_bonus_of,
    is_ace,
    owned,
    steps_to_full,
    training_options,
)
from game.campaign.bonuses import can_full_upgrade
from game.core.defs import Definitions
from game.core.script import Script


@dataclass(frozen=True)
class PartRow:
    id: str
    name: str
    kind: str
    price: int | None
    sell: int
    owned: int  # in stock and in slots
    stock: int  # not equipped
    description: str
    problem: str | None  # why it cannot be bought now


def shop_rows(campaign: CampaignState, rules: CampaignRules) -> list[PartRow]:
    """Every part the shop sells, then parts in stock that it does not sell (to sell them)."""
    growth = rules.growth
    ids = growth.shop() + [p for p in campaign.parts if p not in growth.shop() and p in growth.parts]
    return [_row(campaign, rules, p) for p in ids]


def _row(campaign: CampaignState, rules: CampaignRules, pid: str) -> PartRow:
    info = rules.growth.parts[pid]
    return PartRow(
        pid,
        info.name,
        info.kind,
        info.price,
        info.sell,
        owned(campaign, pid),
        campaign.parts.get(pid, 0),
        info.description,
        buy_problem(campaign, pid, rules),
    )


@dataclass(frozen=True)
class SlotRow:
    index: int
    part: str | None
    name: str  # "(empty)" for an empty slot


@dataclass(frozen=True)
class EquipView:
    unit: str
    slots: tuple[SlotRow, ...]
    stock: tuple[PartRow, ...]  # parts that could go in an empty slot
    full_bonus: str | None  # the chosen full-upgrade bonus (name)
    steps_to_full: int  # upgrade steps still missing for the full-upgrade bonus
    upgradable: bool = True  # False: the unit takes no upgrades, so it has no full-upgrade bonus


def equip_view(campaign: CampaignState, unit: str, rules: CampaignRules) -> EquipView:
    growth = rules.growth
    parts = equipped_of(campaign, unit, rules)
    slots = tuple(
        SlotRow(i, parts[i] if i < len(parts) else None, growth.parts[parts[i]].name if i < len(parts) else "(empty)")
        for i in range(growth.slots(unit))
    )
    stock = tuple(_row(campaign, rules, p) for p in sorted(campaign.parts) if p in growth.parts)
    bonus = full_bonus_of(campaign, unit, rules)
    return EquipView(
        unit,
        slots,
        stock,
        growth.parts[bonus].name if bonus is not None and bonus in growth.parts else None,
        steps_to_full(campaign, unit, rules),
        can_full_upgrade(unit, rules),
    )


def equip_reason(campaign: CampaignState, unit: str, part: str, rules: CampaignRules) -> str | None:
    return equip_problem(campaign, unit, part, rules)


@dataclass(frozen=True)
class TraineeRow:
    id: str
    name: str
    level: int
    pp: int
    kills: int
    ace: bool
    ace_bonus: str | None  # the name of the pilot's ace bonus, if the data gives one
    options: tuple[TrainingOption, ...]


def trainee_rows(campaign: CampaignState, defs: Definitions, rules: CampaignRules) -> list[TraineeRow]:
    """Pilots with a campaign record, in the order they joined."""
    growth = rules.growth
    rows = []
    for pid, rec in campaign.pilots.items():
        bonus = growth.ace_bonus(pid)
        rows.append(
            TraineeRow(
                pid,
                defs.pilots[pid].name if pid in defs.pilots else pid,
                rec.level,
                rec.pp,
                rec.kills,
                is_ace(campaign, pid, rules),
                growth.parts[bonus].name if bonus is not None else None,
                tuple(training_options(campaign, pid, rules)),
            )
        )
    return rows


def bonus_rewards(script: Script, scenario: str, rules: CampaignRules) -> list[tuple[str, str]]:
    """Every bonus objective of the battle (those of later objective sets too), each with
    what it pays: (text, "5,000 funds, 5 PP")."""
    growth = rules.growth
    seen: dict[str, tuple[str, str]] = {}
    for objectives in script.objectives.values():
        for o in objectives.bonus:
            key = o.id or o.text
            seen.setdefault(key, (o.text, growth.reward(scenario, key).describe(growth.parts)))
    return list(seen.values())


@dataclass(frozen=True)
class PaymentRow:
    bonus: bool  # a bonus objective (else a boss driven off)
    label: str  # the objective's text, or "<pilot> driven off"
    reward: str  # "5,000 funds, 5 PP, Repair Kit"


def payment_rows(gains: BattleGains, rules: CampaignRules) -> list[PaymentRow]:
    parts = rules.growth.parts
    return [
        PaymentRow(not p.what.startswith("boss:"), p.label or p.what, p.reward.describe(parts)) for p in gains.payments
    ]


def payment_lines(gains: BattleGains, rules: CampaignRules) -> list[str]:
    """ "★ The base keeps half its HP: 5,000 funds, 5 PP" for each reward the battle earned."""
    return [("★ " if r.bonus else "") + f"{r.label}: {r.reward}" for r in payment_rows(gains, rules)]
