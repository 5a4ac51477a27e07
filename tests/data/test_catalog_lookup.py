"""Catalog look-ups by id or alias: the same answers as a scan of every entry, at the cost of
a dict look-up (a mod adding thousands of units must not make loading quadratic)."""

from __future__ import annotations

import pytest

from game.data import catalog as catalog_module
from game.data.catalog import GAME, Catalog
from game.data.layout import Doc
from game.data.located import YList, YMap
from game.data.problems import Mark


def _doc(ident: str, aliases: list[str] | None = None, kind: str = "units", **fields: object) -> Doc:
    data = YMap(Mark(f"{ident}.yaml", 1, 1))
    if aliases is not None:
        items = YList()
        for a in aliases:
            items.push(a, None)
        data.put("aliases", items, None, None)
    for k, v in fields.items():
        data.put(k, v, None, None)
    return Doc(kind, ident, data, f"{ident}.yaml", "", Mark(f"{ident}.yaml", 1, 1))


def _deletion(ident: str) -> Doc:
    return Doc("units", ident, None, "x.yaml", "", Mark("x.yaml", 1, 1))


def test_find_by_id_case_and_alias() -> None:
    cat = Catalog()
    cat.apply([_doc("grimekaiser", ["Greim Kaiser", "GK"]), _doc("layzner")], GAME)
    assert cat.find("units", "layzner").id == "layzner"  # type: ignore[union-attr]
    assert cat.find("units", "LAYZNER").id == "layzner"  # type: ignore[union-attr]
    assert cat.find("units", "greim kaiser").id == "grimekaiser"  # type: ignore[union-attr]
    assert cat.find("units", "gk").id == "grimekaiser"  # type: ignore[union-attr]
    assert cat.find("units", "gundam") is None
    assert cat.find("pilots", "layzner") is None


def _scan(cat: Catalog, kind: str, name: str) -> str | None:
    """The answer of a scan over every entry (what the index must agree with)."""
    norm = catalog_module.normalize
    entries = cat.kind(kind)
    if name in entries:
        return name
    key = norm(name)
    for e in entries.values():
        if norm(e.id) == key:
            return e.id
    for e in entries.values():
        aliases = e.data.get("aliases")
        if isinstance(aliases, list) and any(isinstance(a, str) and norm(a) == key for a in aliases):
            return e.id
    return None


def test_the_index_agrees_with_a_scan_after_mods_change_aliases() -> None:
    cat = Catalog()
    cat.apply([_doc("braver", ["Grados SPT"]), _doc("layzner", ["Blue Comet"])], GAME)
    cat.apply([_doc("braver", ["Braver Mk1"]), _doc("zakarl", ["Red One", "Grados SPT"])], "mod_a")
    cat.apply([_deletion("layzner")], "mod_b")
    for name in ["braver", "Braver Mk1", "grados spt", "blue comet", "red one", "LAYZNER", "zakarl", "nobody"]:
        found = cat.find("units", name)
        assert (None if found is None else found.id) == _scan(cat, "units", name), name


def test_deleted_entries_are_not_found_and_a_new_one_is() -> None:
    cat = Catalog()
    cat.apply([_doc("braver", ["B"])], GAME)
    cat.apply([_deletion("braver")], "mod_a")
    assert cat.find("units", "braver") is None and cat.find("units", "b") is None
    cat.apply([_doc("Braver", ["Other"], hp=5)], "mod_b")
    found = cat.find("units", "BRAVER")
    assert found is not None and found.id == "Braver" and found.data["hp"] == 5


def test_entries_put_in_directly_are_found() -> None:
    cat = Catalog()
    cat.kind("units")["layzner"] = catalog_module.Entry("units", "layzner", YMap(), "f", "", GAME)
    assert cat.find("units", "Layzner") is not None


@pytest.mark.parametrize("count", [200, 2000])
def test_adding_entries_costs_the_same_per_entry(monkeypatch: pytest.MonkeyPatch, count: int) -> None:
    calls = 0
    real = catalog_module.normalize

    def counting(text: str) -> str:
        nonlocal calls
        calls += 1
        return real(text)

    monkeypatch.setattr(catalog_module, "normalize", counting)
    cat = Catalog()
    cat.apply([_doc("layzner")], GAME)
    cat.apply([_doc(f"clone_{i}", [f"Clone {i}"]) for i in range(count)], "big_mod")
    assert len(cat.kind("units")) == count + 1
    assert calls <= 4 * (count + 1)  # a scan per look-up would be count * count / 2
