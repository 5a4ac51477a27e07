"""The five campaign scenarios: they load, their scripts fire, and each can be won and lost.

Battles run through `game.core.apply` on the stand-in roster; late-game situations are
arranged through the state's JSON form and then finished by real commands.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from game.core import CastSpirit, EndPhase, Move, Wait
from game.scenario import list_scenarios
from tests.scenario.driver import Run, scenario

ROOT = Path(__file__).resolve().parents[2]
# The linear campaign in story order (route stages have no `order` and are listed after it).
CAMPAIGN = [
    "blue_comet_falls",
    "sandstorm_decoy",
    "nuclear_dawn",
    "farewell_red_planet",
    "fouron_awakens",
    "sea_of_silence",
    "red_kaiser",
    "earth_falls",
    "curfew",
    "beautiful_le_cain",
    "red_power",
    "seal_of_grados",
]
ROUTES = ["demon_squad", "saint_of_cusco"]  # no `order`: the campaign inserts the chosen one
SHIPPED = [i.id for i in list_scenarios(ROOT) if i.source == "game"]


def test_campaign_is_listed_in_order() -> None:
    infos = [i for i in list_scenarios() if i.source == "game"]
    assert [i.id for i in infos] == CAMPAIGN + ROUTES
    assert all(i.title and i.problem is None for i in infos)


@pytest.mark.parametrize("sid", SHIPPED)
def test_each_scenario_starts_with_its_opening(sid: str) -> None:
    run = Run(sid)
    assert run.outcome is None
    assert run.fired()[0] == "opening"
    assert len(run.spoken()) >= 3
    sc = scenario(sid)
    assert sc.context.info["title"] == sc.title
    assert sc.context.info["location"] and sc.briefing
    assert "closing_victory" in {t.id for t in sc.context.script.triggers}
    assert "closing_defeat" in {t.id for t in sc.context.script.triggers}
    # no objective is met by merely waiting through the first turn
    run.until(2, "player")
    assert run.outcome is None


@pytest.mark.parametrize("sid", SHIPPED)
def test_same_seed_same_battle(sid: str) -> None:
    a, b = Run(sid, seed=5), Run(sid, seed=5)
    for run in (a, b):
        run.until(3, "player")
    assert a.state.digest() == b.state.digest()


@pytest.mark.parametrize("sid", SHIPPED)
def test_every_scenario_has_a_reinforcement_wave(sid: str) -> None:
    spawns = [a for t in scenario(sid).context.script.triggers for a in t.actions if type(a).__name__ == "Spawn"]
    assert spawns


# ---- 1. The Blue Comet Falls ------------------------------------------------------------------
def test_blue_comet_gale_drops_on_turn_3() -> None:
    run = Run("blue_comet_falls")
    run.until(1, "neutral")
    assert "soviet_jets" in run.fired()
    run.until(2, "player")
    assert "gale" not in run.state.units
    run.until(3, "player")
    assert run.unit("gale").unit_id == "greimkaiser"
    assert run.unit("gale").ai["behaviour"] == "boss"
    assert type(run.unit("gale").ai["target_priority"]) is list  # plain data, as a save holds it
    second = [u for u in run.state.units.values() if "second_wave" in u.tags]
    assert len(second) == 2 and all(u.unit_id == "braver" for u in second)
    assert run.fired().count("carrier_drop") == 1


def test_blue_comet_lost_when_the_base_falls() -> None:
    run = Run("blue_comet_falls")
    run.until(1, "enemy")
    run.arrange(braver_1={"pos": [5, 8]}, mars_base={"hp": 10})
    run.strike("braver_1", "knuckle", "mars_base")
    assert run.outcome.winner == "enemy"
    assert run.outcome.reason == "The Mars base is destroyed"
    assert "closing_defeat" in run.fired()


def test_blue_comet_won_when_gale_is_driven_off() -> None:
    run = Run("blue_comet_falls")
    run.until(3, "player")
    bravers = {u.uid: {"status": "destroyed"} for u in run.state.units.values() if u.unit_id == "braver"}
    gale = run.unit("gale")
    run.arrange(**bravers, gale={"hp": 8450}, layzner={"pos": [gale.x - 1, gale.y]})
    run.strike("layzner", "knuckle_shot", "gale")
    assert run.unit("gale").status == "retreated"
    assert run.outcome.winner == "player"
    assert run.outcome.reason == "Destroy the attacking Bravers and drive Gale's squad off"
    assert run.fired()[-2:] == ["gale_withdraws", "closing_victory"]
    assert "base_intact" in run.state.bonus


def test_blue_comet_gale_withdraws_after_turn_5_and_the_bravers_fight_on() -> None:
    run = Run("blue_comet_falls")
    while (run.state.turn, run.state.side) != (6, "player"):
        run.do(EndPhase())
    assert run.unit("gale").status == "retreated"
    # Gale's carrier squad leaves with him; the three attacking Bravers must still be destroyed.
    assert all(run.unit(u.uid).status == "retreated" for u in run.state.units.values() if "second_wave" in u.tags)
    assert run.outcome is None
    bravers = [u for u in run.state.units.values() if u.unit_id == "braver" and u.status == "active"]
    assert sorted(u.uid for u in bravers) == ["braver_1", "braver_2", "braver_3"]
    last = bravers[-1]
    run.arrange(**{b.uid: {"status": "destroyed"} for b in bravers[:-1]}, **{last.uid: {"hp": 10}})
    run.arrange(layzner={"pos": [last.x - 1, last.y]})
    run.strike("layzner", "knuckle_shot", last.uid)
    assert run.outcome.winner == "player"
    assert run.outcome.reason == "Destroy the attacking Bravers and drive Gale's squad off"


def test_blue_comet_mercy_captures_a_braver() -> None:
    run = Run("blue_comet_falls")
    b = run.unit("braver_1")
    run.arrange(braver_1={"hp": 50}, layzner={"pos": [b.x - 1, b.y]})
    run.do(CastSpirit("layzner", "mercy"))
    run.strike("layzner", "knuckle_shot", "braver_1")
    assert run.unit("braver_1").status == "captured"
    assert "first_mercy" in run.fired()
    assert run.state.results["player"].funds > 0


def test_blue_comet_talk_event_raises_eiji_will() -> None:
    run = Run("blue_comet_falls")
    run.until(3, "player")
    gale = run.unit("gale")
    run.arrange(layzner={"pos": [gale.x - 2, gale.y]})
    will = run.unit("layzner").will
    run.do(Move("layzner", (gale.x - 1, gale.y)))
    assert "talk_eiji_gale" in run.fired()
    assert run.unit("layzner").will == will + 10


# ---- 2. Sandstorm Decoy ----------------------------------------------------------------------
def test_sandstorm_weather_and_roberia() -> None:
    run = Run("sandstorm_decoy")
    effects = {(m.key, int(m.value)) for m in run.state.ctx.global_effects}
    assert effects == {("hit", -15), ("range", -1)}
    assert run.state.ctx.info["weather"] == "Sandstorm"
    run.until(2, "player")
    assert run.unit("roberia").pos == run.state.ctx.script.spawn_points["canyon_ambush"]  # the ambush


def test_sandstorm_won_when_both_buggies_shelter() -> None:
    run = Run("sandstorm_decoy")
    run.arrange(buggy_1={"pos": [21, 2]}, buggy_2={"pos": [21, 4]})
    run.do(Wait("buggy_1"))
    assert "first_buggy_safe" in run.fired() and run.outcome is None
    run.do(Move("buggy_2", (21, 3)))
    assert run.outcome.winner == "player"
    assert run.outcome.reason == "Both buggies reach the cave"


def test_sandstorm_lost_when_a_buggy_is_destroyed() -> None:
    run = Run("sandstorm_decoy")
    run.until(1, "enemy")
    b = run.unit("buggy_2")
    run.arrange(buggy_2={"hp": 10}, gusten={"pos": [b.x + 1, b.y]})
    run.strike("gusten", "knuckle", "buggy_2")
    assert run.outcome.winner == "enemy"
    assert run.outcome.reason == "A buggy is destroyed"


def test_sandstorm_gosterro_retreats_at_half_hp() -> None:
    run = Run("sandstorm_decoy")
    g = run.unit("gosterro")
    run.arrange(gosterro={"hp": 6020}, layzner={"pos": [g.x, g.y - 1]})
    run.strike("layzner", "knuckle_shot", "gosterro")
    assert run.unit("gosterro").status == "retreated"
    assert run.outcome.winner == "player" and run.outcome.reason == "Gosterro retreats"


# ---- 3. Farewell to the Red Planet ---------------------------------------------------------------
def dtols(run: Run) -> int:
    return sum(1 for u in run.state.units.values() if u.unit_id == "dtol")


def test_farewell_is_a_space_map_with_waves_every_two_turns() -> None:
    run = Run("farewell_red_planet")
    assert run.state.ctx.grid.space
    assert dtols(run) == 3
    run.until(2, "player")
    assert dtols(run) == 5
    run.until(3, "player")
    assert dtols(run) == 5
    run.until(4, "player")
    assert dtols(run) == 7
    assert run.fired().count("station_launch") == 2


def test_farewell_lost_when_time_runs_out() -> None:
    run = Run("farewell_red_planet")
    while run.outcome is None:
        run.do(EndPhase())
    assert run.state.turn == 6
    assert run.outcome.winner == "enemy"
    assert run.outcome.reason == "Turn 5 ends before the Astrohawk II escapes"


def test_farewell_won_when_the_shuttle_escapes() -> None:
    run = Run("farewell_red_planet")
    run.arrange(astrohawk={"pos": [20, 7]})
    run.do(Move("astrohawk", (22, 7)))
    assert run.outcome.winner == "player"
    assert "rookies_home" in run.state.bonus


# ---- 4. The Beautiful Le Cain ------------------------------------------------------------------
def test_le_cain_layzner_arrives_on_turn_2() -> None:
    run = Run("beautiful_le_cain")
    assert "layzner" not in run.state.units
    assert run.unit("david").pos == (8, 12)  # the map's deployment points, in order
    run.until(2, "player")
    assert run.unit("layzner").pos == (0, 7)
    assert "layzner_arrives" in run.fired()


def play_to_reveal() -> Run:
    run = Run("beautiful_le_cain")
    lim = run.unit("limousine")
    run.arrange(limousine={"hp": 10}, david={"pos": [lim.x, lim.y + 1]})
    run.strike("david", "knuckle", "limousine")
    return run


def test_le_cain_double_changes_the_objective() -> None:
    run = play_to_reveal()
    assert run.outcome is None  # destroying the double does not end the battle
    assert run.state.objectives == "broadcast"
    assert run.unit("le_cain").unit_id == "zakarl"
    assert {u.uid for u in run.state.units.values() if "demon_squad" in u.tags} == {
        "gosterro",
        "mangello",
        "bone",
        "getty",
    }
    assert "objectives_changed" in run.kinds()


def test_le_cain_won_by_speech_and_harbour() -> None:
    run = play_to_reveal()
    run.arrange(anna={"pos": [6, 15]})
    run.do(Move("anna", (6, 14)))
    assert run.state.flags["speech_given"] is True
    assert run.state.objectives == "escape" and run.outcome is None
    assert run.unit("mangello").ai["target_priority"] == ["layzner", "david"]
    run.until(2, "player")
    run.arrange(anna={"pos": [3, 18]})
    run.do(Move("anna", (1, 18)))
    assert run.outcome.winner == "player"
    assert run.outcome.reason == "Anna escapes by the river"
    assert "le_cain_repelled" not in run.state.bonus


def test_le_cain_withdraws_at_seventy_percent() -> None:
    run = play_to_reveal()
    run.until(2, "player")
    lc = run.unit("le_cain")
    run.arrange(le_cain={"hp": 15420}, layzner={"pos": [lc.x, lc.y + 1]})
    run.strike("layzner", "knuckle_shot", "le_cain")
    assert run.unit("le_cain").status == "retreated"
    assert "le_cain_withdraws" in run.fired()
    assert run.outcome is None


def test_le_cain_lost_when_anna_dies() -> None:
    run = Run("beautiful_le_cain")
    run.until(1, "enemy")
    a = run.unit("anna")
    police = next(u.uid for u in run.state.units.values() if u.unit_id == "terminator_police")
    run.arrange(anna={"hp": 10}, **{police: {"pos": [a.x + 1, a.y]}})
    run.strike(police, "knuckle", "anna")
    assert run.outcome.winner == "enemy" and run.outcome.reason == "Anna is killed"


# ---- 5. Seal of Grados --------------------------------------------------------------------------
def test_seal_tower_falls_on_turn_3() -> None:
    run = Run("seal_of_grados")
    run.until(2, "player")
    grunts = [u for u in run.state.units.values() if "grunt" in u.tags]
    assert len(grunts) == 8
    run.until(3, "player")
    assert all(run.unit(u.uid).status == "retreated" for u in grunts)
    assert run.state.flags["tower_taken"] is True
    assert run.unit("le_cain").unit_id == "zakarl_red_power"
    assert run.unit("le_cain").status == "active"


def test_seal_red_power_at_half_hp() -> None:
    run = Run("seal_of_grados")
    run.until(3, "player")
    lc = run.unit("le_cain")
    run.arrange(le_cain={"hp": 17020}, layzner={"pos": [lc.x + 1, lc.y]})
    will = run.unit("le_cain").will
    run.strike("layzner", "knuckle_shot", "le_cain")
    assert "red_power" in run.fired()
    assert run.unit("le_cain").will >= will + 10 - 5  # Red Power: Will +10 (less any lost in the exchange)
    assert run.unit("le_cain").ai["behaviour"] == "aggressive"  # cornered: he stops holding back


def test_seal_won_by_defeating_le_cain() -> None:
    run = Run("seal_of_grados")
    run.until(3, "player")
    lc = run.unit("le_cain")
    run.arrange(le_cain={"hp": 10}, layzner={"pos": [lc.x + 1, lc.y]})
    run.strike("layzner", "knuckle_shot", "le_cain")
    assert run.outcome.winner == "player" and run.outcome.reason == "Defeat Le Cain"
    assert "closing_victory" in run.fired()
    assert "julia" in run.spoken()


def test_seal_lost_when_the_shrine_falls() -> None:
    run = Run("seal_of_grados")
    run.until(1, "enemy")
    s = run.unit("shrine")
    gunstaid = next(u.uid for u in run.state.units.values() if u.unit_id == "gunstaid")
    run.arrange(shrine={"hp": 10}, **{gunstaid: {"pos": [s.x - 1, s.y + 1]}})
    run.strike(gunstaid, "flamethrower", "shrine")
    assert run.outcome.winner == "enemy" and run.outcome.reason == "The Cusco shrine is destroyed"


@pytest.mark.parametrize("sid", SHIPPED)
def test_every_speaker_has_a_portrait(sid: str) -> None:
    portraits = {p.stem for p in (ROOT / "assets" / "portraits").glob("*.png")}
    used = {
        line.portrait
        for t in scenario(sid).context.script.triggers
        for a in t.actions
        for line in (getattr(a, "lines", ()) or ((a.line,) if getattr(a, "line", None) else ()))
    }
    assert used and used <= portraits, used - portraits


def test_seal_awakens_on_turn_6_and_only_defeating_le_cain_wins() -> None:
    run = Run("seal_of_grados")
    run.until(6, "player")
    assert "seal_awakens" in run.fired()
    drops = [e for e in run.events if e.kind == "will_changed" and e.reason == "event:seal_awakens"]  # type: ignore[attr-defined]
    assert next((e.unit, e.after - e.before) for e in drops) == ("le_cain", -40)  # type: ignore[attr-defined]
    assert run.unit("le_cain").ai["spirits"] == []  # "My machine... it will not answer!"
    run.until(12, "player")
    assert run.outcome is None and run.unit("le_cain").status == "active"  # no turn limit wins it
