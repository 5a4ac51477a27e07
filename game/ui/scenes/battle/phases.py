"""The modes in which the player watches: a command's events playing, and a computer side's
phase (its AI chooses one command at a time)."""

from __future__ import annotations

from collections.abc import Callable

from game.core import Attack, EndPhase
from game.ui.input.actions import Action, InputEvent
from game.ui.scenes.battle.field import Field
from game.ui.scenes.battle.mode import STAY, After, Mode, Order, Result, show
from game.ui.scenes.forecast import ReactionScene

MAX_AI_COMMANDS = 400  # per phase: a stuck controller must not hang the game


class PlaybackMode(Mode):
    """The events of the player's command are playing (confirm hurries the current beat);
    then `after` says what the turn does next."""

    player_input = False

    def __init__(
        self,
        field: Field,
        uid: str | None = None,
        after: After = After.NOTHING,
        then: Callable[[], Result] | None = None,
    ) -> None:
        self.field = field
        self.uid = uid
        self.after = after
        self.then = then  # in place of `after`

    def press(self, e: InputEvent) -> Result:
        beat = self.field.playback.beat
        if e.pressed(Action.CONFIRM) and beat is not None and not self.field.enemy_phase():
            beat.finish()
        return STAY

    def idle(self) -> Result:
        f = self.field
        if f.session.player_phase:
            if self.then is not None and f.state.outcome is None:
                return self.then()
            return f.orders.resume(self.uid, self.after)
        return ComputerMode(f).idle()


def phase_hint(field: Field) -> str:
    """The hints line while a computer side moves, naming that side (allies and neutrals too)."""
    name = field.state.ctx.sides[field.state.phase].name.replace("{", "{{").replace("}", "}}")
    return f"{name} phase  ·  hold {{fast}} to fast-forward"


class ComputerMode(Mode):
    """A computer side's phase: each time the map is idle, its AI gives the next command."""

    player_input = False

    def __init__(self, field: Field) -> None:
        self.field = field

    def idle(self) -> Result:
        f = self.field
        if f.session.player_phase:
            return f.orders.resume(None, After.NOTHING)
        f.inspect = None
        state = f.state
        side = state.side
        services = f.services
        f.ai_count += 1
        try:
            controller = services.controllers(side)
            cmd = EndPhase() if f.ai_count > MAX_AI_COMMANDS else controller.next_command(state)
            if isinstance(cmd, Attack) and not f.session.needs_reaction(cmd):
                cmd = services.controllers(state.unit(cmd.target).side).react(state, cmd)
        except Exception as exc:  # a failing AI ends its phase instead of freezing the game
            services.notify(f"The {side} AI failed ({exc}); its phase ends.")
            cmd = EndPhase()
        f.acting = getattr(cmd, "unit", None)
        if isinstance(cmd, Attack) and f.session.needs_reaction(cmd):
            f.camera.keep_visible(state.unit(cmd.unit).pos, margin=3)
            return show(ReactionScene(services, state, cmd), lambda r: Order(r) if isinstance(r, Attack) else STAY)
        return Order(cmd, otherwise=EndPhase())
