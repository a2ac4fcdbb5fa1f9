"""Forms of news English the sixteenth pass (b) codes, each a regression test.

The forms come from the misses of an independent block (fresh15); the sentences here were
written for these tests (other actors, other wording), so each rule is tested as a
construction, and similar sentences that must not be coded so follow. Four states the block
named and the dictionary lacked (Albania, Croatia, Nauru, Tuvalu) are tested by name, capital,
demonym and leader.
"""

from __future__ import annotations

import pytest
from test_news_forms_pass12 import coded


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # four states added to the dictionary
        (
            "Tirana recalled its ambassador from Belgrade after a border incident.",
            ("SANCTION", ("albania",), ("serbia",)),
        ),
        (
            "Edi Rama met Andrej Plenkovic in Zagreb on Monday.",
            ("CONSULT", ("albania",), ("croatia",)),
        ),
        (
            "Croatian police arrested two Albanian nationals on smuggling charges.",
            ("COERCE", ("croatia",), ("albania",)),
        ),
        (
            "Nauru signed a security treaty with Australia.",
            ("AGREE", ("nauru",), ("australia",)),
        ),
        (
            "Japan sent emergency aid to Tuvalu after the cyclone.",
            ("AID", ("japan",), ("tuvalu",)),
        ),
        (
            "Funafuti summoned the Nauruan envoy over the fishing dispute.",
            ("ACCUSE", ("tuvalu",), ("nauru",)),
        ),
        # "the Jewish state" names Israel
        (
            "Colombia halted coal exports to the Jewish state in protest at the war.",
            ("SANCTION", ("colombia",), ("israel",)),
        ),
        # an envoy pulled out of the host state
        (
            "Rwanda pulled its ambassador out of Kinshasa on Tuesday.",
            ("SANCTION", ("rwanda",), ("drc",)),
        ),
        (
            "Lima has withdrawn its envoys out of Caracas.",
            ("SANCTION", ("peru",), ("venezuela",)),
        ),
        # several envoys ordered to leave
        (
            "Niger ordered three French envoys to leave within 48 hours.",
            ("SANCTION", ("niger",), ("france",)),
        ),
        # joint drills carried out, wrapped up, completed
        (
            "Egyptian and Saudi naval units carried out joint drills in the Red Sea.",
            ("COOPERATE", ("egypt", "saudi-arabia"), ("egypt", "saudi-arabia")),
        ),
        (
            "Indian and French troops wrapped up two weeks of joint exercises in Rajasthan.",
            ("COOPERATE", ("india", "france"), ("india", "france")),
        ),
        (
            "Chinese and Pakistani jets completed a fortnight of joint air drills on Friday.",
            ("COOPERATE", ("china", "pakistan"), ("china", "pakistan")),
        ),
        # a decision that opens the sentence reports the act decided
        (
            "Latvia's decision to expel two Russian diplomats angered the Kremlin.",
            ("SANCTION", ("latvia",), ("russia",)),
        ),
        (
            "Ghana's decision to suspend cooperation with Burkina Faso surprised observers.",
            ("SANCTION", ("ghana",), ("burkina-faso",)),
        ),
        # a reaction drawn by the act of a noun phrase subject
        (
            "Finland's expulsion of a Russian diplomat drew threats of retaliation from Moscow.",
            ("THREATEN", ("russia",), ("finland",)),
        ),
        (
            "Latvia's decision to close its border with Belarus prompted a vow of reprisals "
            "from Minsk.",
            ("THREATEN", ("belarus",), ("latvia",)),
        ),
        (
            "Poland's decision to expel a Belarusian diplomat suspected of spying sparked "
            "threats of a response from Minsk.",
            ("THREATEN", ("belarus",), ("poland",)),
        ),
        # the subject of a gerund after "by"
        (
            "The move was answered within a day by Moscow ordering two Finnish diplomats to leave.",
            ("SANCTION", ("russia",), ("finland",)),
        ),
        # funding paused, any amount
        (
            "Washington paused hundreds of millions of dollars in funding to Colombia.",
            ("SANCTION", ("us",), ("colombia",)),
        ),
        (
            "Germany has withheld some of its aid to Rwanda over the fighting in Congo.",
            ("SANCTION", ("germany",), ("rwanda",)),
        ),
        # weapons handed over in the passive, the recipient after "to"
        (
            "Four Leopard tanks were handed over to Ukraine by Spain on Monday.",
            ("AID", ("spain",), ("ukraine",)),
        ),
        (
            "Two coastal patrol vessels have been handed over to Ghana by the United States.",
            ("CONCEDE", ("us",), ("ghana",)),
        ),
        # "be among those <participle> by X"
        (
            "A Turkish journalist was among those arrested by Georgian police at the rally.",
            ("COERCE", ("georgia",), ("turkey",)),
        ),
        (
            "Two Kenyan aid workers were among those killed by RSF fighters in El Fasher.",
            ("ASSAULT", ("rsf",), ("kenya",)),
        ),
        # a passive gerund after "after|before being" has the main clause's subject
        (
            "Three Japanese sailors returned home after being released by the Houthis.",
            ("CONCEDE", ("houthis",), ("japan",)),
        ),
        (
            "Two Thai fishermen were repatriated on Monday after being freed by Myanmar.",
            ("CONCEDE", ("myanmar",), ("thailand",)),
        ),
        (
            "Seven Indian seafarers were released by Iran on Sunday.",
            ("CONCEDE", ("iran",), ("india",)),
        ),
        # "more than" is a quantity, not a clause boundary
        (
            "An Australian writer held for more than two years in China was freed by Beijing.",
            ("CONCEDE", ("china",), ("australia",)),
        ),
    ],
)
def test_pass16b_form_is_coded(text: str, expected: tuple) -> None:
    assert expected in coded(text)


@pytest.mark.parametrize(
    ("text", "unexpected"),
    [
        # a place by a border is no target of an attack
        (
            "ISIS fighters ambushed an army patrol near the Syrian border, killing six soldiers.",
            ("ASSAULT", ("isis",), ("syria",)),
        ),
        # a deal struck with someone is no attack
        (
            "Manila published the fisheries deals it struck with Beijing last year.",
            ("ASSAULT", ("philippines",), ("china",)),
        ),
        # welcoming a person is hosting, not support
        (
            "Spain's king welcomed Moroccan Prime Minister Aziz Akhannouch to Madrid.",
            ("SUPPORT", ("spain",), ("morocco",)),
        ),
        (
            "Spain's king welcomed Croatian President Zoran Milanovic to Madrid.",
            ("SUPPORT", ("spain",), ("croatia",)),
        ),
        # funding paused is no aid
        (
            "Washington paused hundreds of millions of dollars in funding to Colombia.",
            ("AID", ("us",), ("colombia",)),
        ),
        # joint exercises wrapped up near a border are no show of force toward it
        (
            "Russian and Belarusian troops wrapped up joint exercises near the Polish border.",
            ("MOBILIZE", ("russia", "belarus"), ("poland",)),
        ),
    ],
)
def test_pass16b_not_coded(text: str, unexpected: tuple) -> None:
    # the Croatian welcome and the exercises wrapped up pass before by design (no actor, no
    # trigger then); the other guards fail before
    assert unexpected not in coded(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # guards: what the rules must leave as it was
        (
            "Finland praised Sweden's decision to send air defence systems to Ukraine.",
            {("SUPPORT", ("finland",), ("sweden",))},
        ),
        (
            "Belarus and Russia began joint military exercises near the Polish border.",
            {
                ("COOPERATE", ("belarus", "russia"), ("belarus", "russia")),
                ("MOBILIZE", ("belarus", "russia"), ("poland",)),
            },
        ),
        (
            "Turkish drones hit Kurdish militant positions near the Iraqi border.",
            {("ASSAULT", ("turkey",), ("kurds",))},
        ),
        (
            "Russia condemned the expulsion of its diplomats.",
            set(),
        ),
        (
            "Israeli jets struck Hezbollah positions with heavy bombs.",
            {("ASSAULT", ("israel",), ("hezbollah",))},
        ),
        (
            "Qatar welcomed Iran's decision to free the tanker's crew.",
            {("SUPPORT", ("qatar",), ("iran",))},
        ),
    ],
)
def test_pass16b_guards(text: str, expected: set) -> None:
    assert coded(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an opening participle of meeting, its subject "the <office> of X and Y"
        (
            "Meeting in Doha, the foreign ministers of Egypt and Jordan pledged to coordinate "
            "aid deliveries.",
            ("CONSULT", ("egypt", "jordan"), ("egypt", "jordan")),
        ),
        (
            "Meeting in Brasilia, the presidents of Brazil and Argentina signed a trade accord.",
            ("CONSULT", ("brazil", "argentina"), ("brazil", "argentina")),
        ),
        # ", and X <verb>" after a pair that has its "and" is a clause of its own
        (
            "Beijing imposed export curbs on Japan and South Korea, and Tokyo responded with "
            "tariffs on Chinese steel.",
            ("SANCTION", ("japan",), ("china",)),
        ),
        # a pact "binding" its parties
        (
            "A reciprocal access treaty binding Japan and the Philippines to joint training was "
            "ratified in Manila.",
            ("AGREE", ("japan", "philippines"), ("japan", "philippines")),
        ),
        # a written request sent to a state
        (
            "Islamabad sent a formal letter to Kabul seeking the handover of militant leaders.",
            ("REQUEST", ("pakistan",), ("afghanistan",)),
        ),
        (
            "Cairo delivered a note to Addis Ababa seeking a halt to the dam's filling.",
            ("REQUEST", ("egypt",), ("ethiopia",)),
        ),
        # relief brought in by its sender; relief flights from X that landed in Y
        (
            "Blankets and medicines airlifted by Turkey reached flood victims in Libya.",
            ("AID", ("turkey",), ("libya",)),
        ),
        (
            "Mercy flights from Qatar carrying doctors and field hospitals landed in Khartoum.",
            ("AID", ("qatar",), ("sudan",)),
        ),
        # a deposit into a central bank
        (
            "The UAE deposited $1 billion into the central bank of Egypt.",
            ("AID", ("uae",), ("egypt",)),
        ),
    ],
)
def test_pass16b_second_block_is_coded(text: str, expected: tuple) -> None:
    assert expected in coded(text)


@pytest.mark.parametrize(
    ("text", "unexpected"),
    [
        (
            "Beijing imposed export curbs on Japan and South Korea, and Tokyo responded with "
            "tariffs on Chinese steel.",
            ("SANCTION", ("japan", "south-korea"), ("china",)),
        ),
        (
            "Meeting in Geneva, the president of Switzerland praised the aid workers.",
            ("CONSULT", ("switzerland",), ("switzerland",)),
        ),
    ],
)
def test_pass16b_second_block_not_coded(text: str, unexpected: tuple) -> None:
    # the Geneva guard passes before by design (one actor after the comma)
    assert unexpected not in coded(text)


def test_pass16b_oxford_comma_list_stays_one_subject() -> None:
    # a list "A, B, and C" keeps its members (only a second "and" opens a clause); a guard
    # that passes before by design
    assert ("SANCTION", ("uk", "france", "germany"), ("iran",)) in coded(
        "Britain, France, and Germany imposed sanctions on Iran."
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # ", a step|move that X warned ...": a threat against the agent of the main clause
        (
            "Ethiopia began filling the dam's reservoir, a move that Cairo warned would be met "
            "with force.",
            ("THREATEN", ("egypt",), ("ethiopia",)),
        ),
        (
            "Armenia froze its membership of the CSTO, a step that Moscow warned it would answer.",
            ("THREATEN", ("russia",), ("armenia",)),
        ),
        # the subject of a passive before an ", including ...," parenthetical
        (
            "Dozens of Haitian migrants, including families registered with the UN, were "
            "deported by the Dominican Republic.",
            ("COERCE", ("dominican-republic",), ("haiti",)),
        ),
    ],
)
def test_pass16b_third_block_is_coded(text: str, expected: tuple) -> None:
    assert expected in coded(text)


@pytest.mark.parametrize(
    ("text", "unexpected"),
    [
        (
            "Dozens of Haitian migrants, including families registered with the UN, were "
            "deported by the Dominican Republic.",
            ("COERCE", ("dominican-republic",), ("un",)),
        ),
        # a named standing treaty is no new agreement
        (
            "Kenya cited the Nile Waters Treaty with Egypt in its complaint.",
            ("AGREE", ("kenya",), ("egypt",)),
        ),
        (
            "Turkey invoked the Montreux Convention Treaty with Greece's consent.",
            ("AGREE", ("turkey",), ("greece",)),
        ),
    ],
)
def test_pass16b_third_block_not_coded(text: str, unexpected: tuple) -> None:
    assert unexpected not in coded(text)


def test_pass16b_new_treaty_with_is_still_an_agreement() -> None:
    # a guard: a treaty named by its kind only keeps its agreement (passes before by design)
    assert ("AGREE", ("japan",), ("australia",)) in coded(
        "Japan's new defence treaty with Australia took effect on Sunday."
    )
