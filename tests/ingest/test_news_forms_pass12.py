"""Forms of news English the twelfth pass codes, each a regression test.

The sentences are written for these tests (none is copied from a gold file): general forms of
wire news that an independent block (fresh10) showed the coder missed or misread, in several
variants each, with similar sentences that must not be coded so.
"""

from __future__ import annotations

import pytest

from realpolitik.ingest import code_text


def coded(text: str) -> set[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    return {(e.type, e.source, e.target) for e in code_text(text)}


def types(text: str) -> set[str]:
    return {t for t, _, _ in coded(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "called in the X ambassador" is summoning an envoy (ACCUSE), not a phone call
        ("Britain called in the Iranian ambassador.", ("ACCUSE", ("uk",), ("iran",))),
        (
            "Britain called in the Iranian ambassador on Monday over the arrest of two reporters.",
            ("ACCUSE", ("uk",), ("iran",)),
        ),
        (
            "France called in Russia's envoy to protest the hacking of its networks.",
            ("ACCUSE", ("france",), ("russia",)),
        ),
        (
            "Japan's foreign ministry has called in China's ambassador in Tokyo.",
            ("ACCUSE", ("japan",), ("china",)),
        ),
        (
            "Seoul called in the Japanese charge d'affaires after the remarks.",
            ("ACCUSE", ("south-korea",), ("japan",)),
        ),
        # "sentenced a Taiwanese publisher to nine years": the person sentenced, not the term
        (
            "A Chinese court sentenced a Taiwanese publisher to nine years in prison.",
            ("COERCE", ("china",), ("taiwan",)),
        ),
        (
            "Belarus sentenced a Polish journalist to eight years in prison.",
            ("COERCE", ("belarus",), ("poland",)),
        ),
        (
            "A Russian court on Friday sentenced an American to 16 years.",
            ("COERCE", ("russia",), ("us",)),
        ),
        # relief, rescue and medical teams sent to a country are aid
        ("Japan sent a disaster relief team to Nepal.", ("AID", ("japan",), ("nepal",))),
        (
            "India has dispatched a 50-strong rescue team to Myanmar.",
            ("AID", ("india",), ("myanmar",)),
        ),
        (
            "India sent a medical team and tents to Turkey after the earthquake.",
            ("AID", ("india",), ("turkey",)),
        ),
        # a lender approving a disbursement or tranche to a country
        (
            "The IMF approved a $1.1 billion disbursement to Pakistan.",
            ("AID", ("imf",), ("pakistan",)),
        ),
        (
            "The IMF's board approved a new tranche to Kenya on Friday.",
            ("AID", ("imf",), ("kenya",)),
        ),
        # calling off a visit by another state's official
        (
            "Baku called off a visit by a Russian deputy prime minister.",
            ("SANCTION", ("azerbaijan",), ("russia",)),
        ),
        (
            "Seoul abruptly called off a visit by the Japanese defence minister after the row.",
            ("SANCTION", ("south-korea",), ("japan",)),
        ),
        # a criminal captured alive (launderer, trafficker, boss) is an arrest, not an assault
        (
            "Mexican marines captured a senior Sinaloa Cartel money launderer in a raid.",
            ("COERCE", ("mexico",), ("sinaloa-cartel",)),
        ),
        (
            "Mexican soldiers captured a Sinaloa Cartel boss in Culiacan on Friday.",
            ("COERCE", ("mexico",), ("sinaloa-cartel",)),
        ),
        # ", a charge that X's minister dismissed": the denial by an official named with a possessive
        (
            "India accused Pakistan of sheltering militants, a charge Islamabad's foreign ministry"
            " denied.",
            ("REJECT", ("pakistan",), ("india",)),
        ),
        (
            "Kenya accused Somalia of harbouring fighters, an allegation that the Somali foreign"
            " minister rejected.",
            ("REJECT", ("somalia",), ("kenya",)),
        ),
        # a march or rally on a state's embassy, consulate or high commission is a protest
        (
            "Hundreds of Kenyans marched to the Ugandan high commission in Nairobi.",
            ("PROTEST", ("kenya",), ("uganda",)),
        ),
        (
            "Thousands of Serbs marched on the U.S. embassy in Belgrade on Saturday.",
            ("PROTEST", ("serbia",), ("us",)),
        ),
        (
            "Hundreds of Iraqis rallied toward the Turkish embassy in Baghdad.",
            ("PROTEST", ("iraq",), ("turkey",)),
        ),
    ],
)
def test_pass12_forms(text, expected):
    assert expected in coded(text), coded(text)


@pytest.mark.parametrize(
    ("text", "unexpected"),
    [
        # the particle "in" only before an envoy: a place after "called ... in" stays a place
        ("Putin called in Minsk for closer ties.", ("ACCUSE", ("russia",), ("belarus",))),
        ("Britain called in the Iranian ambassador.", ("CONSULT", ("uk",), ("iran",))),
        # a team that is not a relief team; a visit welcomed, not called off
        ("China sent a negotiating team to Washington.", ("AID", ("china",), ("us",))),
        (
            "Baku welcomed a visit by the Russian foreign minister.",
            ("SANCTION", ("azerbaijan",), ("russia",)),
        ),
        # a captured stronghold is still an assault, not an arrest
        (
            "Mexican marines captured a Sinaloa Cartel stronghold in the mountains.",
            ("COERCE", ("mexico",), ("sinaloa-cartel",)),
        ),
        # a charge repeated by a third state is no rejection
        (
            "Kenya accused Somalia of harbouring fighters, a charge that the Ethiopian foreign"
            " minister repeated.",
            ("REJECT", ("ethiopia",), ("kenya",)),
        ),
        # a march to a place that is no state's mission
        (
            "Hundreds of Kenyans marched to the Ugandan border town of Busia.",
            ("PROTEST", ("kenya",), ("uganda",)),
        ),
        ("The IMF approved a review of Egypt's programme.", ("AID", ("imf",), ("egypt",))),
    ],
)
def test_pass12_guards(text, unexpected):
    assert unexpected not in coded(text), coded(text)
