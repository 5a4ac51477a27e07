"""Random damage to map and scenario files never escapes as anything but MapError / ScenarioError."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.maps import MapError, load_map
from game.scenario import ScenarioError
from game.scenario.loader import validate
from game.scenario.problems import read_yaml
from tests.maps.test_maps import TSX
from tests.scenario.roster import TERRAINS

MAP = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<map version="1.10" orientation="orthogonal" width="3" height="2" '
    'tilewidth="32" tileheight="32" infinite="0">\n<tileset firstgid="1" source="test.tsx"/>\n'
    '<layer id="1" name="g" width="3" height="2"><data encoding="csv">1,1,2,1,2,1</data></layer>\n'
    '<objectgroup id="2" name="o"><object id="1" name="r" type="region" x="0" y="0" width="64" height="32"/>'
    '<object id="2" name="s" type="spawn" x="40" y="40"><point/></object></objectgroup>\n</map>\n'
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.tuples(st.integers(0, len(MAP) - 1), st.integers(0, 2), st.sampled_from("<>=\"'/0123x -,&;")), max_size=6
    )
)
def test_damaged_maps_fail_cleanly(edits: list[tuple[int, int, str]]) -> None:
    text = MAP
    for where, kind, ch in edits:
        pos = min(where, len(text) - 1)
        text = text[:pos] + (ch if kind else "") + text[pos + (kind != 2) :]
    with tempfile.TemporaryDirectory() as d:
        folder = Path(d)
        (folder / "test.tsx").write_text(TSX.format(tw=32, odd="plain"))
        (folder / "m.tmx").write_text(text)
        try:
            m = load_map(folder / "m.tmx", TERRAINS)
        except MapError as exc:
            assert str(folder / "m.tmx") in str(exc) or "test.tsx" in str(exc)
        else:
            assert m.grid.width * m.grid.height == len(m.grid.tiles)


scalars = st.one_of(st.none(), st.booleans(), st.integers(-5, 50), st.text(max_size=6))
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(
            st.sampled_from(["id", "title", "units", "when", "do", "at", "unit", "turn", "x"]), inner, max_size=3
        ),
    ),
    max_leaves=12,
)


@settings(max_examples=150, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(["id", "title", "units", "objectives", "events", "sides", "weather", "map"]), values
    )
)
def test_random_scenario_documents_fail_cleanly(doc: dict[str, object]) -> None:
    import yaml

    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "scenario.yaml"
        path.write_text(yaml.safe_dump(doc))
        try:
            validate(read_yaml(path))
        except ScenarioError as exc:
            assert all(p.file == str(path) for p in exc.problems)
