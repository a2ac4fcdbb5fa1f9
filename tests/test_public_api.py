"""The public namespace, imported exactly as client code would."""

from __future__ import annotations

import pytest

import realpolitik as rp


def test_all_names_exist():
    for name in rp.__all__:
        assert hasattr(rp, name), name


def test_load_forecast_frame():
    result = rp.forecast(rp.load_scenario("syria-2020"), model="median")
    df = result.to_frame()
    assert list(df.index) == result.issue_ids
    assert {"mean", "median"} <= set(df.columns)
    assert ((df["median"] >= 0) & (df["median"] <= 100)).all()


def test_scenario_namespace_has_the_file_format_helpers():
    from realpolitik import scenario

    for name in scenario.__all__:
        assert hasattr(scenario, name), name
    for name in ("read_table", "parse_ktab_xml", "scenario_schema", "issue_scale", "to_scale"):
        assert name in scenario.__all__


# -- the flat API: every analysis from ``import realpolitik as rp`` ---------------------------

ANALYSES = {
    "compare": "realpolitik.forecasting",
    "stability": "realpolitik.forecasting",
    "backtest": "realpolitik.analysis.backtest",
    "load_deu": "realpolitik.scenario.deu",
    "event_series": "realpolitik.ingest.run",
    "plan_b": "realpolitik.analysis.planb",
    "run_montecarlo": "realpolitik.simulate.montecarlo",
    "solve_escalation": "realpolitik.simulate.outcomes",
    "analyse_network": "realpolitik.analysis.network",
    "explain_actor": "realpolitik.analysis.explain",
    "find_coalitions": "realpolitik.analysis.coalitions",
    "code_text": "realpolitik.ingest.coder",
}


def test_every_analysis_is_at_the_top_level_and_is_the_submodule_function():
    import importlib

    for name, module in ANALYSES.items():
        assert name in rp.__all__, name
        assert name in dir(rp), name
        assert getattr(rp, name) is getattr(importlib.import_module(module), name), name


def test_import_realpolitik_stays_light():
    import json
    import subprocess
    import sys

    heavy = ["spacy", "plotly", "fastapi", "scipy.stats", "pandas"]
    code = (
        "import json, sys, realpolitik as rp\n"
        f"print(json.dumps([m for m in {heavy!r} if m in sys.modules]))\n"
        "rp.code_text\n"  # looking a name up imports its module, nothing heavy
        f"print(json.dumps([m for m in {heavy[:3]!r} if m in sys.modules]))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert json.loads(out[0]) == []
    assert json.loads(out[1]) == []


def test_unknown_name_is_an_attribute_error():
    import pytest

    with pytest.raises(AttributeError, match="no attribute 'nonsense'"):
        rp.nonsense  # noqa: B018


def test_top_level_calls_work_on_the_builtin_scenario():
    s = rp.load_scenario("syria-2020")
    # compare: the shocked side is the forecast of the shocked scenario, the baseline unchanged
    c = rp.compare(s, ["iran-support-lost"], model="mean")
    assert (
        c.baseline.forecasts["mean"].tolist() == rp.forecast(s, "mean").forecasts["mean"].tolist()
    )
    assert c.shocks == ["iran-support-lost"]
    # network: one node per actor
    net = rp.analyse_network(s)
    assert net.actors == tuple(a.id for a in s.actors)
    # explain: the actor asked for
    assert rp.explain_actor(s, "turkey").actor == "turkey"
    # coalitions and escalation
    assert rp.find_coalitions(s, model="median").model == "median"
    esc = rp.solve_escalation(s)
    paths = esc.paths_frame()
    assert len(paths) > 0
    # Monte Carlo: the same seed gives the same runs
    a = rp.run_montecarlo(s, 12, seed=3, model="mean")
    b = rp.run_montecarlo(s, 12, seed=3, model="mean")
    assert a.n_runs == 12 and (a.forecasts_ == b.forecasts_).all()
    # ingest: a sentence with an actor of the default dictionary acting on another
    import datetime as dt

    ev = rp.code_text(
        "Last year, Erdogan launched a military operation against the Kurds.",
        reference_date=dt.date(2020, 1, 7),
    )
    assert [(e.source, e.target) for e in ev] == [(("turkey",), ("kurds",))]


# -- tidy frames ---------------------------------------------------------------------------


def _scalar_cells(df) -> bool:
    return not any(isinstance(v, dict | list | tuple | set) for v in df.to_numpy().ravel())


def test_offers_frame_is_the_offers_list_as_rows():
    r = rp.forecast(rp.load_scenario("syria-2020"), model="eum")
    offers = r.offers("eum")
    df = r.offers_frame("eum")
    assert isinstance(offers, list) and len(offers) > 0  # offers() stays a list
    assert len(df) == len(offers)
    assert list(df.columns) == ["round", "issue", "actor", "proposer", "kind", "before", "after"]
    first = offers[0]
    assert tuple(df.iloc[0]) == (
        first.round,
        first.issue,
        first.actor,
        first.proposer,
        first.kind,
        first.before,
        first.after,
    )
    assert df["round"].is_monotonic_increasing
    assert set(df["kind"]) <= {"confrontation", "compromise", "capitulation"}
    assert _scalar_cells(df)
    # a model without offers gives an empty frame with the same columns
    empty = rp.forecast(rp.load_scenario("syria-2020"), model="mean").offers_frame("mean")
    assert len(empty) == 0 and list(empty.columns) == list(df.columns)


def test_planb_frames_have_no_dict_or_list_cells():
    s = rp.load_scenario("syria-2020")
    pb = rp.plan_b(s, "turkey", "russia")
    df = pb.to_frame()
    assert _scalar_cells(df)
    assert list(df["id"]) == [c.id for c in pb.candidates]
    for row, c in zip(df.itertuples(), pb.candidates, strict=True):
        # the readable price names every conceded issue with its points, largest first unsorted
        assert row.price == "; ".join(f"{k} +{v:.1f}" for k, v in c.price.items())
        assert row.fails == "; ".join(c.fails)
    prices = pb.price_frame()
    assert _scalar_cells(prices)
    assert list(prices.columns) == [
        "candidate",
        "issue",
        "actor_from",
        "partner_from",
        "meeting",
        "price",
        "partner_price",
    ]
    # the tidy price adds up to each candidate's total
    totals = prices.groupby("candidate")["price"].sum()
    for c in pb.candidates:
        assert totals.get(c.id, 0.0) == sum(c.price.values())


def test_escalation_and_network_results_have_tidy_frames():
    s = rp.load_scenario("syria-2020")
    esc = rp.solve_escalation(s, "soleimani")
    df = esc.to_frame()
    assert _scalar_cells(df)
    assert list(df.index.names) == ["node", "option"]
    # each row is the solver's choice probability, and the reach of its node
    for (node, option), row in df.iterrows():
        assert row["probability"] == pytest.approx(esc.choices()[node][option])
    assert df.loc[("iran-answer", "none"), "reached"] == pytest.approx(1.0)
    assert df.loc["russia-in-war", "actor"].unique().tolist() == ["russia"]

    net = rp.analyse_network(s)
    frame = net.to_frame()
    assert _scalar_cells(frame)
    assert frame.index.tolist() == [a.id for a in s.actors]
    for k, camp in enumerate(net.frustration.camps, start=1):
        assert set(frame.index[frame["camp"] == k]) == set(camp)
    for k, bloc in enumerate(net.blocs.blocs, start=1):
        assert set(frame.index[frame["bloc"] == k]) == set(bloc)


def test_montecarlo_and_explanation_results_have_tidy_frames():
    s = rp.load_scenario("syria-2020")
    mc = rp.run_montecarlo(s, 30, seed=3, model="mean")
    df = mc.to_frame()
    assert _scalar_cells(df)
    assert df.index.tolist() == [i.id for i in s.issues]
    # the mean column is the mean over the runs of each issue's forecast
    runs = mc.runs_frame()
    for issue in df.index:
        assert df.loc[issue, "mean"] == pytest.approx(runs[f"forecast[{issue}]"].mean())

    ex = rp.explain_actor(s, "russia", model="median")
    frame = ex.to_frame()
    assert _scalar_cells(frame)
    assert frame["text"].tolist() == [x.text for x in ex.sentences]
    cites = ex.citations_frame()
    assert _scalar_cells(cites)
    assert len(cites) == sum(len(x.citations) for x in ex.sentences)
    assert set(cites["sentence"]) <= set(frame.index)
