"""Victory and defeat screens with the battle summary, then the next step of the campaign."""

from __future__ import annotations

import pygame

from game.ui.input.actions import InputEvent
from game.ui.model.session import BattleSession, CampaignProgress
from game.ui.model.summary import summarize
from game.ui.render import theme
from game.ui.render.menu import Entry, ListMenu
from game.ui.render.text import Fonts
from game.ui.scene import Reset, Scene, Transition
from game.ui.scenes.backdrop import Backdrop
from game.ui.services import Services


class ResultScene(Scene):
    def __init__(self, services: Services, session: BattleSession) -> None:
        self.services = services
        self.session = session
        self.summary = summarize(session.state)
        self.backdrop = Backdrop(services.art.ui("title_background"))
        self.t = 0.0
        campaign = session.campaign
        entries: list[Entry] = []
        if self.summary.won:
            if campaign is not None and campaign.next_id is not None:
                entries.append(Entry("Next battle", "next", help="Continue the campaign."))
            elif campaign is not None:
                entries.append(
                    Entry("Finish the campaign", "title", help="The story is complete. Thank you for playing!")
                )
            else:
                entries.append(Entry("Return to title", "title"))
        else:
            entries.append(Entry("Retry", "retry", help="Fight this battle again from the start."))
            entries.append(Entry("Return to title", "title"))
        self.menu = ListMenu(entries, width=190)
        services.saves.clear()
        services.audio.music("victory" if self.summary.won else "defeat")

    def update(self, dt: float) -> Transition | None:
        self.t += dt
        return None

    def handle(self, ev: InputEvent) -> Transition | None:
        from game.ui.scenes import launch
        from game.ui.scenes.title import TitleScene

        result = self.menu.handle(ev)
        if result == "moved":
            self.services.audio.sfx("cursor")
        if result != "pick" or self.menu.current is None:
            return None
        key = self.menu.current.key
        self.services.audio.sfx("confirm")
        if key == "next":
            old = self.session.campaign
            assert old is not None and old.next_id is not None
            progress = CampaignProgress(
                old.order, old.index + 1, old.funds + self.summary.funds, old.turns + self.summary.turns
            )
            return launch.briefing(self.services, old.next_id, progress) or Reset(TitleScene(self.services))
        if key == "retry":
            scenario = launch.load_scenario(self.services, self.session.scenario.info.id)
            if scenario is not None:
                return launch.start_battle(self.services, scenario, self.session.campaign)
        return Reset(TitleScene(self.services))

    def draw(self, surface: pygame.Surface) -> None:
        self.backdrop.draw(surface, self.t)
        fonts = self.services.fonts
        s = self.summary
        title = "VICTORY" if s.won else "DEFEAT"
        colour = theme.ACCENT if s.won else theme.WARNING
        fonts.draw(surface, title, (320, 18), size=Fonts.HUGE, bold=True, colour=colour, align="center")
        fonts.draw(surface, self.session.scenario.info.title, (320, 58), colour=theme.TEXT, align="center")
        reason_lines = len(fonts.wrap(s.reason, 368))
        height = 26 + reason_lines * fonts.line_height() + 5 * 18 + (len(s.bonus) * 15 + 4 if s.bonus else 0)
        rect = pygame.Rect(120, 80, 400, height)
        fonts.panel(surface, rect, edge=colour)
        x, y = rect.x + 16, rect.y + 10
        for line in fonts.wrap(s.reason, rect.w - 32):
            fonts.draw(surface, line, (x, y), colour=colour)
            y += fonts.line_height()
        y += 6
        rows = (
            ("Turns", str(s.turns)),
            ("Enemies defeated", str(s.kills)),
            ("Funds earned", f"{s.funds}"),
            ("Units lost", str(s.units_lost)),
            ("Damage dealt", str(s.damage_dealt)),
        )
        for label, value in rows:
            fonts.draw(surface, label, (x, y))
            fonts.draw(surface, value, (rect.right - 16, y), align="right", bold=True)
            y += 18
        if s.bonus:
            y += 4
            for text, done in s.bonus:
                fonts.draw(
                    surface,
                    ("★ " if done else "· ") + "Bonus: " + text,
                    (x, y),
                    size=Fonts.SMALL,
                    colour=theme.GOOD if done else theme.TEXT_DIM,
                )
                y += 15
        campaign = self.session.campaign
        if campaign is not None:
            fonts.draw(
                surface,
                f"Campaign funds: {campaign.funds + s.funds}",
                (rect.x, rect.bottom + 4),
                size=Fonts.SMALL,
                colour=theme.TEXT_DIM,
            )
        w, _ = self.menu.size()
        self.menu.draw(surface, fonts, (320 - w // 2, 290), show_help=False)
