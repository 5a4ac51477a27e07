"""The story's shape beyond the linear stage list: the route split chosen in the
intermission (`maps/campaign.yaml`).

The linear campaign is the scenarios with an `order`. A branch follows one of them; the
route the player picks inserts its stages into the campaign's `order` right there, and the
story goes on with the next linear stage, where the routes join again. Choosing also sets
the story flag `story_route_<id>`, which every later battle sees (the secret recruits are
scripted in the scenarios with such flags).

    story = load_story(game_dir)            # None: this game has no branch
    branch = pending_branch(state, story)   # the choice the intermission must ask for now
    state = choose_route(state, story, "cusco")
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from game.campaign.battles import STORY_PREFIX
from game.campaign.state import CampaignError, CampaignState
from game.core.defs import frozen_map
from game.data.yaml_reader import read_yaml_file

STORY_FILE = Path("maps") / "campaign.yaml"


@dataclass(frozen=True)
class Route:
    id: str
    title: str
    text: str
    stages: tuple[str, ...]

    @property
    def flag(self) -> str:
        return f"{STORY_PREFIX}route_{self.id}"


@dataclass(frozen=True)
class Branch:
    after: str  # the linear stage the choice follows
    title: str
    text: str
    routes: tuple[Route, ...]

    def route(self, route_id: str) -> Route:
        for r in self.routes:
            if r.id == route_id:
                return r
        raise CampaignError(f"no route {route_id!r}; the routes are {', '.join(r.id for r in self.routes)}")


@dataclass(frozen=True)
class Story:
    branch: Branch | None = None

    @property
    def route_stages(self) -> frozenset[str]:
        return frozenset(s for r in (self.branch.routes if self.branch else ()) for s in r.stages)

    def check(self, linear: Iterable[str], scenarios: Iterable[str]) -> list[str]:
        """Problems with this story against the campaign's linear stage ids and all scenario ids."""
        if self.branch is None:
            return []
        linear, known = list(linear), set(scenarios)
        out = []
        if self.branch.after not in linear:
            out.append(f"branch.after: {self.branch.after!r} is not a stage of the campaign (a scenario with an order)")
        for i, r in enumerate(self.branch.routes):
            for s in r.stages:
                if s not in known:
                    out.append(f"branch.routes[{i}].stages: unknown scenario {s!r}")
                elif s in linear:
                    out.append(f"branch.routes[{i}].stages: {s!r} has an order, so it is already a linear stage")
        return out


def _text(data: dict[str, Any], key: str, where: str, required: bool = True) -> str:
    value = data.get(key)
    if value is None and not required:
        return ""
    if not isinstance(value, str) or not value.strip():
        raise CampaignError(f"{where}.{key}: expected text, got {value!r}")
    return " ".join(value.split())


def parse_story(data: Any, source: str = str(STORY_FILE)) -> Story:
    """A story from the YAML data of `maps/campaign.yaml`; CampaignError names the file and field."""
    try:
        return _parse(data)
    except CampaignError as exc:
        raise CampaignError(f"{source}: {exc}") from None


def _parse(data: Any) -> Story:
    if data is None:
        return Story()
    if not isinstance(data, dict):
        raise CampaignError("the file must be a mapping with a 'branch'")
    unknown = sorted(set(data) - {"branch"})
    if unknown:
        raise CampaignError(f"unknown key {unknown[0]!r} (known: branch)")
    raw = data.get("branch")
    if raw is None:
        return Story()
    if not isinstance(raw, dict):
        raise CampaignError("branch: expected a mapping with after, title, text and routes")
    routes_raw = raw.get("routes")
    if not isinstance(routes_raw, list) or len(routes_raw) < 2:
        raise CampaignError("branch.routes: a branch needs a list of at least two routes")
    routes = []
    for i, r in enumerate(routes_raw):
        where = f"branch.routes[{i}]"
        if not isinstance(r, dict):
            raise CampaignError(f"{where}: expected a mapping with id, title, text and stages")
        rid = _text(r, "id", where)
        if not rid.replace("_", "").isalnum() or rid != rid.lower():
            raise CampaignError(f"{where}.id: use lowercase letters, digits and _, got {rid!r}")
        stages = r.get("stages")
        if not isinstance(stages, list) or not stages or not all(isinstance(s, str) and s for s in stages):
            raise CampaignError(f"{where}.stages: expected a non-empty list of scenario ids")
        routes.append(Route(rid, _text(r, "title", where), _text(r, "text", where, required=False), tuple(stages)))
    ids = [r.id for r in routes]
    twice = sorted({i for i in ids if ids.count(i) > 1})
    if twice:
        raise CampaignError(f"branch.routes: route id {twice[0]!r} is used twice")
    return Story(
        Branch(
            _text(raw, "after", "branch"),
            _text(raw, "title", "branch"),
            _text(raw, "text", "branch", False),
            tuple(routes),
        )
    )


def load_story(game_dir: Path) -> Story:
    """The story of the game in `game_dir` (an empty one when it has no `maps/campaign.yaml`)."""
    path = game_dir / STORY_FILE
    if not path.is_file():
        return Story()
    # The data files' reader: size, nesting, alias and number limits, regular files only.
    data, problems = read_yaml_file(path, str(path))
    errors = [p for p in problems if p.is_error]
    if errors:
        raise CampaignError(f"not valid YAML: {errors[0]}")
    return parse_story(data, str(path))


def pending_branch(state: CampaignState, story: Story) -> Branch | None:
    """The branch the player must choose a route at before the next battle, if any."""
    branch = story.branch
    if branch is None or state.route is not None or state.stage == 0:
        return None
    return branch if state.order[state.stage - 1] == branch.after else None


def choose_route(state: CampaignState, story: Story, route_id: str) -> CampaignState:
    """Take `route_id` at the pending branch: its stages come next, and its flag is set."""
    branch = pending_branch(state, story)
    if branch is None:
        raise CampaignError("there is no route to choose at this point of the campaign")
    route = branch.route(route_id)
    order = (*state.order[: state.stage], *route.stages, *state.order[state.stage :])
    return replace(
        state,
        order=order,
        route=route.id,
        flags=frozen_map({**state.flags, route.flag: True}),
    )
