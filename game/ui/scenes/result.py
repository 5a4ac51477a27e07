"""Victory and defeat screens with the battle summary, then the next step of the campaign.

A finished battle writes its replay. In the campaign, a victory is carried into the campaign
(EXP, kills, funds) and leads to the intermission; a defeat offers a retry with a new seed.
"""

from __future__ import annotations

import pygame

from game.campaign import BattleGains, CampaignError, CampaignState, record_defeat, record_victory
from game.ui.input.actions import InputEvent
from game.ui.model.growth_view import PaymentRow, bonus_rewards, payment_rows
from game.ui.model.objectives import BONUS_LEGEND
from game.ui.model.session import BattleSession
from game.ui.model.summary import summarize
from game.ui.render import theme
from game.ui.render.menu import Entry, ListMenu
from game.ui.render.text import Fonts
from game.ui.scene import Scene, Transition
from game.ui.scenes.backdrop import Backdrop
from game.ui.scenes.menu import run_menu
from game.ui.services import Services


class ResultScene(Scene):
    def __init__(self, services: Services, session: BattleSession) -> None:
        self.services = services
        self.session = session
        self.summary = summarize(session.state)
        self.backdrop = Backdrop(services.art.ui("title_background"))
        self.t = 0.0
        self.campaign: CampaignState | None = None  # after this battle
        self.gains: BattleGains | None = None
        campaign = session.campaign
        if campaign is not None:
            self._carry(campaign)
        nav = services.nav
        to_title = Entry("Return to title", "title", action=nav.title)
        entries: list[Entry] = []
        if self.summary.won:
            if self.campaign is not None:
                campaign, gains = self.campaign, self.gains
                entries.append(
                    Entry(
                        "Intermission",
                        "intermission",
                        help="Pilots, upgrades, saving, the next battle.",
                        action=lambda: nav.intermission(campaign, gains),
                    )
                )
            else:
                entries.append(to_title)
        else:
            scenario_id = session.scenario.id
            entries.append(
                Entry(
                    "Retry",
                    "retry",
                    help="Fight this battle again from the start.",
                    action=lambda: nav.retry(scenario_id, self.campaign),
                )
            )
            entries.append(to_title)
        self.menu = ListMenu(entries, width=190)
        self._clear: list[pygame.Rect] = []  # the title, the summary and the menu, as last drawn
        services.saves.clear()
        self.replay_note = services.saves.write_replay(session.replay)  # shown on this screen
        services.audio.music("victory" if self.summary.won else "defeat")

    def _carry(self, campaign: CampaignState) -> None:
        try:
            if self.summary.won:
                rules = self.services.catalog.campaign_rules()
                self.campaign, self.gains = record_victory(campaign, self.session.scenario, self.session.state, rules)
            else:
                self.campaign = record_defeat(campaign)
        except CampaignError as exc:
            self.services.notify(f"The campaign could not record this battle: {exc}", 8.0)
            self.campaign = campaign

    def _reward_lines(self, fonts: Fonts, width: int) -> list[tuple[str, tuple[int, int, int]]]:
        """The bonus objectives (with what they paid, or would have paid, in the campaign) and
        the bosses driven off, wrapped to `width`."""
        pays = self._payments()
        paid = {p.label: p.reward for p in pays if p.bonus}
        offered = dict(self._offered()) if self.campaign is not None else {}
        out: list[tuple[str, tuple[int, int, int]]] = []
        for text, done in self.summary.bonus:
            gift = f" ({paid[text]})" if done and text in paid else ""
            if not done and text in offered:
                gift = f" (missed: {offered[text]})"
            colour = theme.GOOD if done else theme.TEXT_DIM
            for i, line in enumerate(
                fonts.wrap(("★ " if done else "· ") + "Bonus: " + text + gift, width, Fonts.SMALL)
            ):
                out.append((line if i == 0 else "   " + line, colour))
        for p in pays:
            if not p.bonus:
                out.extend((line, theme.GOOD) for line in fonts.wrap(f"{p.label}: {p.reward}", width, Fonts.SMALL))
        return out

    def _offered(self) -> list[tuple[str, str]]:
        """Every bonus objective of the battle with what it pays in the campaign."""
        scenario = self.session.scenario
        return bonus_rewards(scenario.ctx.script, scenario.id, self.services.catalog.campaign_rules())

    def _payments(self) -> list[PaymentRow]:
        if self.gains is None:
            return []
        return payment_rows(self.gains, self.services.catalog.campaign_rules())

    def update(self, dt: float) -> Transition | None:
        self.t += dt
        return None

    def handle(self, ev: InputEvent) -> Transition | None:
        return run_menu(self.menu, ev, self.services.audio)

    def keep_clear(self) -> list[pygame.Rect]:
        return self._clear

    def draw(self, surface: pygame.Surface) -> None:
        self.backdrop.draw(surface, self.t)
        fonts = self.services.fonts
        s = self.summary
        title = "VICTORY" if s.won else "DEFEAT"
        colour = theme.ACCENT if s.won else theme.WARNING
        fonts.draw(surface, title, (320, 18), size=Fonts.HUGE, bold=True, colour=colour, align="center")
        title_w = max(fonts.width(title, Fonts.HUGE, True), fonts.width(self.session.scenario.info.title))
        self._clear = [pygame.Rect(320 - title_w // 2, 14, title_w, 58 + fonts.line_height() - 14)]
        fonts.draw(surface, self.session.scenario.info.title, (320, 58), colour=theme.TEXT, align="center")
        reason_lines = len(fonts.wrap(s.reason, 368))
        extra = self._reward_lines(fonts, 368)
        height = 26 + reason_lines * fonts.line_height() + 5 * 18 + (len(extra) * 15 + 20 if extra else 0)
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
        if extra:
            y += 4
        for line, line_colour in extra:
            fonts.draw(surface, line, (x, y), size=Fonts.SMALL, colour=line_colour)
            y += 15
        if s.bonus:
            fonts.draw(
                surface,
                BONUS_LEGEND,
                (rect.right - 16, rect.bottom - 17),
                size=Fonts.SMALL,
                colour=theme.TEXT_DIM,
                align="right",
            )
        if self.campaign is not None:
            ups = [g for g in (self.gains.pilots if self.gains else ()) if g.level_after > g.level_before]
            names = self.session.state.ctx.defs.pilots
            text = f"Campaign funds: {self.campaign.funds:,}"
            if ups:
                text += "  ·  Level up: " + ", ".join(
                    f"{names[g.pilot].name if g.pilot in names else g.pilot} {g.level_after}" for g in ups
                )
            fonts.draw(surface, text, (rect.x, rect.bottom + 4), size=Fonts.SMALL, colour=theme.TEXT_DIM)
        w, _ = self.menu.size()
        # Below the panel (a campaign battle with many rewards makes it taller), on the screen.
        self.menu.draw(surface, fonts, (320 - w // 2, min(322, max(290, rect.bottom + 22))), show_help=False)
        below = 20 if self.campaign is not None else 0  # the campaign's funds line
        self._clear += [rect.inflate(0, below * 2).move(0, below), self.menu.rect]
        lh = fonts.line_height(Fonts.SMALL)
        note = fonts.wrap(self.replay_note, 600, Fonts.SMALL)[:2]
        for i, line in enumerate(note):
            y = surface.get_height() - 4 - (len(note) - i) * lh
            fonts.draw(surface, line, (320, y), size=Fonts.SMALL, colour=theme.TEXT_DIM, align="center")
