"""PLOVER JSON lines, GDELT 2.0 rows and the tidy frame of coded events."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest

from realpolitik.ingest import code_text, load_dictionary
from realpolitik.ingest.formats import (
    GDELT2_COLUMNS,
    PLOVER_SCORES,
    cameo_to_plover,
    gdelt_rows,
    gdelt_tsv,
    plover_jsonl,
    plover_records,
)
from realpolitik.ingest.run import ingest

TEXT = (
    "January 8, 2020\n\n"
    "Iran fired missiles at bases housing American troops in Iraq. "
    "Washington demanded that Tehran stop. Germany urged Iran to show restraint."
)


def test_plover_scores_are_the_manuals():
    # PLOVER manual 0.7b1, table of "Schrodt scores", typed in by hand
    assert PLOVER_SCORES["ASSAULT"] == -9.3 and PLOVER_SCORES["RETREAT"] == 7.6
    assert PLOVER_SCORES["COERCE"] == -7.2 and PLOVER_SCORES["MOBILIZE"] == -5.3
    assert PLOVER_SCORES["CONSULT"] == 2.1 and PLOVER_SCORES["AID"] == 7.4
    assert "REQUEST" not in PLOVER_SCORES  # appeals: not a PLOVER category
    assert len(GDELT2_COLUMNS) == 61 and GDELT2_COLUMNS[-1] == "SOURCEURL"


@pytest.mark.parametrize(
    ("code", "category"),
    [("190", "ASSAULT"), ("0874", "RETREAT"), ("084", "RETREAT"), ("083", "CONCEDE"),
     ("1663", "SANCTION"), ("112", "ACCUSE"), ("093", "ACCUSE"), ("100", "DEMAND"),
     ("010", None), ("", None)],
)  # fmt: skip
def test_cameo_to_plover(code, category):
    assert cameo_to_plover(code) == category


def test_plover_records_fields_and_dates():
    events = code_text(TEXT, file="a.txt")
    recs = plover_records(events, load_dictionary(), {"a.txt": dt.date(2020, 1, 8)})
    assert [r["id"] for r in recs] == ["a.txt-2-1", "a.txt-3-1", "a.txt-4-1"]
    strike, demand, appeal = recs
    assert strike["event"] == ["ASSAULT"] and strike["event_type"] == "ASSAULT"
    assert strike["quad_code"] == 4 and strike["event_scale"] == -9.3
    assert strike["source"][0]["code"] == "IRN" and strike["recipient"][0]["code"] == "USA"
    assert strike["date"] == "2020-01-08" and strike["date_source"] == "article"
    assert strike["text_info"] == {"sequence": 2} and strike["cite_info"] == {"title": "a.txt"}
    # a demand is PLOVER's DEMAND; an appeal keeps REQUEST and has no PLOVER score
    assert (demand["event_type"], demand["quad_code"], demand["event_scale"]) == ("DEMAND", 3, -5.0)
    assert (appeal["event_type"], appeal["event_scale"]) == ("REQUEST", None)
    lines = plover_jsonl(recs).splitlines()
    assert len(lines) == 3 and json.loads(lines[0]) == strike


def test_plover_actor_objects():
    recs = plover_records(code_text("Al-Shabaab attacked the United Nations."), load_dictionary())
    src, rec = recs[0]["source"][0], recs[0]["recipient"][0]
    assert (src["code"], src["sector"], src["identifier_id"]) == ("SOM", "REB", "al-shabaab")
    assert (rec["code"], rec["identifier_id"]) == ("IGO", "un")


def test_gdelt_rows_one_per_directed_pair():
    events = code_text("March 5, 2020\n\nRussia and Turkey agreed on a ceasefire.", file="b.txt")
    rows = gdelt_rows(events, load_dictionary(), {"b.txt": dt.date(2020, 3, 5)})
    assert [(r["Actor1Name"], r["Actor2Name"]) for r in rows] == [
        ("russia", "turkey"),
        ("turkey", "russia"),
    ]
    r = rows[0]
    assert (r["GLOBALEVENTID"], r["SQLDATE"], r["MonthYear"], r["Year"]) == (
        "1", "20200305", "202003", "2020",
    )  # fmt: skip
    # 2020-03-05 is day 64 of a 366-day year: 2020 + 64/366
    assert r["FractionDate"] == f"{2020 + 64 / 366:.4f}"
    assert (r["Actor1Code"], r["Actor1CountryCode"], r["EventRootCode"], r["QuadClass"]) == (
        "RUS", "RUS", "03", "1",
    )  # fmt: skip
    assert r["IsRootEvent"] == "1" and r["AvgTone"] == "" and r["ActionGeo_Lat"] == ""
    table = list(csv.reader(io.StringIO(gdelt_tsv(rows)), delimiter="\t"))
    assert tuple(table[0]) == GDELT2_COLUMNS and all(len(x) == 61 for x in table)
    assert len(list(csv.reader(io.StringIO(gdelt_tsv(rows, header=False)), delimiter="\t"))) == 2


def test_to_frame_is_tidy(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(TEXT, encoding="utf-8")
    frame = ingest([str(f)]).to_frame()
    assert list(frame.columns[:8]) == [
        "event", "file", "sentence", "date", "date_text", "source", "target", "type",
    ]  # fmt: skip
    assert frame[["source", "target", "type"]].values.tolist() == [
        ["iran", "us", "ASSAULT"],
        ["us", "iran", "REQUEST"],
        ["germany", "iran", "REQUEST"],
    ]
    assert str(frame["date"].dtype).startswith("datetime64")
    assert frame["plover_type"].tolist() == ["ASSAULT", "DEMAND", "REQUEST"]
    assert frame["plover_score"].tolist()[:2] == [-9.3, -5.0]
