"""Plain-language accounts of one actor, every sentence built from results and citing its inputs.

:func:`explain_actor` computes what it says (a forecast, the signed network, every shock of the
scenario, Plan B) and returns an :class:`Explanation`: a list of :class:`Sentence` objects, each
with its text, the numbers it uses (``data``) and the inputs behind them (``citations``: the path
of each input in the scenario file, e.g. ``issues[0].positions.<actor>.salience``, with its
evidence quotes or the analyst's assumption). Text is rendered from that data by
:meth:`Explanation.to_text`; nothing is parsed back from text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, cast

import numpy as np

from realpolitik._json import json_float
from realpolitik.analysis.coalitions import CoalitionResult, coalitions
from realpolitik.analysis.network import analyse_network
from realpolitik.analysis.planb import PlanBError, PlanBResult, plan_b
from realpolitik.engine.affinity import relational_utility
from realpolitik.engine.registry import HEADLINE_MODEL
from realpolitik.engine.state import BargainingState
from realpolitik.engine.utility import expected_outcome
from realpolitik.exceptions import InputError, ShockError
from realpolitik.forecasting import forecast
from realpolitik.scenario.arrays import status_quo, to_state
from realpolitik.scenario.model import Meta, Scenario
from realpolitik.scenario.rules import RuleError, scenario_rules
from realpolitik.scenario.shocks import apply_shocks

Citation = tuple[str, Meta]

#: Topics of the sentences, in the order they are told.
TOPICS: tuple[str, ...] = (
    "actor",
    "wants",
    "relations",
    "offers",
    "coalitions",
    "shocks",
    "planb",
)

#: At most this many offers are told one by one in each direction (all are in ``data``).
MAX_OFFERS_TOLD = 4


@dataclass(frozen=True)
class Sentence:
    """One sentence of an explanation.

    Parameters
    ----------
    text : str
        The sentence.
    citations : list of (str, Meta)
        The inputs it uses: path in the scenario file and its provenance.
    topic : str
        One of :data:`TOPICS`.
    data : dict
        The numbers and ids the sentence states.
    """

    text: str
    citations: list[Citation] = field(default_factory=list)
    topic: str = "actor"
    data: dict[str, Any] = field(default_factory=dict)

    def paths(self) -> list[str]:
        """The cited input paths."""
        return [p for p, _ in self.citations]

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON."""
        return {
            "topic": self.topic,
            "text": self.text,
            "data": _plain(self.data),
            "citations": [_citation_dict(p, m) for p, m in self.citations],
        }


@dataclass(frozen=True)
class Explanation:
    """Everything :func:`explain_actor` says about one actor.

    Attributes
    ----------
    actor, name : str
    model : str
    sentences : list of Sentence
        In the order of :data:`TOPICS`.
    planb : PlanBResult or None
        The Plan B the last sentences tell (None when the actor has no partner to lose).
    """

    actor: str
    name: str
    model: str
    sentences: list[Sentence]
    planb: PlanBResult | None = field(default=None, repr=False)

    def by_topic(self, topic: str) -> list[Sentence]:
        """The sentences on ``topic``."""
        return [s for s in self.sentences if s.topic == topic]

    def to_dict(self) -> dict[str, Any]:
        """The JSON printed by ``realpolitik explain --format json`` (see ``docs/explain.md``)."""
        return {
            "actor": self.actor,
            "name": self.name,
            "model": self.model,
            "without": None if self.planb is None else self.planb.without,
            "sentences": [s.to_dict() for s in self.sentences],
        }

    def to_text(self, *, evidence: bool = True) -> str:
        """Paragraphs by topic, each sentence followed by numbered references to its inputs.

        With ``evidence`` the numbered inputs are listed at the end with their quotes or
        assumptions.
        """
        numbers: dict[str, int] = {}
        metas: dict[str, Meta] = {}
        paragraphs = []
        for topic in TOPICS:
            parts = []
            for s in self.by_topic(topic):
                refs = []
                for path, meta in s.citations:
                    if path not in numbers:
                        numbers[path] = len(numbers) + 1
                        metas[path] = meta
                    refs.append(numbers[path])
                marks = "".join(f"[{n}]" for n in sorted(set(refs)))
                parts.append(s.text + (f" {marks}" if marks and evidence else ""))
            if parts:
                paragraphs.append(" ".join(parts))
        out = "\n\n".join(paragraphs)
        if evidence and numbers:
            lines = ["", "", "Inputs cited:"]
            for path, n in numbers.items():
                lines.append(f"[{n}] {path}: {_describe_meta(metas[path])}")
            out += "\n".join(lines)
        return out


# --------------------------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------------------------
def _plain(x: Any) -> Any:
    if isinstance(x, dict):
        return {str(k): _plain(v) for k, v in x.items()}
    if isinstance(x, list | tuple):
        return [_plain(v) for v in x]
    if isinstance(x, np.generic):
        x = x.item()
    if isinstance(x, float):
        return json_float(x, 6)
    return x


def _citation_dict(path: str, meta: Meta) -> dict[str, Any]:
    return {
        "path": path,
        "evidence": [e.model_dump(exclude_none=True) for e in meta.evidence],
        "assumption": meta.assumption,
    }


def _describe_meta(meta: Meta) -> str:
    parts = []
    for e in meta.evidence:
        src = ", ".join(x for x in (e.source, e.locator) if x)
        parts.append(f"“{e.quote}”" + (f" ({src})" if src else ""))
    if meta.assumption:
        parts.append(f"assumption: {meta.assumption}")
    return "; ".join(parts) if parts else "no evidence or assumption given"


def _sign(x: float, digits: int = 2) -> str:
    return f"{x:+.{digits}f}".replace("-", "−")


def _names(items: Sequence[str]) -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


class _Cite:
    """Paths and provenance of a scenario's inputs."""

    def __init__(self, s: Scenario) -> None:
        self.s = s
        self.actor_index = {a: k for k, a in enumerate(s.actor_ids)}
        self.issue_index = {i: k for k, i in enumerate(s.issue_ids)}

    def capability(self, a: str) -> Citation:
        k = self.actor_index[a]
        return (f"actors[{k}].capability", self.s.actors[k].cite("capability"))

    def position(self, a: str, issue: str, *fields: str) -> list[Citation]:
        j = self.issue_index[issue]
        pos = self.s.issues[j].positions[a]
        return [(f"issues[{j}].positions.{a}.{f}", pos.cite(f)) for f in fields]

    def relation(self, a: str, b: str) -> list[Citation]:
        for k, r in enumerate(self.s.relations):
            if set(r.between) == {a, b}:
                out: list[Citation] = []
                if r.evidence or r.assumption:
                    out.append(
                        (
                            f"relations[{k}]",
                            Meta(evidence=list(r.evidence), assumption=r.assumption),
                        )
                    )
                own = r.meta.get("weight")
                if own is not None and (own.evidence or own.assumption):
                    out.append((f"relations[{k}].weight", own))
                if not out:
                    out.append((f"relations[{k}]", Meta()))
                return out
        return []

    def shock(self, shock_id: str) -> list[Citation]:
        for k, sh in enumerate(self.s.shocks):
            if sh.id == shock_id:
                return [
                    (
                        f"shocks[{k}].edits[{j}]",
                        Meta(evidence=list(e.evidence), assumption=e.assumption),
                    )
                    for j, e in enumerate(sh.edits)
                ]
        return []

    def rules(self, a: str) -> list[Citation]:
        k = self.actor_index[a]
        actor = self.s.actors[k]
        meta = Meta(assumption=actor.notes.strip() if actor.notes else None)
        return [(f"actors[{k}].partner_rules[{j}]", meta) for j in range(len(actor.partner_rules))]


def _outcome_and_forecast(
    s: Scenario, actor: str, model: str, **options: Any
) -> tuple[float, dict[str, float]]:
    res = forecast(s, model=model, **options)
    name = next(iter(res.runs[model].forecasts))
    f = res.forecasts[name]
    state, ids, issues = to_state(s)
    u = expected_outcome(state.position, state.salience, state.present, f)
    return float(u[ids.index(actor)]), {i: float(f[j]) for j, i in enumerate(issues)}


def partner_losses(
    scenario: Scenario, actor: str, model: str = HEADLINE_MODEL, **options: Any
) -> dict:
    """What losing each cooperative partner costs ``actor``, largest loss first.

    A cooperative partner is an actor whose declared relation with ``actor`` has a positive
    weight. Losing it is computed as the ``remove-actor`` edit does to the arrays (the partner
    is absent from every issue), for all partners in one batched run of ``model``.

    Returns
    -------
    dict of str to float
        Partner id → the actor's relational expected outcome with it minus without it (as
        :func:`realpolitik.analysis.planb.plan_b` computes the loss).

    Examples
    --------
    >>> from realpolitik.scenario import load_scenario
    >>> s = load_scenario("syria-2020")
    >>> losses = partner_losses(s, s.actor_ids[0])
    >>> all(v == sorted(losses.values(), reverse=True)[k] for k, v in enumerate(losses.values()))
    True
    """
    from realpolitik.engine.registry import get_model

    partners = [
        b
        for r in scenario.relations
        if actor in r.between and r.weight > 0
        for b in r.between
        if b != actor
    ]
    if not partners:
        return {}
    state, ids, _ = to_state(scenario)
    rows = [ids.index(p) for p in partners]
    n = len(rows)
    present = np.broadcast_to(state.present, (n + 1, *state.present.shape)).copy()
    present[np.arange(1, n + 1), rows, :] = False
    aff = np.broadcast_to(
        np.zeros((len(ids), len(ids))) if state.affinity is None else state.affinity,
        (n + 1, len(ids), len(ids)),
    ).copy()
    for k, r in enumerate(rows):  # a removed partner's ties go with it
        aff[1 + k, r, :] = 0.0
        aff[1 + k, :, r] = 0.0
    batched = BargainingState(
        position=np.broadcast_to(state.position, present.shape).copy(),
        salience=np.broadcast_to(state.salience, present.shape).copy(),
        capability=np.broadcast_to(state.capability, present.shape[:-1]).copy(),
        present=present,
        affinity=aff,
    )
    sq = np.broadcast_to(status_quo(scenario), (n + 1, state.n_issues)).copy()
    run = get_model(model)(batched, status_quo=sq, **options)
    f = next(iter(run.forecasts.values()))
    own = expected_outcome(state.position, state.salience, present, f)
    u = relational_utility(own, aff)[:, ids.index(actor)]
    losses = {p: float(u[0] - u[1 + k]) for k, p in enumerate(partners)}
    return dict(sorted(losses.items(), key=lambda kv: -kv[1]))


# --------------------------------------------------------------------------------------------
# The account
# --------------------------------------------------------------------------------------------
def explain_actor(
    scenario: Scenario,
    actor: str,
    model: str = HEADLINE_MODEL,
    *,
    without: str | None = None,
    planb: PlanBResult | None = None,
    planb_on: Scenario | None = None,
    **options: Any,
) -> Explanation:
    """Explain one actor: what it wants, whom it stands with, its offers, shocks and Plan B.

    Parameters
    ----------
    scenario : Scenario
    actor : str
        Actor id.
    model : str
        The forecasting model (its headline forecast; offers when it makes them).
    without : str, optional
        The partner whose loss the Plan B sentences consider; by default the cooperative
        partner whose loss costs the actor most (see :func:`partner_losses`).
    planb : PlanBResult, optional
        A Plan B of ``actor`` already computed (the report's Plan B section passes its own),
        told as it is instead of computing one: the explanation then names the same lost
        partner and the same substitute. Its partner overrides ``without``.
    planb_on : Scenario, optional
        The scenario ``planb`` was computed on, when not ``scenario`` (the report computes
        Plan B before its shocks and explains the shocked world): its names and input paths
        are cited, and a sentence says so.
    **options
        Passed to the model.

    Returns
    -------
    Explanation

    Raises
    ------
    InputError
        For an unknown actor.

    Examples
    --------
    >>> from realpolitik.scenario import parse_scenario
    >>> s = parse_scenario({"title": "t",
    ...     "actors": [{"id": "a", "name": "A", "capability": 1},
    ...                {"id": "b", "name": "B", "capability": 3}],
    ...     "issues": [{"id": "x", "title": "X", "positions": {
    ...         "a": {"position": 0, "salience": 1, "assumption": "A wants none of X."},
    ...         "b": {"position": 100, "salience": 1}}}]})
    >>> e = explain_actor(s, "a", model="mean")
    >>> print(e.by_topic("wants")[1].text)
    On X (0: 0, 100: 100) A stands at 0 with salience 1; the mean forecast is 75.0, 75.0 points from its position.
    >>> e.by_topic("wants")[1].citations[0]
    ('issues[0].positions.a.position', Meta(evidence=[], assumption='A wants none of X.', range=None, sd=None))
    """
    if actor not in scenario.actor_ids:
        raise InputError(f"unknown actor {actor!r}; actors: {', '.join(scenario.actor_ids)}")
    cite = _Cite(scenario)
    me = scenario.actor(actor)
    name = me.name
    names = {a.id: a.name for a in scenario.actors}
    sentences: list[Sentence] = []
    sentences += _identity(scenario, actor, cite)
    res = forecast(scenario, model=model, **options)
    headline = next(iter(res.runs[model].forecasts))
    f = res.forecasts[headline]
    state, ids, issues = to_state(scenario)
    base_u = float(
        expected_outcome(state.position, state.salience, state.present, f)[ids.index(actor)]
    )
    base_f = {i: float(f[j]) for j, i in enumerate(issues)}
    sentences += _wants(scenario, actor, headline, f, base_u, cite)
    sentences += _relations(scenario, actor, names, cite)
    sentences += _offers(res, actor, model, names, cite)
    sentences += _coalitions(scenario, actor, coalitions(res, model), names, cite)
    sentences += _shocks(scenario, actor, model, base_u, base_f, cite, options)
    pb = None
    if planb is not None:
        if planb.actor != actor:
            raise InputError(f"planb is {planb.actor!r}'s Plan B, not {actor!r}'s")
        pb, without = planb, planb.without
        if planb_on is None or planb_on is scenario:
            sentences += _planb(scenario, pb, names, cite)
        else:
            sentences.append(
                Sentence(
                    f"{name}'s Plan B below is computed on the scenario before its shocks.",
                    topic="planb",
                )
            )
            sentences += _planb(
                planb_on, pb, {a.id: a.name for a in planb_on.actors}, _Cite(planb_on)
            )
    elif without is None:
        losses = partner_losses(scenario, actor, model, **options)
        chosen = next(iter(losses), None)
        if chosen is not None:
            # A partner chosen here, not asked for: a Plan B the model cannot rank is told,
            # not raised (the rest of the account stands).
            try:
                pb = plan_b(scenario, actor, chosen, model=model, **options)
            except PlanBError as exc:
                sentences.append(
                    Sentence(
                        f"No Plan B is ranked for {name} without {names[chosen]}: {exc}",
                        topic="planb",
                        data={"without": chosen, "candidate": None},
                    )
                )
                return Explanation(actor=actor, name=name, model=model, sentences=sentences)
            sentences += _planb(scenario, pb, names, cite)
    if pb is None and without is not None:
        pb = plan_b(scenario, actor, without, model=model, **options)
        sentences += _planb(scenario, pb, names, cite)
    elif pb is None:
        sentences.append(
            Sentence(
                f"{name} has no cooperative partner to lose, so no Plan B is computed.",
                topic="planb",
            )
        )
    return Explanation(actor=actor, name=name, model=model, sentences=sentences, planb=pb)


def _identity(s: Scenario, actor: str, cite: _Cite) -> list[Sentence]:
    me = s.actor(actor)
    caps = sorted((a.capability for a in s.actors), reverse=True)
    rank = caps.index(me.capability) + 1
    led = f", led by {me.leader}" if me.leader else ""
    text = (
        f"{me.name} ({me.kind}{led}) has capability {me.capability:g}, "
        f"{_ordinal(rank)} of the {len(caps)} actors (the strongest has {caps[0]:g})."
    )
    return [
        Sentence(
            text,
            [cite.capability(actor)],
            "actor",
            {"capability": me.capability, "rank": rank, "n_actors": len(caps)},
        )
    ]


def _ordinal(n: int) -> str:
    if n == 1:
        return "the strongest"
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(n % 10 if n % 100 not in (11, 12, 13) else 0, "th")
    return f"{n}{suffix}"


def _wants(
    s: Scenario, actor: str, model: str, f: np.ndarray, outcome: float, cite: _Cite
) -> list[Sentence]:
    name = s.actor(actor).name
    rows = [
        (j, issue, issue.positions[actor])
        for j, issue in enumerate(s.issues)
        if actor in issue.positions
    ]
    if not rows:
        return [Sentence(f"{name} takes part in no issue.", topic="wants")]
    rows.sort(key=lambda t: -t[2].salience)
    out = []
    for j, issue, p in rows:
        fj = float(f[j])
        gap = abs(fj - p.position)
        text = (
            f"On {issue.title} (0: {issue.low}, 100: {issue.high}) {name} stands at "
            f"{p.position:g} with salience {p.salience:g}; the {model} forecast is {fj:.1f}, "
            f"{gap:.1f} points from its position."
        )
        out.append(
            Sentence(
                text,
                cite.position(actor, issue.id, "position", "salience"),
                "wants",
                {
                    "issue": issue.id,
                    "position": p.position,
                    "salience": p.salience,
                    "forecast": fj,
                    "distance": gap,
                },
            )
        )
    top = rows[0]
    text = (
        f"{name} cares most about {top[1].title} (salience {top[2].salience:g}); weighting every "
        f"issue by its salience, its expected outcome under the {model} forecast is "
        f"{outcome:.2f} on a 0-1 scale (1: every forecast at its own position)."
    )
    cites = [c for _, issue, _ in rows for c in cite.position(actor, issue.id, "salience")]
    out.insert(
        0,
        Sentence(text, cites, "wants", {"outcome": outcome, "top_issue": top[1].id}),
    )
    return out


def _relations(s: Scenario, actor: str, names: dict[str, str], cite: _Cite) -> list[Sentence]:
    name = names[actor]
    rels = [r for r in s.relations if actor in r.between]
    out: list[Sentence] = []
    firm, loose, hostile, neutral = [], [], [], []
    for r in sorted(rels, key=lambda r: -r.weight):
        other = r.between[1] if r.between[0] == actor else r.between[0]
        if r.weight > 0 and (r.commitment == "mutual" or r.type == "alliance"):
            firm.append((other, r))
        elif r.weight > 0:
            loose.append((other, r))
        elif r.weight < 0:
            hostile.append((other, r))
        else:
            neutral.append((other, r))

    def phrase(other: str, r: Any) -> str:
        extra = ""
        if r.commitment == "one-way":
            committed = names[r.between[0]]
            extra = f"; only {committed} is committed"
        return f"{names[other]} ({r.type}, weight {_sign(r.weight)}{extra})"

    def cites(group: list) -> list[Citation]:
        return [c for other, _ in group for c in cite.relation(actor, other)]

    def data(group: list) -> dict[str, Any]:
        return {
            "actors": [o for o, _ in group],
            "weights": [r.weight for _, r in group],
            "types": [r.type for _, r in group],
            "commitments": [r.commitment for _, r in group],
        }

    if firm:
        text = (
            f"{name} is firmly allied (mutual commitment) with "
            + _names([phrase(o, r) for o, r in firm])
            + "."
        )
        out.append(Sentence(text, cites(firm), "relations", {"kind": "firm", **data(firm)}))
    else:
        out.append(
            Sentence(
                f"{name} has no firm ally: none of its relations carries a mutual commitment.",
                cites(loose + hostile + neutral),
                "relations",
                {"kind": "firm", "actors": []},
            )
        )
    if loose:
        text = (
            f"{name} cooperates without a mutual commitment with "
            + _names([phrase(o, r) for o, r in loose])
            + "."
        )
        out.append(Sentence(text, cites(loose), "relations", {"kind": "loose", **data(loose)}))
    if hostile:
        text = f"{name} stands against " + _names([phrase(o, r) for o, r in hostile]) + "."
        out.append(
            Sentence(text, cites(hostile), "relations", {"kind": "hostile", **data(hostile)})
        )
    if neutral:
        text = f"{name} is neutral toward " + _names([names[o] for o, _ in neutral]) + "."
        out.append(
            Sentence(text, cites(neutral), "relations", {"kind": "neutral", **data(neutral)})
        )
    if rels:
        report = analyse_network(s)
        bloc = next((b for b in report.blocs.blocs if actor in b), None)
        if bloc is not None:
            mates = [str(b) for b in bloc if b != actor]
            text = (
                f"In the partition of the actors that best fits the signed relations, {name} "
                f"is in one bloc with {_names([names[m] for m in mates])}."
            )
            used = [c for m in mates for c in cite.relation(actor, m)]
            out.append(Sentence(text, used, "relations", {"kind": "bloc", "actors": mates}))
        gaps = report.position_gaps
        for row in gaps.itertuples(index=False):
            if actor not in (row.a, row.b):
                continue
            other = str(row.b if row.a == actor else row.a)
            # pandas-stubs types itertuples() fields as any scalar; the column holds floats.
            affinity = float(cast(float, row.affinity))
            rel = s.relation(actor, other)
            if rel is None:
                continue
            text = (
                f"Its {rel.type} with {names[other]} runs against their issue positions "
                f"(issue affinity {_sign(affinity)} against a declared weight "
                f"{_sign(rel.weight)})."
            )
            out.append(
                Sentence(
                    text,
                    cite.relation(actor, other),
                    "relations",
                    {"kind": "position-gap", "actor": other, "affinity": affinity},
                )
            )
    return out


def _offers(res: Any, actor: str, model: str, names: dict[str, str], cite: _Cite) -> list:
    name = names[actor]
    offers = res.offers(model)
    if res.runs[model].rounds is None:
        return [
            Sentence(
                f"The {model} model does not move actors, so {name} makes and accepts no offers.",
                topic="offers",
                data={"accepted": [], "made": []},
            )
        ]
    accepted = [o for o in offers if o.actor == actor]
    made = [o for o in offers if o.proposer == actor]
    issue_title = {i.id: i.title for i in res.scenario.issues}
    out = []

    def told(items: list, mine: bool) -> tuple[str, list[Citation]]:
        items = sorted(items, key=lambda o: -abs(o.after - o.before))[:MAX_OFFERS_TOLD]
        parts, cites = [], []
        for o in items:
            who = names[o.proposer] if mine else names[o.actor]
            verb = {"confrontation": "a confrontation", "compromise": "a compromise"}.get(
                o.kind, "a capitulation"
            )
            parts.append(
                f"{verb} with {who} on {issue_title[o.issue]} in round {o.round} "
                f"({o.before:.0f} → {o.after:.0f})"
            )
            cites += cite.position(o.actor, o.issue, "position", "salience")
            cites += cite.position(o.proposer, o.issue, "position", "salience")
        return _names(parts), cites

    if accepted:
        text, cites = told(accepted, True)
        more = len(accepted) - min(len(accepted), MAX_OFFERS_TOLD)
        text = (
            f"In the {model} forecast {name} accepts {len(accepted)} offer"
            f"{'s' if len(accepted) != 1 else ''}, the largest moves being {text}"
            + (f" (and {more} more)" if more > 0 else "")
            + "."
        )
        data = {
            "accepted": [
                {
                    "issue": o.issue,
                    "from": o.proposer,
                    "kind": o.kind,
                    "round": o.round,
                    "before": o.before,
                    "after": o.after,
                }
                for o in accepted
            ]
        }
        out.append(Sentence(text, cites, "offers", data))
    else:
        out.append(
            Sentence(
                f"In the {model} forecast {name} accepts no offer: it keeps its positions.",
                topic="offers",
                data={"accepted": []},
            )
        )
    if made:
        text, cites = told(made, False)
        takers = sorted({o.actor for o in made})
        more = len(made) - min(len(made), MAX_OFFERS_TOLD)
        text = (
            f"{len(made)} of {name}'s offers are accepted, by {_names([names[t] for t in takers])}"
            f"; the largest moves: {text}" + (f" (and {more} more)" if more > 0 else "") + "."
        )
        data = {
            "made": [
                {
                    "issue": o.issue,
                    "to": o.actor,
                    "kind": o.kind,
                    "round": o.round,
                    "before": o.before,
                    "after": o.after,
                }
                for o in made
            ]
        }
        out.append(Sentence(text, cites, "offers", data))
    else:
        out.append(
            Sentence(
                f"No actor accepts an offer from {name} in the {model} forecast.",
                topic="offers",
                data={"made": []},
            )
        )
    return out


def _coalitions(
    s: Scenario, actor: str, found: CoalitionResult, names: dict[str, str], cite: _Cite
) -> list[Sentence]:
    """Per issue: the actor's coalition, and why the close actors outside it stay out."""
    name = names[actor]
    where = (
        f"in the {found.model} forecast"
        if found.moved
        else f"on the stated positions, which the {found.model} model leaves unmoved"
    )
    out = []
    for issue in s.issues:
        mine = found.of(actor, issue.id)
        if mine is None:
            continue
        at = found.positions
        mates = [m for m in mine.members if m != actor]
        share = f"{mine.share:.0%}".replace("nan%", "an unknown share")
        if mates:
            text = (
                f"On {issue.title}, {name} ends up with {_names([names[m] for m in mates])} "
                f"(together {share} of the weight, at {mine.position:.1f} {where})"
            )
        else:
            text = (
                f"On {issue.title}, {name} ends up alone ({share} of the weight, at "
                f"{mine.position:.1f} {where})"
            )
        cites = [c for m in mine.members for c in cite.position(m, issue.id, "position")]
        cites += [c for m in mates for c in cite.relation(actor, m)]
        blocked = []
        for other in found.on(issue.id):
            if other is mine:
                continue
            close = [
                m
                for m in other.members
                if abs(at[(m, issue.id)] - at[(actor, issue.id)]) <= found.within + 1e-9
            ]
            if not close:
                continue
            a, b, why = _blocking_pair(s, mine.members, other.members, issue.id, found)
            rel = s.relation(a, b)
            if why == "hostile" and rel is not None:
                being = _HOSTILE_WORDS.get(rel.type)
                weight = f"weight {_sign(rel.weight)}"
                reason = f"{names[b]} and {names[a]} " + (
                    f"{being} ({weight})"
                    if being
                    else f"lean against each other ({rel.type}, {weight})"
                )
                cites += cite.relation(a, b)
            else:
                gap = abs(at[(a, issue.id)] - at[(b, issue.id)])
                reason = f"{names[b]} is {gap:.1f} points from {names[a]}"
                cites += cite.position(b, issue.id, "position")
            outside = [m for m in other.members if m not in close]
            if len(other.members) == 1:
                told = f"{names[close[0]]} stays out"
            elif not outside:
                told = f"{_names([names[m] for m in close])} form a coalition of their own"
            else:
                told = (
                    f"{_names([names[m] for m in close])} end{'s' if len(close) == 1 else ''} "
                    f"up with {_names([names[m] for m in outside])} instead"
                )
            text += f"; within {found.within:g} points of {name}, {told} because {reason}"
            blocked.append({"actors": close, "with": outside, "reason": why, "pair": [a, b]})
        alike = issue.id in found.relations_only()
        if alike:
            text += (
                f"; every actor of this issue ends within {found.within:g} points of every "
                "other, so only the hostile relations (and the order of the actors in the file) "
                "separate the coalitions"
            )
        out.append(
            Sentence(
                text + ".",
                cites,
                "coalitions",
                {
                    "issue": issue.id,
                    "model": found.model,
                    "members": list(mine.members),
                    "weight": mine.weight,
                    "share": mine.share,
                    "position": mine.position,
                    "blocked": blocked,
                    "relations_only": alike,
                },
            )
        )
    return out


#: How the sentences say that two actors are hostile, by relation type.
_HOSTILE_WORDS = {"rivalry": "are rivals", "hostility": "are hostile", "war": "are at war"}


def _blocking_pair(
    s: Scenario, ours: Sequence[str], theirs: Sequence[str], issue: str, found: CoalitionResult
) -> tuple[str, str, str]:
    """A pair (ours, theirs) that keeps two coalitions apart: hostile first, else the farthest."""
    for a in ours:
        for b in theirs:
            rel = s.relation(a, b)
            if rel is not None and rel.weight < 0:
                return a, b, "hostile"
    at = found.positions
    pairs = [(abs(at[(a, issue)] - at[(b, issue)]), a, b) for a in ours for b in theirs]
    _, a, b = max(pairs)
    return a, b, "far"


def _shocks(
    s: Scenario,
    actor: str,
    model: str,
    base_u: float,
    base_f: dict[str, float],
    cite: _Cite,
    options: dict[str, Any],
) -> list[Sentence]:
    name = s.actor(actor).name
    out = []
    for shock in s.shocks:
        try:
            shocked = apply_shocks(s, [shock.id])
        except ShockError as exc:
            # A world already shocked (a report under a shock) may lack what another shock edits.
            out.append(
                Sentence(
                    f"{shock.title} ({shock.id}) does not apply to this world: "
                    f"{str(exc).split(': ', 1)[-1].split('; actors now')[0]}.",
                    cite.shock(shock.id),
                    "shocks",
                    {"shock": shock.id, "inapplicable": str(exc)},
                )
            )
            continue
        if actor not in shocked.actor_ids:
            out.append(
                Sentence(
                    f"Under {shock.title} ({shock.id}) {name} is itself removed from the system.",
                    cite.shock(shock.id),
                    "shocks",
                    {"shock": shock.id, "removed": True},
                )
            )
            continue
        u, f = _outcome_and_forecast(shocked, actor, model, **options)
        change = u - base_u
        mine = [i for i in shocked.issue_ids if actor in shocked.issue(i).positions]
        moves = {i: f[i] - base_f[i] for i in mine if i in base_f}
        biggest = max(moves, key=lambda i: abs(moves[i]), default=None)
        if abs(change) < 5e-4:
            text = f"Under {shock.title} ({shock.id}) {name}'s expected outcome stays at {u:.2f}"
        else:
            verb = "rises" if change > 0 else "falls"
            text = (
                f"Under {shock.title} ({shock.id}) {name}'s expected outcome {verb} "
                f"from {base_u:.2f} to {u:.2f} ({_sign(change)})"
            )
        if biggest is not None and abs(moves[biggest]) > 0.05:
            text += (
                f"; the largest move on its issues is {s.issue(biggest).title}: "
                f"{base_f[biggest]:.1f} → {f[biggest]:.1f}"
            )
        text += "."
        cites = cite.shock(shock.id)
        if biggest is not None:
            cites += cite.position(actor, biggest, "position", "salience")
        out.append(
            Sentence(
                text,
                cites,
                "shocks",
                {
                    "shock": shock.id,
                    "outcome": u,
                    "baseline": base_u,
                    "change": change,
                    "issue": biggest,
                    "forecast_before": None if biggest is None else base_f[biggest],
                    "forecast_after": None if biggest is None else f[biggest],
                },
            )
        )
    if not s.shocks:
        out.append(Sentence("The scenario defines no shocks.", topic="shocks"))
    return out


def _planb(s: Scenario, pb: PlanBResult, names: dict[str, str], cite: _Cite) -> list[Sentence]:
    a, name, lost = pb.actor, names[pb.actor], names[pb.without]
    out = [
        Sentence(
            (
                f"Losing {lost} would cost {name} {pb.loss:.2f} of expected outcome "
                if pb.loss >= 0
                else f"Losing {lost} would raise {name}'s expected outcome by {-pb.loss:.2f} "
            )
            + f"({pb.outcome_with:.2f} → {pb.outcome_without:.2f}).",
            cite.relation(a, pb.without),
            "planb",
            {
                "without": pb.without,
                "loss": pb.loss,
                "outcome_with": pb.outcome_with,
                "outcome_without": pb.outcome_without,
            },
        )
    ]
    best = pb.best
    if best is None:
        tied = pb.tied
        data: dict[str, Any]
        if not pb.candidates:
            text, data = f"No other actor is left to replace {lost}.", {"candidate": None}
        elif len(tied) > 1:
            text = (
                f"{name} has no single Plan B: {_names([c.name for c in tied])} tie for first "
                f"place as the substitute for {lost}."
            )
            data = {"candidate": None, "tied": [c.id for c in tied]}
        else:
            text = (
                f"{name} has no Plan B for {lost}: no candidate meets every rule with a gain "
                "for both sides."
            )
            data = {"candidate": None}
        out.append(Sentence(text, topic="planb", data=data))
        return out
    try:
        rule_cites = cite.rules(a) if scenario_rules(s, a) else []
    except RuleError:  # pragma: no cover - plan_b has already checked them
        rule_cites = []
    rules_text = ", ".join(r.text for r in pb.rules)
    recovered = pb.recovered(best.id)
    share = f" ({recovered:.0%} of the loss)" if recovered is not None else ""
    if best.passes:
        verdict = f"meets every rule ({rules_text})" if pb.rules else "is ranked by gain alone"
    else:
        verdict = f"fails {', '.join(best.fails)}: no candidate meets every rule"
    text = (
        f"{name}'s best Plan B is {best.name}: the partnership changes its expected outcome by "
        f"{_sign(best.gain)}{share}, and {best.name} {verdict}."
    )
    cites = [cite.capability(best.id)] + rule_cites
    out.append(
        Sentence(
            text,
            cites,
            "planb",
            {
                "candidate": best.id,
                "gain": best.gain,
                "recovered": recovered,
                "fails": list(best.fails),
                "rules": [r.text for r in pb.rules],
            },
        )
    )
    if best.price:
        parts, pcites = [], []
        for issue, pts in sorted(best.price.items(), key=lambda kv: -kv[1]):
            frm, to = best.actor_from[issue], best.meeting[issue]
            end = s.issue(issue).low if to < frm else s.issue(issue).high
            parts.append(
                f"{pts:.1f} points on {s.issue(issue).title} ({frm:g} → {to:.1f}, toward '{end}')"
            )
            pcites += cite.position(a, issue, "position", "salience")
            pcites += cite.position(best.id, issue, "position", "salience")
        text = f"The price: {name} concedes " + _names(parts) + "."
        out.append(
            Sentence(text, pcites, "planb", {"candidate": best.id, "price": dict(best.price)})
        )
    else:
        out.append(
            Sentence(
                f"{name} concedes nothing to {best.name}.",
                topic="planb",
                data={"candidate": best.id, "price": {}},
            )
        )
    word = "gains too" if best.partner_gain >= 0 else "loses"
    own = [
        c for issue in best.meeting for c in cite.position(best.id, issue, "position", "salience")
    ]
    out.append(
        Sentence(
            f"{best.name} {word} ({_sign(best.partner_gain)}) from the deal, by its own positions "
            "and saliences.",
            own,
            "planb",
            {"candidate": best.id, "partner_gain": best.partner_gain},
        )
    )
    better = [c for c in pb.candidates if not c.passes and c.gain > best.gain]
    if better and best.passes:
        parts = [f"{c.name} ({_sign(c.gain)}; fails {', '.join(c.fails)})" for c in better]
        out.append(
            Sentence(
                "Larger gains would come from partners that break the rules: "
                + _names(parts)
                + ".",
                [cite.capability(x.id) for x in better] + rule_cites,
                "planb",
                {"better_but_failing": [c.id for c in better]},
            )
        )
    return out


__all__ = ["TOPICS", "Explanation", "Sentence", "explain_actor", "partner_losses"]
