"""Relation updates supported by coded events, as a shock block a scenario accepts.

For each pair of scenario actors that the events connect, the events' intensities are summed
(a reciprocal event counts once) and the relation's weight moves by

    delta = step * tanh(total / scale)

so that one strong event moves it noticeably (an assault, -9: about -0.13 with the defaults
``step=0.3, scale=20``) and many events saturate at ``step``. The relation type changes only when
the new weight leaves the band of the current type (bands are centred on the scenario's default
weights) in the direction it moved; events never create an alliance (that needs a declared
mutual commitment) and only assaults can make a war.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import yaml

from realpolitik.exceptions import InputError
from realpolitik.ingest.coder import Event
from realpolitik.scenario import (
    DEFAULT_WEIGHTS,
    RELATION_ORDER,
    Scenario,
    parse_scenario,
    scenario_to_data,
)


@dataclass(frozen=True)
class Proposal:
    """The update that the events between two actors support.

    Parameters
    ----------
    between : (str, str)
        The two actors, in scenario order.
    events : tuple of Event
        The events between them (either direction).
    total_intensity : float
        Sum of the events' intensities.
    current_type : str or None
        The relation declared in the scenario (None when it declares none).
    current_weight : float
        Its weight (0 when none is declared).
    proposed_type : str
    proposed_weight : float
    commitment : str
        The commitment the edit sets (kept from the scenario unless the type changes).
    already_cited : tuple of Event
        Events whose sentence the scenario already quotes as evidence for this relation; they
        are reported but not counted again.
    """

    between: tuple[str, str]
    events: tuple[Event, ...]
    total_intensity: float
    current_type: str | None
    current_weight: float
    proposed_type: str
    proposed_weight: float
    commitment: str
    already_cited: tuple[Event, ...] = ()

    @property
    def changed(self) -> bool:
        """Whether the proposal changes the scenario."""
        return (
            self.proposed_type != self.current_type
            or abs(self.proposed_weight - self.current_weight) > 1e-9
        )

    def summary(self) -> str:
        """One line: the events and the arithmetic behind the proposal."""
        a, b = self.between
        parts = [
            f"{e.type} {a + '<->' + b if e.mutual else '->'.join(_direction(e, self.between))} "
            f"({_where(e)}, {e.intensity:+.1f})"
            for e in self.events
        ]
        text = (
            f"{len(self.events)} event{'s' if len(self.events) != 1 else ''}, summed intensity "
            f"{self.total_intensity:+.1f} (a repeated event counted once): " + "; ".join(parts)
        )
        if self.already_cited:
            text += "; not counted, already cited by the scenario: " + ", ".join(
                _where(e) for e in self.already_cited
            )
        return text

    def edit(self) -> dict[str, Any]:
        """The ``set-relation`` edit, each event's sentence cited as evidence."""
        evidence = []
        seen = set()
        for e in self.events:
            key = (e.file, e.sentence)
            if key in seen:
                continue
            seen.add(key)
            evidence.append({"quote": e.text, "locator": _where(e)})
        cur = self.current_type or "none declared"
        return {
            "op": "set-relation",
            "between": list(self.between),
            "type": self.proposed_type,
            "weight": self.proposed_weight,
            "commitment": self.commitment,
            "evidence": evidence,
            "assumption": (
                f"{self.summary()}. Weight {self.current_weight:+.2f} ({cur}) -> "
                f"{self.proposed_weight:+.2f} ({self.proposed_type})."
            ),
        }

    def to_dict(self) -> dict[str, Any]:
        """The JSON form."""
        return {
            "between": list(self.between),
            "events": [e.to_dict() for e in self.events],
            "total_intensity": self.total_intensity,
            "current": {"type": self.current_type, "weight": self.current_weight},
            "proposed": {
                "type": self.proposed_type,
                "weight": self.proposed_weight,
                "commitment": self.commitment,
            },
            "changed": self.changed,
            "already_cited": [e.to_dict() for e in self.already_cited],
        }


def _where(e: Event) -> str:
    return f"{e.file}, sentence {e.sentence}" if e.file else f"sentence {e.sentence}"


def _direction(e: Event, pair: tuple[str, str]) -> list[str]:
    a, b = pair
    return [a, b] if a in e.source else [b, a]


def _bands() -> dict[str, tuple[float, float]]:
    """Weight band of each relation type: halfway to the neighbouring types' defaults."""
    order = sorted(RELATION_ORDER, key=lambda t: DEFAULT_WEIGHTS[t])
    bands = {}
    for i, t in enumerate(order):
        lo = -1.0 if i == 0 else (DEFAULT_WEIGHTS[order[i - 1]] + DEFAULT_WEIGHTS[t]) / 2
        hi = (
            1.0 if i == len(order) - 1 else (DEFAULT_WEIGHTS[t] + DEFAULT_WEIGHTS[order[i + 1]]) / 2
        )
        bands[t] = (lo, hi)
    return bands


def relation_type_for(weight: float, *, allow_alliance: bool, allow_war: bool) -> str:
    """The relation type whose band holds ``weight`` (alliance and war only where allowed).

    Examples
    --------
    >>> relation_type_for(0.5, allow_alliance=False, allow_war=False)
    'partnership'
    >>> relation_type_for(0.95, allow_alliance=False, allow_war=False)
    'partnership'
    >>> relation_type_for(-0.95, allow_alliance=False, allow_war=True)
    'war'
    """
    for t, (lo, hi) in _bands().items():
        if lo <= weight <= hi:
            if t == "alliance" and not allow_alliance:
                return "partnership"
            if t == "war" and not allow_war:
                return "hostility"
            return t
    return "neutral"  # pragma: no cover - bands cover [-1, 1]


def propose_updates(
    events: Iterable[Event],
    scenario: Scenario,
    *,
    step: float = 0.3,
    scale: float = 20.0,
) -> list[Proposal]:
    """Propose relation updates from events, one per pair of scenario actors they connect.

    Parameters
    ----------
    events : iterable of Event
        Coded events (actor ids resolved to the scenario's, e.g. coded with its dictionary).
    scenario : Scenario
    step : float
        Largest change of weight (reached for very many or very intense events).
    scale : float
        Summed intensity at which the change reaches ``tanh(1)`` (76 %) of ``step``.

    Returns
    -------
    list of Proposal
        In scenario actor order; pairs whose events leave the relation as it is are included
        with ``changed`` False.

    Raises
    ------
    InputError
        If ``step`` or ``scale`` is not positive.

    Examples
    --------
    >>> from realpolitik.scenario import load_scenario
    >>> s = load_scenario("syria-2020")
    >>> e = Event(3, "Russian and Turkish troops patrolled together.", ("russia",),
    ...           "COOPERATE", None, ("turkey",), 6.0, None, "062", 2, "patrolled")
    >>> p = propose_updates([e], s)[0]
    >>> p.between, p.current_weight, p.proposed_weight  # 0.4 + 0.3 * tanh(6 / 20)
    (('russia', 'turkey'), 0.4, 0.49)
    """
    if not step > 0 or not scale > 0:
        raise InputError(f"step and scale must be positive; got step={step}, scale={scale}")
    order = {a: i for i, a in enumerate(scenario.actor_ids)}
    pairs: dict[tuple[str, str], list[Event]] = {}
    for e in events:
        seen = set()
        for s, t in e.dyads():
            if s not in order or t not in order:
                continue
            pair = (s, t) if order[s] < order[t] else (t, s)
            if pair in seen:
                continue
            seen.add(pair)
            pairs.setdefault(pair, []).append(e)
    out = []
    bands = _bands()
    for pair in sorted(pairs, key=lambda p: (order[p[0]], order[p[1]])):
        rel = scenario.relation(*pair)
        quotes = _quotes(rel)
        cited = [e for e in pairs[pair] if _is_cited(e.text, quotes)]
        # Another report of an event the scenario already cites is not new either.
        cited_keys = {_key(e) for e in cited}
        for e in pairs[pair]:
            if e not in cited and _key(e) in cited_keys:
                cited.append(e)
        evs = [e for e in pairs[pair] if e not in cited]
        if not evs:
            continue
        # The same event reported twice in an article counts once (the strongest report).
        strongest: dict[tuple[Any, ...], float] = {}
        for e in evs:
            key = _key(e)
            if key not in strongest or abs(e.intensity) > abs(strongest[key]):
                strongest[key] = e.intensity
        total = round(sum(strongest.values()), 6)
        cur_type = rel.type if rel else None
        cur_w = float(rel.weight) if rel else 0.0
        delta = step * math.tanh(total / scale)
        new_w = round(min(1.0, max(-1.0, cur_w + delta)), 2)
        allow_war = cur_type == "war" or any(e.type == "ASSAULT" for e in evs)
        ref_type = cur_type or "neutral"
        lo, hi = bands[ref_type]
        if (delta > 0 and new_w > hi) or (delta < 0 and new_w < lo):
            new_type = relation_type_for(
                new_w, allow_alliance=cur_type == "alliance", allow_war=allow_war
            )
        else:
            new_type = ref_type
        if rel is not None and new_type == cur_type:
            commitment = rel.commitment
        elif new_type == "alliance":
            commitment = "mutual"
        elif rel is not None and rel.commitment != "mutual":
            commitment = rel.commitment
        else:
            commitment = "none"
        out.append(
            Proposal(
                pair,
                tuple(evs),
                total,
                cur_type,
                cur_w,
                new_type,
                new_w,
                commitment,
                tuple(cited),
            )
        )
    return out


_NORM = re.compile(r"[\s\"“”'’‘]+")


def _norm(text: str) -> str:
    return _NORM.sub(" ", text).strip().lower()


def _key(e: Event) -> tuple[Any, ...]:
    return (e.file, e.type, frozenset(e.source), frozenset(e.target))


def _quotes(rel: Any) -> list[str]:
    if rel is None:
        return []
    quotes = [ev.quote for ev in rel.evidence]
    meta = rel.meta.get("weight")
    if meta is not None:
        quotes.extend(ev.quote for ev in meta.evidence)
    return [q for q in (_norm(q) for q in quotes) if len(q) >= 12]


def _is_cited(sentence: str, quotes: list[str]) -> bool:
    s = _norm(sentence)
    return any(q in s or s in q for q in quotes)


def _slug(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug[:48].strip("-") or "article"


def shock_block(
    proposals: Sequence[Proposal], scenario: Scenario, *, name: str = "news"
) -> dict[str, Any] | None:
    """The proposals that change something, as one shock (a mapping in the file format).

    The shock is checked against the scenario (``parse_scenario`` of the scenario with the
    shock added), so that ``realpolitik check`` accepts it. Returns None when nothing changes.
    """
    edits = [p.edit() for p in proposals if p.changed]
    if not edits:
        return None
    base = f"news-{_slug(re.sub(r'[.](txt|md|text|markdown)(?=$|,)', '', name))}"
    taken = {s.id for s in scenario.shocks}
    shock_id, k = base, 2
    while shock_id in taken:
        shock_id, k = f"{base}-{k}", k + 1
    n_events = len({(e.file, e.sentence, e.type) for p in proposals for e in p.events})
    shock = {
        "id": shock_id,
        "title": f"Relation updates proposed by `realpolitik ingest` from {name}",
        "description": (
            f"{len(edits)} relation update{'s' if len(edits) != 1 else ''} supported by "
            f"{n_events} coded event{'s' if n_events != 1 else ''}; each edit cites its "
            "sentences."
        ),
        "edits": edits,
    }
    data = scenario_to_data(scenario)
    data["shocks"] = [*data.get("shocks", []), shock]
    parse_scenario(data, filename=f"<{shock_id}>")
    return shock


def dump_shock_block(shock: dict[str, Any]) -> str:
    """YAML text of ``shocks: [shock]``, ready to paste into a scenario file."""
    return yaml.safe_dump({"shocks": [shock]}, sort_keys=False, allow_unicode=True, width=100)


def apply_updates(scenario: Scenario, proposals: Sequence[Proposal]) -> Scenario:
    """Return a copy of ``scenario`` with the changing proposals applied to its relations.

    A relation keeps its own evidence; its weight gets the events' sentences as evidence and
    the arithmetic as assumption. Relations the scenario lacks are added.
    """
    data = scenario_to_data(scenario)
    relations = data.setdefault("relations", [])
    for p in proposals:
        if not p.changed:
            continue
        edit = p.edit()
        weight = {
            "value": p.proposed_weight,
            "evidence": edit["evidence"],
            "assumption": edit["assumption"],
        }
        for rel in relations:
            if set(rel["between"]) == set(p.between):
                rel["type"] = p.proposed_type
                rel["weight"] = weight
                rel["commitment"] = p.commitment
                break
        else:
            relations.append(
                {
                    "between": list(p.between),
                    "type": p.proposed_type,
                    "weight": weight,
                    "commitment": p.commitment,
                }
            )
    return parse_scenario(data, filename="<updated scenario>")


__all__ = [
    "Proposal",
    "apply_updates",
    "dump_shock_block",
    "propose_updates",
    "relation_type_for",
    "shock_block",
]
