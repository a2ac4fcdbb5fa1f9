"""Forms of news English the fifteenth pass codes, each a regression test.

The forms come from the misses of an independent block (fresh14); the sentences here were
written for these tests (other actors, other wording), so each rule is tested as a
construction, and similar sentences that must not be coded so follow.
"""

from __future__ import annotations

import pytest
from test_news_forms_pass12 import coded


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a hostile act reported by a participle after the main clause, the actor named by title
        (
            "Bolivia expelled the Argentine ambassador, saying President Javier Milei had "
            "interfered in its elections.",
            ("ACCUSE", ("bolivia",), ("argentina",)),
        ),
        (
            "Venezuela closed its border with Colombia, saying Bogota had repeatedly harboured "
            "armed groups.",
            ("ACCUSE", ("venezuela",), ("colombia",)),
        ),
        (
            "Kenya said President Yoweri Museveni had meddled in its affairs.",
            ("ACCUSE", ("kenya",), ("uganda",)),
        ),
        # "Central America's", "South America's" name a region, not the United States
        (
            "Guatemala, Central America's most populous nation, signed an investment deal with "
            "Japan on Friday.",
            ("AGREE", ("guatemala",), ("japan",)),
        ),
        (
            "Paraguay, one of South America's two landlocked states, has signed a trade pact "
            "with India.",
            ("AGREE", ("paraguay",), ("india",)),
        ),
        # a partnership or charter signed, with several words before it
        (
            "Japan and the Philippines signed a maritime and cyber security partnership in Manila.",
            ("AGREE", ("japan", "philippines"), ("japan", "philippines")),
        ),
        (
            "Kenya and Ethiopia signed a new energy and water charter at a summit in Nairobi.",
            ("CONSULT", ("kenya", "ethiopia"), ("kenya", "ethiopia")),
        ),
        # countertariffs slapped, the target counted from "on"
        (
            "Beijing slapped 15 percent countertariffs on 20 billion dollars' worth of "
            "Australian wine and barley.",
            ("SANCTION", ("china",), ("australia",)),
        ),
        (
            "Brazil imposed countertariffs on American ethanol.",
            ("SANCTION", ("brazil",), ("us",)),
        ),
        (
            "The EU slapped 25 percent duties on 4 billion euros' worth of imported Chinese "
            "electric cars.",
            ("SANCTION", ("eu",), ("china",)),
        ),
        # crime bosses handed over are judicial cooperation, not a release
        (
            "Guatemala handed over nine suspected drug kingpins to the United States.",
            ("COOPERATE", ("guatemala",), ("us",)),
        ),
        (
            "Ecuador turned over three gang bosses to Colombia on Friday.",
            ("COOPERATE", ("ecuador",), ("colombia",)),
        ),
        # captives handed ... over: the captives' state
        (
            "The Houthis handed two Saudi prisoners over to the ICRC in Sanaa.",
            ("CONCEDE", ("houthis",), ("saudi-arabia",)),
        ),
        (
            "Hezbollah handed the bodies of three Israeli soldiers over to UN peacekeepers.",
            ("CONCEDE", ("hezbollah",), ("israel",)),
        ),
        # budget or other named support paused or withheld, with an amount before it
        (
            "Germany has paused 40 million euros in development aid to Niger.",
            ("SANCTION", ("germany",), ("niger",)),
        ),
        (
            "The European Union froze hundreds of millions in budget support to Tunisia.",
            ("SANCTION", ("eu",), ("tunisia",)),
        ),
    ],
)
def test_pass15_form_is_coded(text: str, expected: tuple) -> None:
    assert expected in coded(text)


@pytest.mark.parametrize(
    ("text", "unexpected"),
    [
        ("Guatemala, Central America's most populous nation, met Japan.", "us"),
        ("Peru, South America's third-largest country, met India.", "us"),
    ],
)
def test_pass15_region_is_no_actor(text: str, unexpected: str) -> None:
    assert not any(unexpected in s + t for _, s, t in coded(text))


@pytest.mark.parametrize(
    ("text", "unexpected"),
    [
        # hostages handed over stay a release, not judicial cooperation
        (
            "Hamas handed over four Thai hostages to the Red Cross.",
            ("COOPERATE", ("hamas",), ("thailand",)),
        ),
        # support paused for a reason: the reason's actor is no target
        (
            "Canada paused funding to the agency, citing Israeli allegations.",
            ("SANCTION", ("canada",), ("israel",)),
        ),
    ],
)
def test_pass15_not_coded(text: str, unexpected: tuple) -> None:
    assert unexpected not in coded(text)
