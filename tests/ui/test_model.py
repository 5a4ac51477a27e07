"""The presentation models: every answer comes from the engine."""

from __future__ import annotations

from dataclasses import replace

from game.campaign import CampaignState
from game.core import Attack, EndPhase, Move, Wait
from game.saves import restore
from game.ui.model.forecast_view import reaction_options
from game.ui.model.objectives import current_objectives
from game.ui.model.ranges import attack_tiles, danger_zone, move_tiles
from game.ui.model.session import BattleSession
from game.ui.model.summary import summarize
from game.ui.model.unit_actions import spirit_rows, unit_menu, weapon_rows
from game.ui.model.unit_info import terrain_info, unit_info
from tests.ui.training import duel, first_contact, training_catalog


def test_action_menu_greys_attack_with_the_reason() -> None:
    s = BattleSession.start(first_contact())
    items = {i.key: i for i in unit_menu(s.state, "layzner")}
    assert not items["attack"].enabled and "range" in items["attack"].reason
    assert items["take_off"].enabled and items["wait"].enabled and items["status"].enabled
    assert items["spirit"].enabled
    assert "repair" not in items  # the Layzner has no repair device
    doll = {i.key: i for i in unit_menu(s.state, "doll")}
    assert not doll["repair"].enabled and "damaged" in doll["repair"].reason


def test_weapon_rows_give_engine_reasons() -> None:
    s = BattleSession.start(duel())
    rows = {r.weapon.id: r for r in weapon_rows(s.state, "layzner")}
    assert rows["layzered_rifle"].enabled and rows["layzered_rifle"].targets == ("braver_1",)
    assert "Will 120" in rows["v_max"].reason
    assert "reaches 1-1" in rows["knuckle_shot"].reason


def test_spirit_rows_costs_and_reasons() -> None:
    s = BattleSession.start(first_contact())
    rows = {r.id: r for r in spirit_rows(s.state, "doll")}
    assert rows["focus"].cost == 15 and rows["focus"].enabled
    assert not rows["trust"].enabled and "full HP" in rows["trust"].reason


def test_ranges_and_danger_zone() -> None:
    s = BattleSession.start(duel())
    moves = move_tiles(s.state, "layzner")
    assert (1, 2) in moves and len(moves) > 20
    reach = attack_tiles(s.state, "layzner")
    assert (6, 2) in reach
    danger = danger_zone(s.state, "player")
    assert (1, 2) in danger  # the Bravers can reach the Layzner next phase
    assert (6, 2) in danger or (5, 2) in danger


def test_unit_and_terrain_info() -> None:
    s = BattleSession.start(first_contact())
    info = unit_info(s.state, "layzner")
    assert info.name == "Layzner" and info.pilot == "Eiji Asuka" and info.max_hp == 3700
    assert [w.name for w in info.weapons][:2] == ["Knuckle Shot", "Calf Missile"]
    assert info.weapons[2].range == "2-6" and info.weapons[1].cost == "6/6"
    assert ("Focus", 15, False) in info.spirits
    assert "Support Attack L1" in info.skills and info.abilities == ("V-MAX",)
    t = terrain_info(s.state, (2, 4))
    assert t.name == "Base" and t.defense == 20 and t.hp_recovery == 10


def test_reaction_options_show_each_choice() -> None:
    s = BattleSession.start(duel())
    s.do(Wait("layzner"))
    s.do(EndPhase())
    # put the Braver next to the Layzner so it can attack
    s.state.units["braver_1"] = replace(s.state.units["braver_1"], x=2, y=2)
    opts = reaction_options(s.state, Attack("braver_1", "braver_rifle", "layzner"))
    assert opts["counter"].counter is not None
    assert opts["defend"].counter is None and opts["defend"].attack.damage < opts["counter"].attack.damage
    assert opts["evade"].attack.hit <= opts["counter"].attack.hit


def test_greedy_controller_finishes_a_battle() -> None:
    s = BattleSession.start(first_contact())
    from game.ai import make_controller

    ai = make_controller("greedy")
    for _ in range(3000):
        if s.state.outcome is not None:
            break
        cmd = ai.next_command(s.state)
        if isinstance(cmd, Attack):
            cmd = ai.react(s.state, cmd)
        s.do(cmd)
    assert s.state.outcome is not None


def test_session_record_restores_exactly() -> None:
    campaign = CampaignState(order=("a", "b"), funds=100)
    s = BattleSession.start(duel(), campaign=campaign)
    s.do(Move("layzner", (2, 2)))
    record = s.record("suspend")
    assert record.kind == "suspend" and record.extra["campaign"] == campaign.to_json()
    back = restore(record, "", lambda sid: duel())
    assert back.state.digest() == s.state.digest() and list(back.commands) == s.log
    assert CampaignState.from_json(record.extra["campaign"]) == campaign


def test_objectives_and_summary() -> None:
    s = BattleSession.start(first_contact())
    text = current_objectives(s.state)
    assert text.victory == ("Defeat every Grados unit.",) and text.bonus == ("Win by the end of turn 5.",)
    summary = summarize(s.state)
    assert not summary.won and summary.turns == 1 and summary.bonus == (("Win by the end of turn 5.", False),)


def test_training_catalog_lists_and_loads() -> None:
    catalog = training_catalog()
    ids = [i.id for i in catalog.scenarios()]
    assert ids == list(catalog.campaign())
    for i in ids:
        loaded = catalog.load(i)
        assert loaded.info.id == i and loaded.ctx.scenario_id == i


def test_dialogue_speakers_and_briefing_text() -> None:
    from game.ui.model.dialogue import display_lines, reflow, speaker_name

    defs = first_contact().ctx.defs
    assert speaker_name(defs, "eiji") == "Eiji Asuka"
    assert speaker_name(defs, "soviet_pilot") == "Soviet Pilot"
    assert speaker_name(defs, "Gale") == "Gale"
    lines = display_lines(defs, [{"speaker": "simone", "text": "Hi", "portrait": "simone"}])
    assert lines == [{"speaker": "Simone Refrain", "text": "Hi", "portrait": "simone"}]
    assert reflow("New York,\nOctober 1999.\n\nA new day.\n") == "New York, October 1999.\nA new day."


def test_hints_name_the_players_keys(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from game.ui.app import build_services

    services = build_services(None, config_dir=tmp_path, headless=True)
    assert services.keys("{confirm} ok · {cancel} back · {fast}") == "Z ok · X back · Shift"
    services.settings.key_bindings["confirm"] = ["return"]
    assert services.keys("{confirm}") == "Enter"


def test_library_art_uses_the_shipped_assets_and_falls_back_for_unknown_ids() -> None:
    import pygame

    from game.assets import AssetLibrary
    from game.ui.render.library_art import LibraryArt

    pygame.init()
    art = LibraryArt(AssetLibrary())
    assert art.unit_sprite("layzner", "player").get_size() == (32, 32)
    facing_right = art.unit_sprite("braver", "player")
    facing_left = art.unit_sprite("braver", "enemy")
    assert pygame.image.tobytes(facing_left, "RGBA") == pygame.image.tobytes(
        pygame.transform.flip(facing_right, True, False), "RGBA"
    )
    assert art.battle_sprite("layzner", "player", 3).get_size() == (128, 128)
    assert art.portrait("eiji") is not None and art.portrait("eiji", speaking=True) is not art.portrait("eiji")
    assert art.portrait("nobody_at_all") is None
    assert art.unit_sprite("a_mod_unit_without_art", "enemy").get_size() == (32, 32)  # drawn fallback
    assert art.effect("explosion") and art.window("window") is not None and art.ui("logo") is not None


def test_sound_names_map_to_shipped_sounds() -> None:
    from game.assets import AssetLibrary
    from game.ui.audio import SOUNDS, weapon_sound
    from tests.ui.training import UNITS

    library = AssetLibrary()
    for sound_id in set(SOUNDS.values()):
        assert library.exists("sound", sound_id), sound_id
    for unit in UNITS:
        for w in unit.weapons:
            assert library.exists("sound", weapon_sound(w)), w.id
    for track in ("title", "victory", "defeat", "mars", "space", "occupied_earth", "boss"):
        assert library.exists("music", track), track


def test_battle_music_follows_the_map() -> None:
    from game.core.headless import make_context
    from game.ui.model.music import battle_music, is_boss
    from tests.ui.training import UNITS

    defs = first_contact().ctx.defs
    assert battle_music(first_contact().ctx) == "mars"
    assert battle_music(make_context(defs, (4, 4), space=True)) == "space"
    greim = next(u for u in UNITS if u.id == "greimkaiser")
    braver = next(u for u in UNITS if u.id == "braver")
    assert is_boss(greim, "enemy") and not is_boss(braver, "enemy") and not is_boss(greim, "player")


def test_units_that_can_only_wait_do_not_hold_up_the_phase() -> None:
    from game.core import Deployment
    from game.core.defs import UnitDef
    from game.core.headless import make_context, make_definitions
    from game.ui.model.unit_actions import ready_units
    from tests.ui.training import PILOTS, UNITS

    tower = UnitDef("tower", "Tower", hp=5000, en=0, mobility=0, armor=500, move=0, kind="building")
    defs = make_definitions(units=(*UNITS, tower), pilots=PILOTS)
    ctx = make_context(defs, (6, 6))
    s = BattleSession.start(
        replace(
            duel(),
            ctx=ctx,
            deployments=(
                Deployment("tower", "player", pos=(0, 0), uid="tower"),
                Deployment("layzner", "player", pilot="eiji", pos=(1, 1), uid="layzner"),
                Deployment("braver", "enemy", pilot="grados_soldier", pos=(5, 5), uid="braver"),
            ),
        )
    )
    assert ready_units(s.state, "player") == ["layzner"]
    s.do(Wait("layzner"))
    assert ready_units(s.state, "player") == []


def test_the_game_uses_the_srw_ai_at_the_chosen_difficulty(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from game.ui.app import build_services

    services = build_services(None, config_dir=tmp_path, headless=True)
    normal = services.controllers("enemy")
    assert type(normal).__name__ == "SRWController"
    assert services.controllers("enemy") is normal
    services.settings.difficulty = "hard"
    hard = services.controllers("enemy")
    assert hard is not normal and hard.difficulty.name == "hard"  # type: ignore[attr-defined]


def test_the_forecast_says_what_a_finishing_blow_will_do_with_and_without_mercy() -> None:
    from game.core import CastSpirit, forecast
    from game.core.events import StrikeResolved, UnitCaptured, UnitDestroyed
    from game.ui.model.forecast_view import forecast_view

    for mercy in (False, True):
        for seed in range(20):
            s = BattleSession.start(duel(), seed=seed)
            s.state.units["braver_1"] = replace(s.state.units["braver_1"], hp=200)
            if mercy:
                s.do(CastSpirit("layzner", "mercy"))
            fc = forecast(s.state, "layzner", "layzered_rifle", "braver_1", "defend")
            row = forecast_view(s.state, fc).attack
            assert row.lethal
            events = s.do(Attack("layzner", "layzered_rifle", "braver_1", reaction="defend"))
            strike = next(e for e in events if isinstance(e, StrikeResolved))
            if not strike.hit:
                continue
            captured = any(isinstance(e, UnitCaptured) for e in events)
            destroyed = any(isinstance(e, UnitDestroyed) for e in events)
            assert (row.spared, captured, destroyed) == (("captured", True, False) if mercy else ("", False, True))
            break
        else:
            raise AssertionError("the rifle never hit")
