"""The public namespace, imported exactly as client code would."""

from __future__ import annotations

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
