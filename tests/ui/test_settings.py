from __future__ import annotations

import json
from pathlib import Path

from game.ui.input.actions import DEFAULT_KEY_BINDINGS
from game.ui.settings import Settings, SettingsStore


def test_defaults_when_no_file(tmp_path: Path) -> None:
    settings, problems = SettingsStore(tmp_path).load()
    assert settings == Settings()
    assert problems == []


def test_save_and_load_round_trip(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "deep" / "dir")
    s = Settings(animation="map", unit_speed="fast", text_speed="slow", music_volume=30, sfx_volume=0, window_scale=3)
    s.show_grid = False
    s.key_bindings["confirm"] = ["k"]
    assert store.save(s) is None
    loaded, problems = store.load()
    assert problems == []
    assert loaded == s
    # atomic write: no temporary files are left beside the settings
    assert [p.name for p in store.path.parent.iterdir()] == ["settings.json"]


def test_damaged_file_gives_defaults_and_a_message(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path)
    store.path.write_text("{ not json", encoding="utf-8")
    settings, problems = store.load()
    assert settings == Settings()
    assert len(problems) == 1 and "could not be read" in problems[0] and str(store.path) in problems[0]


def test_binary_garbage_gives_defaults(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path)
    store.path.write_bytes(b"\xff\xfe\x00garbage")
    settings, problems = store.load()
    assert settings == Settings() and problems


def test_bad_fields_fall_back_one_by_one(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path)
    store.path.write_text(
        json.dumps(
            {
                "animation": "sideways",
                "music_volume": 250,
                "sfx_volume": 40,
                "show_grid": "yes",
                "key_bindings": {"jump": ["j"]},
            }
        ),
        encoding="utf-8",
    )
    settings, problems = store.load()
    assert settings.animation == "full"
    assert settings.music_volume == Settings().music_volume
    assert settings.sfx_volume == 40  # the good field is kept
    assert settings.show_grid is True
    assert settings.key_bindings == DEFAULT_KEY_BINDINGS
    assert len(problems) == 4


def test_not_an_object(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path)
    store.path.write_text("[1, 2]", encoding="utf-8")
    settings, problems = store.load()
    assert settings == Settings() and "expected an object" in problems[0]


def test_partial_bindings_keep_other_defaults(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path)
    store.path.write_text(json.dumps({"key_bindings": {"cancel": ["q"]}}), encoding="utf-8")
    settings, problems = store.load()
    assert problems == []
    assert settings.key_bindings["cancel"] == ["q"]
    assert settings.key_bindings["confirm"] == DEFAULT_KEY_BINDINGS["confirm"]


def test_unwritable_location_reports_instead_of_raising(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    error = SettingsStore(blocker / "sub").save(Settings())
    assert error is not None and "could not save settings" in error
