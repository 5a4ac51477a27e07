"""Equip parts: pick a unit, then a slot. A filled slot gives its part back to stock; an
empty one takes a part from stock. The last row picks the unit's full-upgrade bonus once
every stat is upgraded far enough. Pops the campaign state with the changes."""

from __future__ import annotations

import pygame

from game.campaign import CampaignError, CampaignState, choose_full_bonus, equip_part, unequip_part
from game.core.defs import Definitions
from game.ui.input.actions import Action, InputEvent, Kind
from game.ui.model.campaign_view import shop_units
from game.ui.model.catalog import LoadedScenario
from game.ui.model.growth_view import EquipView, equip_reason, equip_view
from game.ui.render import theme
from game.ui.render.menu import Entry, ListMenu
from game.ui.render.text import Fonts
from game.ui.scene import Pop, Scene, Transition
from game.ui.scenes.backdrop import Backdrop
from game.ui.services import Services

BONUS = "bonus"


class EquipScene(Scene):
    def __init__(
        self, services: Services, campaign: CampaignState, nxt: LoadedScenario | None, defs: Definitions
    ) -> None:
        self.services = services
        self.campaign = campaign
        self.defs = defs
        self.rules = services.catalog.campaign_rules()
        units = shop_units(campaign, nxt) + [u for u in campaign.equipped if u not in campaign.upgrades]
        self.units = [u for u in dict.fromkeys(units) if u in defs.units]
        self.focus = "units"  # or "slots", "pick"
        self.backdrop = Backdrop(services.art.ui("title_background"))
        self.t = 0.0
        self.unit_menu = ListMenu([], title="Units", width=200, max_rows=13)
        self.slot_menu = ListMenu([], width=396)
        self.pick_menu = ListMenu([], width=300)
        self.picking = ""  # "part" or BONUS while the pick menu is open
        self._refresh()

    @property
    def unit(self) -> str | None:
        entry = self.unit_menu.current
        return None if entry is None else str(entry.key)

    def _refresh(self) -> None:
        entries = []
        for u in self.units:
            used = len([s for s in equip_view(self.campaign, u, self.rules).slots if s.part])
            entries.append(Entry(self.defs.units[u].name, u, detail=f"{used}/{self.rules.growth.slots(u)}"))
        self.unit_menu = ListMenu(entries, title="Units", width=200, max_rows=13, index=self.unit_menu.index)
        self._refresh_slots()

    def _view(self) -> EquipView | None:
        return None if self.unit is None else equip_view(self.campaign, self.unit, self.rules)

    def _refresh_slots(self) -> None:
        view = self._view()
        if view is None:
            self.slot_menu = ListMenu([], width=396)
            return
        entries = [
            Entry(
                f"Slot {s.index + 1}: {s.name}",
                s.index,
                help="Take this part out (back to stock)." if s.part else "Put a part from stock here.",
            )
            for s in view.slots
        ]
        if not view.upgradable:
            entries.append(Entry("Full-upgrade bonus: none", BONUS, False, "This unit takes no upgrades."))
        elif view.full_bonus is not None:
            entries.append(Entry(f"Full upgrade: {view.full_bonus}", BONUS, False, "The bonus is chosen."))
        elif view.steps_to_full:
            why = f"{view.steps_to_full} more upgrade step(s) unlock the full-upgrade bonus."
            entries.append(Entry("Full-upgrade bonus: locked", BONUS, False, why))
        else:
            entries.append(Entry("Full-upgrade bonus: choose!", BONUS, help="Fully upgraded: pick its bonus (once)."))
        self.slot_menu = ListMenu(entries, width=396, index=self.slot_menu.index, help_width=396)

    def _open_pick(self, kind: str) -> None:
        assert self.unit is not None
        growth = self.rules.growth
        entries = []
        if kind == BONUS:
            for pid in growth.full_bonuses():
                info = growth.parts[pid]
                entries.append(Entry(info.name.removeprefix("Full Upgrade: "), pid, help=info.description))
        else:
            view = equip_view(self.campaign, self.unit, self.rules)
            for row in view.stock:
                problem = equip_reason(self.campaign, self.unit, row.id, self.rules)
                entries.append(
                    Entry(
                        row.name, row.id, problem is None, problem or "", detail=f"x{row.stock}", help=row.description
                    )
                )
        if not entries:
            self.services.audio.sfx("buzz")
            self.services.notify("No parts in stock: buy some in the Parts Shop." if kind != BONUS else "No bonuses.")
            return
        title = "Full-upgrade bonus" if kind == BONUS else "Parts in stock"
        self.pick_menu = ListMenu(entries, title=title, width=300, max_rows=10, help_width=300)
        self.picking = kind
        self.focus = "pick"

    def update(self, dt: float) -> Transition | None:
        self.t += dt
        return None

    def _apply(self, change: CampaignState) -> None:
        self.campaign = change
        self.services.audio.sfx("confirm")
        self._refresh()

    def handle(self, ev: InputEvent) -> Transition | None:
        audio = self.services.audio
        if self.focus == "units":
            result = self.unit_menu.handle(ev)
            if result == "moved":
                audio.sfx("cursor")
                self._refresh_slots()
            elif result == "pick" and self.unit is not None:
                audio.sfx("select")
                self.focus = "slots"
            elif result in ("cancel", "cancel_outside"):
                audio.sfx("cancel")
                return Pop(self.campaign)
            return None
        if self.focus == "pick":
            result = self.pick_menu.handle(ev)
            if result == "moved":
                audio.sfx("cursor")
            elif result in ("cancel", "cancel_outside"):
                audio.sfx("cancel")
                self.focus = "slots"
            elif result == "pick" and self.pick_menu.current is not None and self.unit is not None:
                entry = self.pick_menu.current
                if not entry.enabled:
                    audio.sfx("buzz")
                    return None
                try:
                    if self.picking == BONUS:
                        self._apply(choose_full_bonus(self.campaign, self.unit, str(entry.key), self.rules))
                    else:
                        self._apply(equip_part(self.campaign, self.unit, str(entry.key), self.rules))
                except CampaignError as exc:
                    audio.sfx("buzz")
                    self.services.notify(str(exc))
                self.focus = "slots"
            return None
        if ev.kind is Kind.PRESS and ev.action is Action.LEFT:
            self.focus = "units"
            return None
        result = self.slot_menu.handle(ev)
        if result == "moved":
            audio.sfx("cursor")
        elif result in ("cancel", "cancel_outside"):
            audio.sfx("cancel")
            self.focus = "units"
        elif result == "pick" and self.slot_menu.current is not None and self.unit is not None:
            entry = self.slot_menu.current
            if not entry.enabled:
                audio.sfx("buzz")
                return None
            if entry.key == BONUS:
                self._open_pick(BONUS)
                return None
            view = equip_view(self.campaign, self.unit, self.rules)
            slot = view.slots[int(entry.key)]
            if slot.part is not None:
                try:
                    self._apply(unequip_part(self.campaign, self.unit, slot.index, self.rules))
                except CampaignError as exc:
                    audio.sfx("buzz")
                    self.services.notify(str(exc))
            else:
                self._open_pick("part")
        return None

    def draw(self, surface: pygame.Surface) -> None:
        self.backdrop.draw(surface, self.t)
        fonts = self.services.fonts
        fonts.draw(surface, "EQUIP PARTS", (24, 12), size=Fonts.LARGE, bold=True, colour=theme.ACCENT)
        stock = sum(self.campaign.parts.values())
        fonts.draw(surface, f"Parts in stock {stock}", (616, 16), bold=True, align="right", colour=theme.ACCENT)
        self.unit_menu.draw(surface, fonts, (14, 46), show_help=False)
        view = self._view()
        if view is None:
            fonts.draw(surface, "No units to equip.", (230, 60), colour=theme.TEXT_DIM)
            return
        head = pygame.Rect(222, 46, 396, 52)
        fonts.panel(surface, head)
        sprite = self.services.art.unit_sprite(view.unit, "player")
        surface.blit(pygame.transform.scale(sprite, (40, 40)), (head.x + 6, head.y + 6))
        fonts.draw(surface, self.defs.units[view.unit].name, (head.x + 54, head.y + 6), bold=True)
        n = len(view.slots)
        note = f"{n} part slot{'s' if n != 1 else ''}" + (
            f" · full-upgrade bonus: {view.full_bonus}" if view.full_bonus else ""
        )
        fonts.draw(surface, note, (head.x + 54, head.y + 28), size=Fonts.SMALL, colour=theme.TEXT_DIM)
        self.slot_menu.draw(surface, fonts, (222, 104), show_help=self.focus == "slots")
        y = self.slot_menu.rect.bottom + 30
        slot = self.slot_menu.current
        part = view.slots[slot.key].part if slot is not None and isinstance(slot.key, int) else None
        if part is not None:  # what the highlighted slot's part does
            info = self.rules.growth.parts[part]
            for line in fonts.wrap(f"{info.name}: {info.description}", 392, Fonts.SMALL):
                fonts.draw(surface, line, (226, y), size=Fonts.SMALL, colour=theme.TEXT_DIM)
                y += 14
        if self.focus == "pick":
            self.pick_menu.draw(surface, fonts, (260, 120))
        hints = {
            "units": "{confirm}: choose unit    {cancel}: back to the intermission",
            "slots": "{confirm}: take out / put in    {cancel}: back to units",
            "pick": "{confirm}: equip    {cancel}: back to the slots",
        }
        fonts.draw(
            surface,
            self.services.keys(hints[self.focus]),
            (618, 340),
            size=Fonts.SMALL,
            colour=theme.TEXT_DIM,
            align="right",
        )
