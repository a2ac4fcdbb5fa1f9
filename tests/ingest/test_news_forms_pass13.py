"""Forms of news English the thirteenth pass codes, each a regression test.

Each form is tested with the sentence of the independent block (fresh11) that showed the coder
missed or misread it, and with sentences written for these tests (other actors, other wording),
so the rule is tested as a construction; similar sentences that must not be coded so follow.
"""

from __future__ import annotations

import pytest
from test_news_forms_pass12 import coded


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # relief flown in: "flew tents, blankets and medical kits to X" (a list with commas),
        # "would fly 50 tonnes of medical supplies and two field hospitals to X"
        (
            "The United Arab Emirates said it would fly 50 tonnes of medical supplies and two "
            "field hospitals to Gaza through Egypt's El Arish airport after talks between "
            "Emirati and Egyptian officials in Cairo.",
            ("AID", ("uae",), ("palestine",)),
        ),
        (
            "Turkey's disaster agency AFAD flew tents, blankets and medical kits to Afghanistan "
            "after an earthquake flattened villages in the eastern province of Kunar.",
            ("AID", ("turkey",), ("afghanistan",)),
        ),
        (
            "Qatar flew 40 tons of food and medicine to Sudan on Monday.",
            ("AID", ("qatar",), ("sudan",)),
        ),
        (
            "India has flown blankets, tents and water purifiers to Nepal.",
            ("AID", ("india",), ("nepal",)),
        ),
        (
            "Japan airlifted relief supplies and a mobile hospital to the Philippines.",
            ("AID", ("japan",), ("philippines",)),
        ),
        # a plan or proposal blocked is rejected; its author is the target
        (
            "Belgium blocked a European Commission plan to lend Ukraine money backed by frozen "
            "Russian central bank assets held at Euroclear, saying Brussels had not offered "
            "enough guarantees against legal risks.",
            ("REJECT", ("belgium",), ("eu",)),
        ),
        (
            "Hungary blocked a French proposal for a joint loan.",
            ("REJECT", ("hungary",), ("france",)),
        ),
        (
            "Russia blocked Japan's plan for a new monitoring mission.",
            ("REJECT", ("russia",), ("japan",)),
        ),
        # a push-back over a border is a deportation toward the state across it
        (
            "India's Border Security Force pushed hundreds of Bengali-speaking Muslims across "
            "the frontier into Bangladesh, drawing a protest from Dhaka, which said many of them "
            "were Indian citizens.",
            ("COERCE", ("india",), ("bangladesh",)),
        ),
        (
            "Greek coast guards pushed dozens of migrants back across the border into Turkey.",
            ("COERCE", ("greece",), ("turkey",)),
        ),
        (
            "Pakistan has pushed thousands of Afghan refugees over the border to Afghanistan.",
            ("COERCE", ("pakistan",), ("afghanistan",)),
        ),
        # a member's suspension lifted is a concession to it
        (
            "The African Union's Peace and Security Council lifted Gabon's suspension from the "
            "bloc, citing the return to constitutional order after the presidential election.",
            ("CONCEDE", ("african-union",), ("gabon",)),
        ),
        (
            "ECOWAS lifted the suspension of Niger after the elections.",
            ("CONCEDE", ("ecowas",), ("niger",)),
        ),
        (
            "The African Union ended Mali's suspension from the bloc.",
            ("CONCEDE", ("african-union",), ("mali",)),
        ),
        # a person, a title and a relative added to a sanctions list
        (
            "Colombia recalled its ambassador from Washington after the U.S. Treasury added "
            "President Gustavo Petro and his son to its sanctions list over alleged links to the "
            "drug trade.",
            ("SANCTION", ("us",), ("colombia",)),
        ),
        (
            "Britain added Sergei Lavrov and his stepdaughter to its sanctions list.",
            ("SANCTION", ("uk",), ("russia",)),
        ),
        (
            "The European Union put President Alexander Lukashenko and his son on its sanctions "
            "list.",
            ("SANCTION", ("eu",), ("belarus",)),
        ),
        # "a joint communique signed by the two foreign ministers": their agreement
        (
            "Britain endorsed Morocco's autonomy plan for Western Sahara as the most credible "
            "basis for a lasting settlement, in a joint communique signed by the two foreign "
            "ministers in Rabat.",
            ("AGREE", ("uk", "morocco"), ("uk", "morocco")),
        ),
        (
            "Japan and Vietnam upgraded their ties in a joint communique signed by the two prime "
            "ministers in Hanoi.",
            ("AGREE", ("japan", "vietnam"), ("japan", "vietnam")),
        ),
        (
            "Kenya and Ethiopia set out plans for a trade corridor, in a communique signed by the "
            "two presidents.",
            ("AGREE", ("kenya", "ethiopia"), ("kenya", "ethiopia")),
        ),
        # "Baloch Liberation Army", as wire reports also spell the group's name
        (
            "Baloch Liberation Army fighters attacked a Pakistani army convoy in Kech.",
            ("ASSAULT", ("bla",), ("pakistan",)),
        ),
    ],
)
def test_pass13_form_is_coded(text: str, expected: tuple) -> None:
    assert expected in coded(text)


@pytest.mark.parametrize(
    ("text", "unexpected"),
    [
        # a minister flying to a capital is a visit, not relief; the word list needs a cargo
        ("The Turkish foreign minister flew to Kabul for talks.", "AID"),
        ("Egypt's president flew to Riyadh on Monday with a delegation.", "AID"),
        # blocking other things stays restriction (COERCE) or no event, not rejection
        ("Israel blocked aid convoys into Gaza.", "REJECT"),
        # pushing for something is no push-back
        ("France pushed the EU to back new sanctions on Russia.", "COERCE"),
        # a suspension imposed is no concession
        ("The African Union suspended Gabon after the coup.", "CONCEDE"),
    ],
)
def test_pass13_form_is_not_coded(text: str, unexpected: str) -> None:
    assert unexpected not in {t for t, _, _ in coded(text)}
