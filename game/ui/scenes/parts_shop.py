"""The parts shop: buy skill parts and consumables with funds, or sell parts in stock.
Left/Right switch between buying and selling. Pops the campaign state with the purchases."""

from __future__ import annotations

import pygame

from game.campaign import CampaignError, CampaignState, buy_part, sell_part
from game.ui.input.actions import Action, InputEvent, Kind
from game.ui.model.growth_view import PartRow, shop_rows
from game.ui.render import theme
from game.ui.render.menu import Entry, ListMenu
from game.ui.render.text import Fonts
from game.ui.scene import Pop, Scene, Transition
from game.ui.scenes.backdrop import Backdrop
from game.ui.services import Services

KIND_NAMES = {"part": "Skill part", "consumable": "Consumable (map menu: Item)"}


class PartsShopScene(Scene):
    def __init__(self, services: Services, campaign: CampaignState) -> None:
        self.services = services
        self.campaign = campaign
        self.rules = services.catalog.campaign_rules()
        self.mode = "buy"  # or "sell"
        self.backdrop = Backdrop(services.art.ui("title_background"))
        self.t = 0.0
        self.rows: list[PartRow] = []
        self.menu = ListMenu([], width=250, max_rows=14)
        self._refresh()

    def _refresh(self) -> None:
        rows = shop_rows(self.campaign, self.rules)
        entries = []
        if self.mode == "buy":
            self.rows = [r for r in rows if r.price is not None]
            for r in self.rows:
                entries.append(
                    Entry(
                        r.name,
                        r.id,
                        r.problem is None,
                        r.problem or "",
                        detail=f"{r.price:,}",
                        help=f"Buy one {r.name} for {r.price:,} funds.",
                    )
                )
        else:
            self.rows = [r for r in rows if r.stock > 0]
            for r in self.rows:
                entries.append(
                    Entry(
                        f"{r.name} x{r.stock}",
                        r.id,
                        r.sell > 0,
                        "Nobody buys this part.",
                        detail=f"{r.sell:,}",
                        help=f"Sell one {r.name} for {r.sell:,} funds.",
                    )
                )
        title = "Buy parts" if self.mode == "buy" else "Sell parts (in stock)"
        self.menu = ListMenu(entries, title=title, width=250, max_rows=14, index=self.menu.index, help_width=360)

    @property
    def row(self) -> PartRow | None:
        return self.rows[self.menu.index] if self.rows else None

    def update(self, dt: float) -> Transition | None:
        self.t += dt
        return None

    def handle(self, ev: InputEvent) -> Transition | None:
        audio = self.services.audio
        if ev.kind is Kind.PRESS and ev.action in (Action.LEFT, Action.RIGHT):
            self.mode = "sell" if self.mode == "buy" else "buy"
            self.menu.index = 0
            audio.sfx("cursor")
            self._refresh()
            return None
        result = self.menu.handle(ev)
        if result == "moved":
            audio.sfx("cursor")
        elif result in ("cancel", "cancel_outside"):
            audio.sfx("cancel")
            return Pop(self.campaign)
        elif result == "pick" and self.menu.current is not None:
            entry = self.menu.current
            if not entry.enabled:
                audio.sfx("buzz")
                return None
            try:
                if self.mode == "buy":
                    self.campaign = buy_part(self.campaign, str(entry.key), self.rules)
                else:
                    self.campaign = sell_part(self.campaign, str(entry.key), self.rules)
            except CampaignError as exc:
                audio.sfx("buzz")
                self.services.notify(str(exc))
                return None
            audio.sfx("confirm")
            self._refresh()
        return None

    def draw(self, surface: pygame.Surface) -> None:
        self.backdrop.draw(surface, self.t)
        fonts = self.services.fonts
        fonts.draw(surface, "PARTS SHOP", (24, 12), size=Fonts.LARGE, bold=True, colour=theme.ACCENT)
        fonts.draw(surface, f"Funds {self.campaign.funds:,}", (616, 16), bold=True, align="right", colour=theme.ACCENT)
        for i, (label, mode) in enumerate((("Buy", "buy"), ("Sell", "sell"))):
            colour = theme.ACCENT if self.mode == mode else theme.TEXT_DIM
            fonts.draw(surface, label, (200 + i * 50, 18), bold=self.mode == mode, colour=colour)
        self.menu.draw(surface, fonts, (14, 46), show_help=False)
        panel = pygame.Rect(276, 46, 342, 150)
        fonts.panel(surface, panel)
        x, y = panel.x + 10, panel.y + 8
        row = self.row
        if row is None:
            empty = "Nothing in stock to sell." if self.mode == "sell" else "The shop has nothing for sale."
            fonts.draw(surface, empty, (x, y), colour=theme.TEXT_DIM)
        else:
            fonts.draw(surface, row.name, (x, y), bold=True)
            fonts.draw(
                surface,
                KIND_NAMES.get(row.kind, row.kind),
                (panel.right - 10, y + 2),
                size=Fonts.SMALL,
                colour=theme.TEXT_DIM,
                align="right",
            )
            y += 22
            for line in fonts.wrap(row.description, panel.w - 20, Fonts.SMALL):
                fonts.draw(surface, line, (x, y), size=Fonts.SMALL)
                y += fonts.line_height(Fonts.SMALL)
            y = panel.bottom - 42
            fonts.draw(
                surface,
                f"Owned {row.owned}  (in stock {row.stock}, in slots {row.owned - row.stock})",
                (x, y),
                size=Fonts.SMALL,
                colour=theme.TEXT_DIM,
            )
            y += 16
            price = "not sold" if row.price is None else f"{row.price:,}"
            fonts.draw(
                surface, f"Price {price}    Sells for {row.sell:,}", (x, y), size=Fonts.SMALL, colour=theme.TEXT_DIM
            )
        entry = self.menu.current
        if entry is not None:
            text = entry.help if entry.enabled else entry.reason
            colour = theme.TEXT if entry.enabled else theme.WARNING
            hy = 206
            for line in fonts.wrap(text, 330, Fonts.SMALL):
                fonts.draw(surface, line, (286, hy), size=Fonts.SMALL, colour=colour)
                hy += fonts.line_height(Fonts.SMALL)
        fonts.draw(
            surface,
            self.services.keys("{confirm}: " + self.mode + "    Left/Right: buy or sell    {cancel}: back"),
            (618, 340),
            size=Fonts.SMALL,
            colour=theme.TEXT_DIM,
            align="right",
        )
