from __future__ import annotations

import datetime as dt
from types import SimpleNamespace as NS

import pytest

from realpolitik.exceptions import InputError
from realpolitik.ingest.dates import article_date, find_dates
from realpolitik.ingest.dictionary import compile_pattern, inflect, load_dictionary, match_at

REF = dt.date(2020, 1, 7)  # a Tuesday


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("on 2019-12-31", "2019-12-31"),
        ("on January 3, 2020", "2020-01-03"),
        ("on 3 January 2020", "2020-01-03"),
        ("in a March 2019 interview", "2019-03"),
        ("in 2015", "2015"),
        ("last year", "2019"),
        ("next month", "2020-02"),
        ("last month", "2019-12"),
        ("yesterday", "2020-01-06"),
        ("on Wednesday he will go", "2020-01-08"),
        ("on Wednesday he went", "2020-01-01"),
        ("last Tuesday", "2019-12-31"),
        ("last week", None),
    ],
)
def test_dates(text, value):
    found = find_dates(text, REF)
    assert len(found) == 1 and found[0].value == value


def test_relative_dates_need_a_reference():
    assert [d.value for d in find_dates("last year, in 2015")] == [None, "2015"]
    assert article_date("Title\n\nJanuary 07, 2020\n\nText") == REF
    assert article_date("No date here.") is None


def test_inflect():
    # where doubling is uncertain both spellings are produced
    assert inflect("ban") == ["ban", "baned", "baning", "banned", "banning", "bans"]
    assert inflect("supply") == ["supplied", "supplies", "supply", "supplying"]
    assert inflect("visit") == ["visit", "visited", "visiting", "visits", "visitted", "visitting"]


def test_match_at_longest_and_gaps():
    els = compile_pattern("sign+ * agreement|deal with?")
    words = "iran signed a new trade deal with russia".split()
    assert match_at(els, words, 1, len(words)) == 7
    # a gap does not cross a comma
    words = "iran signed , then a deal".split()
    assert match_at(els, words, 1, len(words)) == -1


def test_bad_patterns():
    with pytest.raises(InputError, match="must start with a word"):
        compile_pattern("* attack")
    with pytest.raises(InputError, match="hyphenated"):
        compile_pattern("cease-fire")
    # six base phrases were written this way and never matched their first verbs
    with pytest.raises(InputError, match="mixes verb stems"):
        compile_pattern("cancel+|call+ off|postpone+ * visit to")
    assert compile_pattern("hand+ over|back *4 to")[1][1] == {"over", "back"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Seoul cancelled a visit to Tokyo.", ("SANCTION", ("south-korea",), ("japan",))),
        ("Seoul postponed talks with Tokyo.", ("SANCTION", ("south-korea",), ("japan",))),
        (
            "Seoul cancelled a planned visit by the Japanese foreign minister.",
            ("SANCTION", ("south-korea",), ("japan",)),
        ),
        ("Seoul called off a visit to Tokyo.", ("SANCTION", ("south-korea",), ("japan",))),
        ("Moscow ousted two Estonian diplomats.", ("SANCTION", ("russia",), ("estonia",))),
        (
            "Washington pulled out of the nuclear deal with Iran.",
            ("SANCTION", ("us",), ("iran",)),
        ),
        ("Israel shut off electricity to Gaza.", ("COERCE", ("israel",), ("palestine",))),
    ],
)
def test_each_verb_of_a_split_phrase_codes(text, expected):
    from realpolitik.ingest import code_text

    assert expected in {(e.type, e.source, e.target) for e in code_text(text)}


def test_scenario_actors_rename_base_actors():
    d = load_dictionary(
        [
            NS(id="regime", name="Assad regime", leader="Bashar al-Assad", aliases=["Damascus"]),
            NS(id="moscow", name="Russia", leader=None, aliases=[]),
        ]
    )
    assert d.resolve("syria") == "regime"
    assert d.resolve("russia") == "moscow"
    assert d.resolve("iran") == "iran"
    assert d.cameo("regime") == "SYR"
