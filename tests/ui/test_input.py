from __future__ import annotations

import pygame

from game.ui.input.actions import DEFAULT_KEY_BINDINGS, Action, Kind
from game.ui.input.mapper import REPEAT_DELAY, REPEAT_RATE, InputMapper
from game.ui.model.bindings import rebind


def key(k: int, down: bool = True, mod: int = 0) -> pygame.event.Event:
    return pygame.event.Event(pygame.KEYDOWN if down else pygame.KEYUP, key=k, mod=mod)


def mapper() -> InputMapper:
    return InputMapper(DEFAULT_KEY_BINDINGS, lambda p: (p[0] // 2, p[1] // 2))


def test_keyboard_defaults() -> None:
    m = mapper()
    cases = {
        pygame.K_UP: Action.UP,
        pygame.K_w: Action.UP,
        pygame.K_d: Action.RIGHT,
        pygame.K_z: Action.CONFIRM,
        pygame.K_RETURN: Action.CONFIRM,
        pygame.K_x: Action.CANCEL,
        pygame.K_ESCAPE: Action.CANCEL,
        pygame.K_q: Action.PREV_UNIT,
        pygame.K_e: Action.NEXT_UNIT,
        pygame.K_F11: Action.FULLSCREEN,
    }
    for k, action in cases.items():
        (out,) = m.translate([key(k)])
        assert out.kind is Kind.PRESS and out.action is action, k
        m.translate([key(k, down=False)])


def test_alt_enter_toggles_fullscreen() -> None:
    (out,) = mapper().translate([key(pygame.K_RETURN, mod=pygame.KMOD_LALT)])
    assert out.action is Action.FULLSCREEN


def test_unbound_key_reports_its_name_for_remapping() -> None:
    (out,) = mapper().translate([key(pygame.K_k)])
    assert out.action is None and out.key_name == "k"


def test_shift_is_held_and_released() -> None:
    m = mapper()
    m.translate([key(pygame.K_LSHIFT)])
    assert m.is_held(Action.FAST)
    (out,) = m.translate([key(pygame.K_LSHIFT, down=False)])
    assert out.kind is Kind.RELEASE and not m.is_held(Action.FAST)


def test_held_direction_repeats_faster_with_fast() -> None:
    m = mapper()
    m.translate([key(pygame.K_RIGHT)])
    assert m.update(REPEAT_DELAY - 0.01) == []
    out = m.update(0.02)
    assert [e.action for e in out] == [Action.RIGHT] and out[0].repeat
    assert len(m.update(REPEAT_RATE * 3 + 0.001)) == 3
    m.translate([key(pygame.K_LSHIFT)])
    assert len(m.update(REPEAT_RATE * 3 + 0.001)) > 3
    m.translate([key(pygame.K_RIGHT, down=False)])
    assert m.update(1.0) == []


def test_two_keys_for_one_action_release_only_when_both_are_up() -> None:
    m = mapper()
    m.translate([key(pygame.K_UP), key(pygame.K_w)])
    assert m.translate([key(pygame.K_UP, down=False)]) == []
    (out,) = m.translate([key(pygame.K_w, down=False)])
    assert out.kind is Kind.RELEASE


def test_rebinding_changes_the_keymap() -> None:
    m = mapper()
    bindings, message = rebind(DEFAULT_KEY_BINDINGS, Action.CONFIRM, "k")
    assert "Confirm" in message
    m.rebind(bindings)
    (out,) = m.translate([key(pygame.K_k)])
    assert out.action is Action.CONFIRM


def test_rebind_takes_the_key_from_another_action() -> None:
    bindings, message = rebind(DEFAULT_KEY_BINDINGS, Action.CONFIRM, "w")
    assert bindings["confirm"][0] == "w"
    assert "w" not in bindings["up"] and bindings["up"] == ["up"]
    assert "removed from up" in message


def test_rebind_refuses_to_leave_an_action_without_keys() -> None:
    bindings, message = rebind(DEFAULT_KEY_BINDINGS, Action.CONFIRM, "e")  # "e" is the only next-unit key
    assert bindings == DEFAULT_KEY_BINDINGS
    assert "only key" in message


def test_mouse_click_right_click_wheel_and_drag() -> None:
    m = mapper()
    out = m.translate([pygame.event.Event(pygame.MOUSEMOTION, pos=(100, 60), rel=(0, 0), buttons=(0, 0, 0))])
    assert out[0].kind is Kind.POINT and out[0].pos == (50, 30)
    m.translate([pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(100, 60), button=1)])
    (click,) = m.translate([pygame.event.Event(pygame.MOUSEBUTTONUP, pos=(100, 60), button=1)])
    assert click.action is Action.CONFIRM and click.pos == (50, 30) and click.is_click
    (cancel,) = m.translate([pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(10, 10), button=3)])
    assert cancel.action is Action.CANCEL
    (wheel,) = m.translate([pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=1, flipped=False)])
    assert wheel.kind is Kind.WHEEL and wheel.delta == (0, -1)
    # a drag pans instead of clicking
    m.translate([pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(100, 100), button=1)])
    out = m.translate([pygame.event.Event(pygame.MOUSEMOTION, pos=(140, 100), rel=(40, 0), buttons=(1, 0, 0))])
    drags = [e for e in out if e.kind is Kind.DRAG]
    assert drags and drags[0].delta == (20, 0)
    assert m.translate([pygame.event.Event(pygame.MOUSEBUTTONUP, pos=(140, 100), button=1)]) == []


def test_clicks_in_the_letterbox_are_ignored() -> None:
    m = InputMapper(DEFAULT_KEY_BINDINGS, lambda p: None)
    m.translate([pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(1, 1), button=1)])
    assert m.translate([pygame.event.Event(pygame.MOUSEBUTTONUP, pos=(1, 1), button=1)]) == []


def test_gamepad_buttons_stick_and_triggers() -> None:
    m = mapper()
    (a,) = m.translate(
        [pygame.event.Event(pygame.CONTROLLERBUTTONDOWN, instance_id=0, button=pygame.CONTROLLER_BUTTON_A)]
    )
    assert a.action is Action.CONFIRM and a.device == "gamepad"
    (start,) = m.translate(
        [pygame.event.Event(pygame.CONTROLLERBUTTONDOWN, instance_id=0, button=pygame.CONTROLLER_BUTTON_START)]
    )
    assert start.action is Action.MENU
    (rb,) = m.translate(
        [pygame.event.Event(pygame.CONTROLLERBUTTONDOWN, instance_id=0, button=pygame.CONTROLLER_BUTTON_RIGHTSHOULDER)]
    )
    assert rb.action is Action.NEXT_UNIT
    (left,) = m.translate(
        [
            pygame.event.Event(
                pygame.CONTROLLERAXISMOTION, instance_id=0, axis=pygame.CONTROLLER_AXIS_LEFTX, value=-30000
            )
        ]
    )
    assert left.action is Action.LEFT and left.kind is Kind.PRESS
    assert (
        m.translate(
            [
                pygame.event.Event(
                    pygame.CONTROLLERAXISMOTION, instance_id=0, axis=pygame.CONTROLLER_AXIS_LEFTX, value=-31000
                )
            ]
        )
        == []
    )
    out = m.translate(
        [pygame.event.Event(pygame.CONTROLLERAXISMOTION, instance_id=0, axis=pygame.CONTROLLER_AXIS_LEFTX, value=30000)]
    )
    assert [(e.kind, e.action) for e in out] == [(Kind.RELEASE, Action.LEFT), (Kind.PRESS, Action.RIGHT)]
    (fast,) = m.translate(
        [
            pygame.event.Event(
                pygame.CONTROLLERAXISMOTION, instance_id=0, axis=pygame.CONTROLLER_AXIS_TRIGGERRIGHT, value=32000
            )
        ]
    )
    assert fast.action is Action.FAST and m.is_held(Action.FAST)
    # unplugging the pad releases everything it held
    out = m.translate([pygame.event.Event(pygame.CONTROLLERDEVICEREMOVED, instance_id=0)])
    assert {e.action for e in out} == {Action.CONFIRM, Action.MENU, Action.NEXT_UNIT, Action.RIGHT, Action.FAST}
    assert not m.is_held(Action.FAST)


def test_hot_plug_added_without_a_real_pad_is_harmless() -> None:
    m = mapper()
    assert m.translate([pygame.event.Event(pygame.CONTROLLERDEVICEADDED, device_index=5)]) == []
    assert m.controllers == {}


def test_edge_scrolling_follows_the_device_in_use() -> None:
    m = mapper()
    m.translate([pygame.event.Event(pygame.MOUSEMOTION, pos=(2, 2), rel=(0, 0), buttons=(0, 0, 0))])
    assert m.edge_mouse == (1, 1)
    m.translate([key(pygame.K_RIGHT)])
    assert m.edge_mouse is None  # the keyboard took over: a resting mouse must not scroll
    m.translate([pygame.event.Event(pygame.MOUSEMOTION, pos=(4, 4), rel=(1, 1), buttons=(0, 0, 0))])
    assert m.edge_mouse == (2, 2)
    m.translate([pygame.event.Event(pygame.WINDOWLEAVE)])
    assert m.edge_mouse is None
