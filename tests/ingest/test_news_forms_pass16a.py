"""Forms the sixteenth pass (a) codes: constructions of coverage-matrix cells, in our own words.

Each positive sentence was not coded so before the pass; the guards are sentences of the same
shape that must not be coded as the rule would code them.
"""

from __future__ import annotations

import pytest

from realpolitik.ingest import code_text


def coded(text: str) -> set[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    return {(e.type, e.source, e.target) for e in code_text(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "stood by Y": the phrase's own "by" is no passive's agent
        ("Russia has stood by Syria throughout the war.", ("SUPPORT", ("russia",), ("syria",))),
        ("Germany stood by the United States.", ("SUPPORT", ("germany",), ("us",))),
        ("Egypt stood firmly by Sudan.", ("SUPPORT", ("egypt",), ("sudan",))),
        # "a plan by|from Y that X rejected": the author of the relative's object
        (
            "The talks collapsed over a plan from Washington that Tehran has rejected.",
            ("REJECT", ("iran",), ("us",)),
        ),
        (
            "Diplomats discussed Moscow's peace plan, which Kyiv flatly rejected.",
            ("REJECT", ("ukraine",), ("russia",)),
        ),
        (
            "Negotiations broke down over a U.S. proposal that Russia rejected.",
            ("REJECT", ("russia",), ("us",)),
        ),
        # "warned (that) it would ... if Y ...": the actor of the condition
        (
            "Pyongyang has warned that it will strike back if Seoul launches drills.",
            ("THREATEN", ("north-korea",), ("south-korea",)),
        ),
        (
            "China warned it would respond if Taiwan declared independence.",
            ("THREATEN", ("china",), ("taiwan",)),
        ),
        # a reprisal vowed, and the one blamed after it
        (
            "Hamas vowed revenge for the assassination, blaming Israel.",
            ("THREATEN", ("hamas",), ("israel",)),
        ),
        (
            "Iran vowed to retaliate for the attack, blaming the United States.",
            ("THREATEN", ("iran",), ("us",)),
        ),
        (
            "The Houthis vowed to avenge the strike, which they blamed on the United States.",
            ("THREATEN", ("houthis",), ("us",)),
        ),
        # the signer of a deal welcomed or praised
        (
            "Germany praised the agreement reached by Armenia.",
            ("SUPPORT", ("germany",), ("armenia",)),
        ),
        (
            "France hailed the accord signed by Kosovo on Monday.",
            ("SUPPORT", ("france",), ("kosovo",)),
        ),
        # "pummel|batter" in the active with an actor as subject
        (
            "Israel is pummelling Hamas positions in Gaza.",
            ("ASSAULT", ("israel",), ("hamas",)),
        ),
        (
            "Turkey battered Kurdish militant positions in Iraq.",
            ("ASSAULT", ("turkey",), ("kurds",)),
        ),
    ],
)
def test_sixteenth_pass_a_forms(text, expected):
    assert expected in coded(text)


def test_signers_are_all_targets():
    assert ("SUPPORT", ("un",), ("egypt", "sudan")) in coded(
        "The United Nations welcomed the deal signed by Egypt and Sudan."
    )


@pytest.mark.parametrize(
    ("text", "unwanted"),
    [
        # "stood by" a thing of its own: no support of an actor named later
        (
            "Poland stood by its decision to close the border with Belarus.",
            ("SUPPORT", ("poland",), ("belarus",)),
        ),
        (
            "Poland stands by its decision to close the border with Belarus.",
            ("SUPPORT", ("poland",), ("belarus",)),
        ),
        # a relative with a modal or a negation is no rejection
        (
            "Talks stalled over a proposal by Qatar that Israel could reject.",
            ("REJECT", ("israel",), ("qatar",)),
        ),
        (
            "Talks stalled over a proposal by Qatar that Israel did not reject.",
            ("REJECT", ("israel",), ("qatar",)),
        ),
        # a warning of what others would do, or of how things would be, is no threat
        (
            "Germany warned that it would be difficult if Russia cut gas supplies.",
            ("THREATEN", ("germany",), ("russia",)),
        ),
        (
            "Iran warned that prices would rise if Saudi Arabia cut output.",
            ("THREATEN", ("iran",), ("saudi-arabia",)),
        ),
        # a vow with no one blamed names no target
        ("Hezbollah vowed to avenge the killing, blaming the weather.", None),
        # metaphor and weather: no actor pummels
        ("Critics pummelled the plan.", None),
        ("Storms battered Japan's coast.", None),
        # blows of tariffs and sanctions are no attack, active or passive
        ("Washington has battered China with tariffs.", None),
        ("Washington is pummelling Beijing with sanctions.", None),
        ("Washington has pounded China with tariffs.", None),
        ("The economy was pummelled by sanctions imposed by Washington.", None),
    ],
)
def test_sixteenth_pass_a_guards(text, unwanted):
    found = coded(text)
    if unwanted is None:
        assert not {e for e in found if e[0] in ("ASSAULT", "THREATEN")}, found
    else:
        assert unwanted not in found, found
