"""Campaign save slots: save from the intermission, load from the title screen. A damaged
save names its file and offers its backup."""

from __future__ import annotations

import pygame

from game.campaign import CampaignSave, CampaignSlot, CampaignState
from game.saves import SaveError
from game.ui.input.actions import InputEvent
from game.ui.render import theme
from game.ui.render.menu import Entry, ListMenu
from game.ui.render.text import Fonts
from game.ui.scene import Pop, Push, Scene, Transition
from game.ui.scenes.backdrop import Backdrop
from game.ui.scenes.menu import ConfirmScene, run_menu
from game.ui.services import Services


class CampaignSlotsScene(Scene):
    """With a campaign: save it (pops "saved"). Without: load one (opens its intermission)."""

    def __init__(self, services: Services, campaign: CampaignState | None) -> None:
        self.services = services
        self.campaign = campaign
        self.titles = {i.id: i.title for i in services.catalog.scenarios()}
        self.backdrop = Backdrop(services.art.ui("title_background"))
        self.t = 0.0
        self.menu = ListMenu([], width=592)
        self._refresh()

    @property
    def saving(self) -> bool:
        return self.campaign is not None

    def _describe(self, slot: CampaignSlot) -> tuple[str, str]:
        if slot.problem is not None:
            backup = " A backup is available." if slot.has_backup else ""
            return "Damaged save", slot.problem + backup
        if slot.save is None:
            return "(empty)", "An empty slot."
        c = slot.save.state
        where = (
            "Campaign complete"
            if c.complete
            else f"Stage {c.stage + 1}/{len(c.order)} {self.titles.get(c.next_scenario or '', c.next_scenario)}"
        )
        when = slot.save.extra.get("saved_at", "")
        return f"{where} · Funds {c.funds:,}", f"Saved {when}. {len(c.history)} battles won."

    def _refresh(self) -> None:
        entries = []
        for slot in self.services.saves.campaign_slots():
            label, help_text = self._describe(slot)
            usable = self.saving or slot.save is not None or (slot.problem is not None and slot.has_backup)
            entries.append(
                Entry(
                    f"{slot.number}  {label}", slot.number, usable, help_text or "Nothing saved here.", help=help_text
                )
            )
        self.slots = {s.number: s for s in self.services.saves.campaign_slots()}
        title = "Save the campaign" if self.saving else "Load a campaign"
        self.menu = ListMenu(entries, title=title, width=592, index=self.menu.index, help_width=592)

    def update(self, dt: float) -> Transition | None:
        self.t += dt
        return None

    def handle(self, ev: InputEvent) -> Transition | None:
        return run_menu(
            self.menu, ev, self.services.audio, pick=self._picked, cancel=lambda: Pop(None), cancel_outside=False
        )

    def _picked(self, entry: Entry) -> Transition | None:
        number = int(entry.key)
        slot = self.slots[number]
        if self.saving:
            if slot.empty:
                return self._save(number)
            return Push(
                ConfirmScene(self.services, f"Overwrite slot {number}?"),
                then=lambda yes: self._save(number) if yes else None,
            )
        if slot.save is not None:
            return self._load(number, slot.save)
        return Push(
            ConfirmScene(
                self.services,
                f"The save is damaged: {slot.problem} Load its backup (the save before it)?",
                yes="Load the backup",
                no="Cancel",
                default_yes=True,
            ),
            then=lambda yes: self._load_backup(number) if yes else None,
        )

    def _save(self, number: int) -> Transition | None:
        assert self.campaign is not None
        label = self.campaign.next_scenario or "complete"
        error = self.services.saves.save_campaign(number, self.campaign, self._data_hash(), label)
        if error:
            self.services.notify(error, 8.0)
            return None
        self.services.notify(f"Campaign saved in slot {number}.")
        return Pop("saved")

    def _data_hash(self) -> str:
        return self.services.catalog.data_hash

    def _load_backup(self, number: int) -> Transition | None:
        try:
            save = self.services.saves.load_campaign(number, use_backup=True)
        except SaveError as exc:
            self.services.notify(f"The backup cannot be loaded either: {exc}", 10.0)
            return None
        return self._load(number, save)

    def _load(self, number: int, save: CampaignSave) -> Transition | None:
        missing = [s for s in save.state.order[save.state.stage :] if s not in self.titles]
        if missing:
            self.services.notify(
                f"This campaign needs scenario {missing[0]!r}, which is not installed (is a mod missing?).", 10.0
            )
            return None
        if save.data_hash and self._data_hash() and save.data_hash != self._data_hash():
            self.services.notify(
                "The game data changed since this campaign was saved: prices, caps and units follow the new data.",
                8.0,
            )
        return self.services.nav.intermission(save.state)

    def draw(self, surface: pygame.Surface) -> None:
        self.backdrop.draw(surface, self.t)
        fonts = self.services.fonts
        fonts.draw(surface, "CAMPAIGN SAVES", (24, 12), size=Fonts.LARGE, bold=True, colour=theme.ACCENT)
        self.menu.draw(surface, fonts, (24, 50))
        fonts.draw(
            surface,
            self.services.keys("{confirm}: choose    {cancel}: back"),
            (618, 340),
            size=Fonts.SMALL,
            colour=theme.TEXT_DIM,
            align="right",
        )
