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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "a national they accused of spying": the pronoun of a relative clause without "whom"
        # is the main clause's subject, and the accusation is active
        (
            "Burkina Faso arrested an Ivorian citizen it accused of spying for Abidjan.",
            ("ACCUSE", ("burkina-faso",), ("ivory-coast",)),
        ),
        (
            "Russian police detained two Estonian nationals they accused of sabotage.",
            ("ACCUSE", ("russia",), ("estonia",)),
        ),
        # ", a charge X rejected as baseless" after a hypothetical word of the charge itself
        (
            "Algeria accused Morocco of plotting attacks on its soil, a charge Rabat rejected "
            "as absurd.",
            ("REJECT", ("morocco",), ("algeria",)),
        ),
        (
            "Moscow detained a Finnish engineer it accused of planning sabotage, a charge "
            "Helsinki dismissed.",
            ("REJECT", ("finland",), ("russia",)),
        ),
        # ", prompting|drawing a warning from X": X warns the main clause's subject
        (
            "Japan and the Philippines began joint naval drills in the South China Sea, "
            "drawing a warning from Beijing.",
            ("THREATEN", ("china",), ("japan", "philippines")),
        ),
        (
            "Poland moved two brigades to its eastern border, prompting a stern warning from "
            "Minsk.",
            ("THREATEN", ("belarus",), ("poland",)),
        ),
        # vows to avenge: the avenged act's agent, and a participle after ", X said," is X's
        (
            "Houthi officials vowed to avenge the strikes by Israel on the port of Hodeidah.",
            ("THREATEN", ("houthis",), ("israel",)),
        ),
        (
            "Israeli aircraft bombed a camp near Sidon, Hezbollah said, vowing to avenge its "
            "fighters.",
            ("THREATEN", ("hezbollah",), ("israel",)),
        ),
        (
            "Sudanese army drones struck a fuel depot in Nyala, the RSF said, vowing to retaliate.",
            ("THREATEN", ("rsf",), ("sudan",)),
        ),
        # a clause framed as a joint operation: its subjects cooperate with each other
        (
            "In a joint raid, Kenyan and Somali troops stormed an al-Shabaab camp near the border.",
            ("COOPERATE", ("kenya", "somalia"), ("kenya", "somalia")),
        ),
        (
            "Nigerien and Chadian soldiers pushed into the lake islands in a joint military "
            "operation last week.",
            ("COOPERATE", ("niger", "chad"), ("niger", "chad")),
        ),
    ],
)
def test_pass15_second_block_is_coded(text: str, expected: tuple) -> None:
    assert expected in coded(text)


@pytest.mark.parametrize(
    ("text", "unexpected"),
    [
        # what a verb of ending ends did not take place
        (
            "Armenia and Azerbaijan signed a peace treaty ending years of deadly fighting.",
            ("ASSAULT", ("armenia", "azerbaijan"), ("armenia", "azerbaijan")),
        ),
        (
            "Thailand and Cambodia agreed on a truce, ending weeks of border clashes.",
            ("ASSAULT", ("thailand", "cambodia"), ("thailand", "cambodia")),
        ),
        # "under (heavy) X pressure", "amid X pressure": X is no party of the act
        (
            "Serbia withdrew its troops from the boundary under intense American pressure.",
            ("RETREAT", ("serbia",), ("us",)),
        ),
        (
            "Rwandan troops pulled back from the town of Goma amid mounting EU pressure.",
            ("SANCTION", ("rwanda",), ("eu",)),
        ),
        # the raids are the detention's means, not an attack by the detained
        (
            "Thai police arrested forty Cambodian workers in raids on Bangkok construction sites.",
            ("ASSAULT", ("cambodia",), ("thailand",)),
        ),
        # the warner is no threatened party
        (
            "Japan and the Philippines began joint naval drills in the South China Sea, "
            "drawing a warning from Beijing.",
            ("THREATEN", ("japan", "philippines"), ("china",)),
        ),
    ],
)
def test_pass15_second_block_not_coded(text: str, unexpected: tuple) -> None:
    assert unexpected not in coded(text)


def test_pass15_means_keep_their_event() -> None:
    # a guard (it passed before the pass): the detention the raids were the means of stays
    text = "Thai police arrested forty Cambodian workers in raids on Bangkok construction sites."
    assert ("COERCE", ("thailand",), ("cambodia",)) in coded(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a verb of a series "V1 X, V2 Y and V3 Z" keeps the subject of the first
        (
            "Turkish jets bombed Kurdish positions, struck a Syrian army post and killed two "
            "soldiers.",
            ("ASSAULT", ("turkey",), ("syria",)),
        ),
        # a passive attack on a place: the state it is in
        (
            "An oil terminal in Russia was struck by Ukrainian naval drones on Sunday.",
            ("ASSAULT", ("ukraine",), ("russia",)),
        ),
        # a passive attack by an unnamed means, claimed later by a group
        (
            "An army base in Somalia was struck by a truck bomb, in an attack later claimed by "
            "al-Shabaab.",
            ("ASSAULT", ("al-shabaab",), ("somalia",)),
        ),
        (
            "Nigerian soldiers were struck by a roadside bomb in an attack claimed by Boko Haram.",
            ("ASSAULT", ("boko-haram",), ("nigeria",)),
        ),
        # relief ferried; flights chartered or operated by X are X's
        (
            "Relief flights chartered by the WFP ferried 30 tonnes of medicine to Yemen.",
            ("AID", ("wfp",), ("yemen",)),
        ),
        (
            "Turkey ferried tents and blankets to Syria after the floods.",
            ("AID", ("turkey",), ("syria",)),
        ),
    ],
)
def test_pass15_third_block_is_coded(text: str, expected: tuple) -> None:
    assert expected in coded(text)


@pytest.mark.parametrize(
    ("text", "unexpected"),
    [
        # the object of the first verb is no subject of the second
        (
            "Turkish jets bombed Kurdish positions, struck a Syrian army post and killed two "
            "soldiers.",
            ("ASSAULT", ("kurds",), ("syria",)),
        ),
        # an attack by an unnamed means that no one claimed is no event
        ("Two soldiers in Syria were killed by a roadside bomb.", "ASSAULT"),
    ],
)
def test_pass15_third_block_not_coded(text: str, unexpected: tuple | str) -> None:
    found = coded(text)
    if isinstance(unexpected, str):
        assert unexpected not in {t for t, _, _ in found}
    else:
        assert unexpected not in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a deadline given ("gave X until ... to") is a demand and an ultimatum
        (
            "Washington gave Caracas until Friday to release the detained Americans.",
            ("REQUEST", ("us",), ("venezuela",)),
        ),
        (
            "The EU gave Belgrade until the end of March to recognise the vote.",
            ("THREATEN", ("eu",), ("serbia",)),
        ),
        # ", calling|branding the act <harsh word>": the subject accuses the act's agent
        (
            "Bangkok said Cambodian drones had flown over its border posts, calling the flights "
            "a provocation.",
            ("ACCUSE", ("thailand",), ("cambodia",)),
        ),
        (
            "Beijing said a U.S. destroyer had sailed through the Taiwan Strait, branding the "
            "transit provocative and dangerous.",
            ("ACCUSE", ("china",), ("us",)),
        ),
        # "Under the accord signed|inked in X, A and B will ...": A and B are its parties
        (
            "Under the accord signed in Luanda, Rwanda and Congo will pull back their troops.",
            ("AGREE", ("rwanda", "drc"), ("rwanda", "drc")),
        ),
        (
            "Under a pact inked in Doha last week, Qatar and Turkey will share intelligence.",
            ("AGREE", ("qatar", "turkey"), ("qatar", "turkey")),
        ),
    ],
)
def test_pass15_fourth_block_is_coded(text: str, expected: tuple) -> None:
    assert expected in coded(text)


@pytest.mark.parametrize(
    "text",
    [
        # the subject's own act judged is no accusation
        "Hungary blocked the sanctions package, calling it unacceptable.",
        # "calling for" is a request, no judgement of the act before
        "Egypt said Israeli and Hamas negotiators had met in Cairo, calling for a dangerous "
        "war to end.",
    ],
)
def test_pass15_fourth_block_not_coded(text: str) -> None:
    assert "ACCUSE" not in {t for t, _, _ in coded(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # guards of the pass's limits (they passed before it): an attack "with" which a truce
        # ended took place; the reprisal's target is the sentence's subject only
        (
            "Israel ended the truce with a fierce bombardment of Gaza.",
            ("ASSAULT", ("israel",), ("palestine",)),
        ),
        (
            "Moscow ended the lull with missile attacks against Kyiv.",
            ("ASSAULT", ("russia",), ("ukraine",)),
        ),
    ],
)
def test_pass15_limits_keep_events(text: str, expected: tuple) -> None:
    assert expected in coded(text)


def test_pass15_reprisal_not_aimed_at_an_appositive() -> None:
    # a guard: "backed by Iran" in an appositive is no act the Houthis avenge
    found = coded("The Houthis, backed by Iran, vowed to avenge the strikes.")
    assert ("THREATEN", ("houthis",), ("iran",)) not in found


def test_pass15_result_participle_stays_the_subjects() -> None:
    # a guard: only a speech act after ", X said," is X's; a killing is the strike's
    found = coded("Russian missiles struck Kyiv, Ukraine said, killing five Polish workers.")
    assert not any(t == "ASSAULT" and s == ("ukraine",) for t, s, _ in found)
