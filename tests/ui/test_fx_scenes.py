"""The battle scene plays every shipped weapon's animation, V-MAX uses its trail art, hits
flash the target, destruction plays out, spirits get their own scene in full mode only,
and every mode and key skips as it should."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pygame
import pytest

from game.core import Deployment, new_battle
from game.core import events as ev
from game.core.state import BattleState
from game.data.fx_schema import ANIMATION_KINDS, WeaponAnimation
from game.ui.app import build_services
from game.ui.fx.choreo import IMPACT, Effects, StrikeView, striker_offset
from game.ui.fx.spirit import SpiritScene
from game.ui.fx.sprites import DASH, DOWN, HIT, BattleSprites
from game.ui.input.actions import Action, InputEvent, Kind
from game.ui.model.session import BattleSession
from game.ui.scene import Pop
from game.ui.scenes.battle.scene import BattleScene
from game.ui.scenes.combat import CUTIN, STRIKE, CombatScene
from game.ui.services import Services
from tests.ui.training import duel

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def services(config_dir: Path) -> Services:
    return build_services(None, config_dir=config_dir)


def _state(services: Services, attacker: str, target: str = "braver", pilot: str = "eiji") -> BattleState:
    ctx = services.catalog.load("blue_comet_falls").ctx
    deployments = [
        Deployment(attacker, "player", pilot=pilot, pos=(5, 5), uid="a"),
        Deployment(target, "enemy", pilot="grados_soldier", pos=(7, 5), uid="d"),
    ]
    state, _ = new_battle(ctx, deployments, 5)
    return state


def _exchange(weapon: str, *, hit: bool = True, crit: bool = False, kill: bool = False) -> list[ev.Event]:
    after = 0 if kill else 1500
    strike = ev.StrikeResolved(
        "a",
        "d",
        weapon,
        "attack",
        80,
        hit,
        10,
        crit,
        1500 if hit else 0,
        3000,
        after if hit else 3000,
        0,
        False,
        False,
        (),
    )
    out: list[ev.Event] = [ev.ExchangeStarted("a", "d", weapon, "none", None, None, None), strike]
    if kill:
        out.append(ev.UnitDestroyed("d", "a"))
    return [*out, ev.ExchangeEnded("a", "d")]


def _frames(scene: CombatScene, kind: str, points: tuple[float, ...]) -> list[bytes]:
    """The scene drawn at fractions `points` of its first segment of `kind`."""
    surface = pygame.Surface((640, 360))
    out = []
    index = next(i for i, s in enumerate(scene.segments) if s.kind == kind)
    while scene.index < index:
        assert scene.update(1 / 30) is None
    seg = scene.segments[index]
    done = 0.0
    for p in points:
        scene.update(max(0.0, p * seg.duration - done))
        done = p * seg.duration
        scene.draw(surface)
        out.append(pygame.image.tobytes(surface, "RGB"))
    return out


def _shipped_weapons(services: Services) -> list[tuple[str, str]]:
    data = services.catalog.data  # type: ignore[attr-defined]
    return [(u.id, w.id) for u in data.entries["units"].values() for w in u.weapons]


def test_every_shipped_weapon_plays_its_animation(services: Services) -> None:
    weapons = _shipped_weapons(services)
    assert len(weapons) > 60
    for unit_id, weapon in weapons:
        scene = CombatScene(
            services, _state(services, unit_id), _exchange(weapon), {"a": (3000, 3000), "d": (3000, 3000)}
        )
        seg = next(s for s in scene.segments if s.kind == STRIKE)
        assert seg.anim is not None and seg.anim.seconds == seg.duration
        a, b, c = _frames(scene, STRIKE, (0.1, 0.45, IMPACT + 0.05))
        assert len({a, b, c}) == 3, f"{unit_id}.{weapon}: the strike does not move"


def test_v_max_streaks_with_its_trail_and_maximum_is_bigger(services: Services) -> None:
    data = services.catalog.data  # type: ignore[attr-defined]

    def anim(unit: str, weapon: str) -> WeaponAnimation:
        found = next(w for w in data.entries["units"][unit].weapons if w.id == weapon).animation
        assert found is not None and found.cut_in
        return found

    def trail(a: WeaponAnimation) -> tuple[int, tuple[int, int, int]]:
        """Height of what is drawn behind the comet mid-streak, and its middle colour."""
        effects = Effects(services.art)
        view = StrikeView(a, (490, 230), (150, 230), (440, 180), (150, 170), True, False, 1.0)
        surface = pygame.Surface((640, 360))
        p = 0.5
        offset = striker_offset(view, p)
        effects.draw(surface, view, p, (490 + offset[0], 230 + offset[1]))
        x = 490 - 20  # just behind the stance: only the trail is drawn there
        rows = [y for y in range(360) if surface.get_at((x, y))[:3] != (0, 0, 0)]
        assert rows, f"{a.trail}: no trail"
        return max(rows) - min(rows), tuple(surface.get_at((x, (max(rows) + min(rows)) // 2))[:3])

    v_max, blue = trail(anim("layzner", "v_max"))
    v_maximum, _ = trail(anim("layzner_mk2", "v_maximum"))
    red_power, red = trail(anim("zakarl", "v_max_red_power"))
    assert red_power > 10
    assert v_maximum > v_max * 1.3
    assert blue[2] > blue[0] and red[0] > red[2]


def test_a_hit_flashes_and_shakes_the_target_and_a_miss_does_not(services: Services) -> None:
    hit = CombatScene(
        services, _state(services, "layzner"), _exchange("layzered_rifle"), {"a": (1, 1), "d": (3000, 3000)}
    )
    sprites = BattleSprites(services.art)
    assert sprites.pose("braver", HIT) == HIT and sprites.pose("braver", DASH) == DASH
    _frames(hit, STRIKE, (IMPACT + 0.02,))
    looks = []
    original = hit.sprites.get

    def spy(unit_id: str, side: str, pose: int, facing_left: bool, look: str = "") -> pygame.Surface:
        looks.append((unit_id, pose, look))
        return original(unit_id, side, pose, facing_left, look)

    hit.sprites.get = spy  # type: ignore[method-assign]
    hit.draw(pygame.Surface((640, 360)))
    assert ("braver", HIT, "flash") in looks
    miss = CombatScene(
        services, _state(services, "layzner"), _exchange("layzered_rifle", hit=False), {"a": (1, 1), "d": (3000, 3000)}
    )
    _frames(miss, STRIKE, (IMPACT + 0.02,))
    looks.clear()
    miss.sprites.get = spy  # type: ignore[method-assign]
    miss.draw(pygame.Surface((640, 360)))
    assert not any(look == "flash" for _, _, look in looks)


def test_a_destroyed_unit_burns_then_explodes_then_is_gone(services: Services) -> None:
    scene = CombatScene(
        services, _state(services, "layzner"), _exchange("knuckle_shot", kill=True), {"a": (1, 1), "d": (3000, 3000)}
    )
    frames = _frames(scene, "boom", (0.1, 0.4, 0.7, 0.95))
    assert len(set(frames)) == 4
    assert scene.segments[-2].quote is not None  # the pilot's last words
    for _ in range(200):
        if scene.update(1 / 30) is not None:
            break
    assert "d" in scene.gone
    assert BattleSprites(services.art).pose("braver", DOWN) == DOWN


def test_a_critical_cuts_in(services: Services) -> None:
    scene = CombatScene(
        services, _state(services, "layzner"), _exchange("knuckle_shot", crit=True), {"a": (1, 1), "d": (3000, 3000)}
    )
    assert [s.kind for s in scene.segments][1:3] == [CUTIN, STRIKE]
    a, b = _frames(scene, CUTIN, (0.05, 0.5))
    assert a != b


def test_confirm_skips_the_scene_and_fast_forward_runs_four_times_faster(services: Services) -> None:
    scene = CombatScene(services, _state(services, "layzner"), _exchange("v_max"), {"a": (1, 1), "d": (3000, 3000)})
    assert isinstance(scene.handle(InputEvent(Kind.PRESS, Action.CONFIRM)), Pop)
    total = sum(s.duration for s in scene.segments)
    slow = 0
    while scene.update(0.1) is None:
        slow += 1
    services.input.is_held = lambda action: action is Action.FAST  # type: ignore[method-assign]
    fast_scene = CombatScene(
        services, _state(services, "layzner"), _exchange("v_max"), {"a": (1, 1), "d": (3000, 3000)}
    )
    fast = 0
    while fast_scene.update(0.1) is None:
        fast += 1
    assert slow >= total / 0.1 - 1 and fast <= slow / 3


@pytest.mark.parametrize(("mode", "shown"), [("full", True), ("map", False), ("off", False)])
def test_spirits_get_their_scene_only_in_full_mode(services: Services, mode: str, shown: bool) -> None:
    services.settings = replace(services.settings, animation=mode)
    battle = BattleScene(services, BattleSession.start(duel()))
    battle.playback.queue.clear()
    battle.playback.beat = None
    battle.playback.blocked = False
    cast = ev.SpiritCast("layzner", "valor", ("layzner",), 40, 20)
    battle.playback.queue.append(cast)
    pushed = battle.director.run(0.01, battle.state, skipping=False)
    assert isinstance(pushed, SpiritScene) == shown
    if shown:
        assert isinstance(pushed, SpiritScene)
        assert pushed.name == "Valor" and pushed.quote is not None
        surface = pygame.Surface((640, 360))
        pushed.update(0.5)
        pushed.draw(surface)
        assert isinstance(pushed.handle(InputEvent(Kind.PRESS, Action.CONFIRM)), Pop)
    battle.playback.queue.append(cast)
    battle.playback.blocked = False
    assert battle.director.run(0.01, battle.state, skipping=True) is None  # enemy-phase skip


def test_every_spirit_has_a_look(services: Services) -> None:
    from game.ui.fx.spirit import LOOKS

    data = services.catalog.data  # type: ignore[attr-defined]
    assert set(data.entries["spirits"]) <= set(LOOKS)


@pytest.mark.parametrize("kind", ANIMATION_KINDS)
def test_every_kind_of_animation_draws_and_moves(services: Services, kind: str) -> None:
    anim = WeaponAnimation(kind=kind, trail="vmax_trail" if kind == "vmax" else None, shots=2)
    effects = Effects(services.art)
    shots = []
    for p in (0.1, 0.4, IMPACT + 0.05, 0.75):
        view = StrikeView(anim, (150, 230), (490, 230), (200, 180), (490, 170), True, False, p * 3)
        surface = pygame.Surface((640, 360))
        offset = striker_offset(view, p)
        effects.draw(surface, view, p, (150 + offset[0], 230 + offset[1]))
        shots.append(pygame.image.tobytes(surface, "RGB"))
    blank = pygame.image.tobytes(pygame.Surface((640, 360)), "RGB")
    assert any(s != blank for s in shots), f"{kind} draws nothing"
    assert len(set(shots)) >= 3, f"{kind} does not change over the strike"
