"""Verbs of the CAMEO verb dictionary the seventeenth pass added, each a regression test.

The seventeenth pass widened the phrase vocabulary to the breadth of the public CAMEO verb
dictionary (PETRARCH2's CAMEO.2.0 verb classes, read for facts only: which English verbs and
verb + particle or noun patterns belong to which CAMEO codes), independent of any gold block.
The sentences here were written for these tests, one or more per added word family with varied
actors; similar sentences in the words' common non-event senses follow and must not be coded.
"""

from __future__ import annotations

import pytest
from test_news_forms_pass12 import coded


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # AGREE (030/057): hammer out, cut a deal, iron out|patch up, ratify, accept a request
        (
            "Tokyo and Seoul hammered out a compromise on Friday.",
            ("AGREE", ("japan", "south-korea"), ("japan", "south-korea")),
        ),
        (
            "Manila and Hanoi cut a fishing deal.",
            ("AGREE", ("philippines", "vietnam"), ("philippines", "vietnam")),
        ),
        (
            "Delhi and Dhaka ironed out their differences over the river.",
            ("AGREE", ("india", "bangladesh"), ("india", "bangladesh")),
        ),
        (
            "Armenia and Azerbaijan patched up their quarrel.",
            ("AGREE", ("armenia", "azerbaijan"), ("armenia", "azerbaijan")),
        ),
        (
            "Armenia and Azerbaijan ratified the peace treaty.",
            ("AGREE", ("armenia", "azerbaijan"), ("armenia", "azerbaijan")),
        ),
        ("Qatar accepted Egypt's request to host the talks.", ("AGREE", ("qatar",), ("egypt",))),
        # CONSULT (040/042): huddle|converse with, journey to, tour, a tour of, notify, contact
        (
            "France's foreign minister huddled with Italy's foreign minister in Rome.",
            ("CONSULT", ("france",), ("italy",)),
        ),
        (
            "Spain's foreign minister conversed with Moroccan officials on Monday.",
            ("CONSULT", ("spain",), ("morocco",)),
        ),
        (
            "Indonesia's president journeyed to Beijing for the summit.",
            ("CONSULT", ("indonesia",), ("china",)),
        ),
        (
            "Japan's prime minister toured Australia last week.",
            ("CONSULT", ("japan",), ("australia",)),
        ),
        ("Modi's three-day tour of Ghana ended on Friday.", ("CONSULT", ("india",), ("ghana",))),
        ("Moscow notified Washington of the missile test.", ("CONSULT", ("russia",), ("us",))),
        (
            "Seoul contacted Pyongyang through the military hotline.",
            ("CONSULT", ("south-korea",), ("north-korea",)),
        ),
        # SUPPORT (050/051): salute, extol, reassure, congratulations|sympathy sent, ties improved
        ("Brazil saluted Colombia's peace efforts.", ("SUPPORT", ("brazil",), ("colombia",))),
        (
            "The Kenyan president extolled Ethiopia's role in the region.",
            ("SUPPORT", ("kenya",), ("ethiopia",)),
        ),
        (
            "Canberra reassured Wellington of its commitment to the alliance.",
            ("SUPPORT", ("australia",), ("new-zealand",)),
        ),
        (
            "Argentina sent congratulations to Uruguay's new president.",
            ("SUPPORT", ("argentina",), ("uruguay",)),
        ),
        (
            "Greece expressed sympathy to Turkey after the quake.",
            ("SUPPORT", ("greece",), ("turkey",)),
        ),
        ("Turkey has improved relations with Egypt.", ("SUPPORT", ("turkey",), ("egypt",))),
        # COOPERATE (060s): collaborate with, exchange intelligence with, invest in
        (
            "Vietnam collaborated with Cambodia on a flood warning system.",
            ("COOPERATE", ("vietnam",), ("cambodia",)),
        ),
        (
            "Italy exchanged intelligence with Libya on migrant smugglers.",
            ("COOPERATE", ("italy",), ("libya",)),
        ),
        ("Riyadh invested $10 billion in Egypt.", ("COOPERATE", ("saudi-arabia",), ("egypt",))),
        # AID (070s): sell arms to, contribute|allocate money to, pump into, write off|cancel
        # debt, distribute aid to, furnish with
        ("South Korea sold howitzers to Poland.", ("AID", ("south-korea",), ("poland",))),
        ("Germany contributed 50 million euros to Moldova.", ("AID", ("germany",), ("moldova",))),
        (
            "Japan allocated $20 million to the Philippines for coastal radars.",
            ("AID", ("japan",), ("philippines",)),
        ),
        (
            "Riyadh pumped billions of dollars into Egypt's economy.",
            ("AID", ("saudi-arabia",), ("egypt",)),
        ),
        ("China wrote off part of Kenya's debt.", ("AID", ("china",), ("kenya",))),
        ("Paris cancelled Haiti's debt.", ("AID", ("france",), ("haiti",))),
        ("Turkey distributed aid to Syrians in Idlib.", ("AID", ("turkey",), ("syria",))),
        ("Seoul furnished Warsaw with tanks.", ("AID", ("south-korea",), ("poland",))),
        # CONCEDE (080s): capitulate|succumb to, waive|loosen|repeal restrictions, drop an
        # objection, set free, permit, pay compensation
        ("Yerevan capitulated to Baku's demands.", ("CONCEDE", ("armenia",), ("azerbaijan",))),
        (
            "Washington waived sanctions on Syria's central bank.",
            ("CONCEDE", ("us",), ("syria",)),
        ),
        (
            "Beijing loosened restrictions on Australian wine.",
            ("CONCEDE", ("china",), ("australia",)),
        ),
        ("Moscow repealed its ban on Georgian wine.", ("CONCEDE", ("russia",), ("georgia",))),
        (
            "Turkey dropped its objection to Sweden's membership.",
            ("CONCEDE", ("turkey",), ("sweden",)),
        ),
        (
            "Minsk set the two Lithuanian activists free.",
            ("CONCEDE", ("belarus",), ("lithuania",)),
        ),
        ("Iran permitted IAEA inspectors to visit Fordow.", ("CONCEDE", ("iran",), ("iaea",))),
        (
            "Tehran paid compensation to Kyiv for the downed airliner.",
            ("CONCEDE", ("iran",), ("ukraine",)),
        ),
        # RETREAT (087): disengage from, draw back from, reduce troops in, abandon positions in,
        # call off an offensive
        (
            "Israeli troops disengaged from southern Lebanon.",
            ("RETREAT", ("israel",), ("lebanon",)),
        ),
        ("Russian forces drew back from Kyiv.", ("RETREAT", ("russia",), ("ukraine",))),
        ("Washington reduced its troops in Iraq by half.", ("RETREAT", ("us",), ("iraq",))),
        (
            "Armenian troops abandoned their positions in Azerbaijan.",
            ("RETREAT", ("armenia",), ("azerbaijan",)),
        ),
        (
            "Azerbaijan called off its offensive against Armenia.",
            ("RETREAT", ("azerbaijan",), ("armenia",)),
        ),
        # REQUEST (020): beg, entreat, exhort, petition, solicit, propose
        ("Kyiv begged Berlin to send more air defences.", ("REQUEST", ("ukraine",), ("germany",))),
        ("Beirut entreated Paris to intervene.", ("REQUEST", ("lebanon",), ("france",))),
        ("Haiti petitioned the UN to deploy a force.", ("REQUEST", ("haiti",), ("un",))),
        ("Somalia solicited help from Ankara.", ("REQUEST", ("somalia",), ("turkey",))),
        (
            "Mexico proposed a joint border commission to Guatemala.",
            ("REQUEST", ("mexico",), ("guatemala",)),
        ),
        ("Nigeria exhorted Niger to restore civilian rule.", ("REQUEST", ("nigeria",), ("niger",))),
        # REJECT (120s): scoff at, object to, disregard|resist calls or pressure, flout, rule
        # out concessions
        ("Caracas scoffed at Washington's ultimatum.", ("REJECT", ("venezuela",), ("us",))),
        ("Hungary objected to Ukraine's accession talks.", ("REJECT", ("hungary",), ("ukraine",))),
        (
            "Israel disregarded calls from France for a ceasefire.",
            ("REJECT", ("israel",), ("france",)),
        ),
        ("Kabul flouted Islamabad's demands.", ("REJECT", ("afghanistan",), ("pakistan",))),
        (
            "Seoul resisted pressure from Washington to cut off Chinese chipmakers.",
            ("REJECT", ("south-korea",), ("us",)),
        ),
        (
            "Kyiv ruled out territorial concessions to Moscow.",
            ("REJECT", ("ukraine",), ("russia",)),
        ),
        # ACCUSE (111/112): admonish, reprimand, ridicule, chastise, disparage, hit out at,
        # brand, implicate
        (
            "Beijing admonished Manila over the shoal incident.",
            ("ACCUSE", ("china",), ("philippines",)),
        ),
        (
            "Riyadh reprimanded Stockholm over the Koran burning.",
            ("ACCUSE", ("saudi-arabia",), ("sweden",)),
        ),
        ("Moscow ridiculed London's sanctions.", ("ACCUSE", ("russia",), ("uk",))),
        ("Ankara chastised Athens for militarising islands.", ("ACCUSE", ("turkey",), ("greece",))),
        ("Dhaka disparaged Myanmar's junta.", ("ACCUSE", ("bangladesh",), ("myanmar",))),
        (
            "The Kremlin hit out at Helsinki over the border closure.",
            ("ACCUSE", ("russia",), ("finland",)),
        ),
        ("Pyongyang branded Seoul a puppet.", ("ACCUSE", ("north-korea",), ("south-korea",))),
        ("Kenya implicated Somalia in the bombing.", ("ACCUSE", ("kenya",), ("somalia",))),
        # THREATEN (130/138/139): caution, reserve the right to respond, set a deadline, vow
        # countermeasures
        (
            "Seoul cautioned Pyongyang against further launches.",
            ("THREATEN", ("south-korea",), ("north-korea",)),
        ),
        ("Tehran reserved the right to respond to Israel.", ("THREATEN", ("iran",), ("israel",))),
        (
            "Washington set a deadline for Caracas to hold elections.",
            ("THREATEN", ("us",), ("venezuela",)),
        ),
        ("Ankara vowed countermeasures against Athens.", ("THREATEN", ("turkey",), ("greece",))),
        # SANCTION (161/1621): diplomatic staff reduced, aid slashed
        (
            "Lithuania reduced its diplomatic staff in Minsk.",
            ("SANCTION", ("lithuania",), ("belarus",)),
        ),
        ("The Netherlands slashed aid to Rwanda.", ("SANCTION", ("netherlands",), ("rwanda",))),
        # MOBILIZE (150/154): amass|muster troops, presence beefed up|boosted, patrolled near,
        # fortify a border, pour troops toward
        (
            "Azerbaijan amassed troops near the Armenian border.",
            ("MOBILIZE", ("azerbaijan",), ("armenia",)),
        ),
        (
            "Caracas mustered troops along the Guyana frontier.",
            ("MOBILIZE", ("venezuela",), ("guyana",)),
        ),
        (
            "Beijing beefed up its naval presence near Taiwan.",
            ("MOBILIZE", ("china",), ("taiwan",)),
        ),
        (
            "Moscow boosted its military presence along the Finnish border.",
            ("MOBILIZE", ("russia",), ("finland",)),
        ),
        ("Chinese warships patrolled off Japan's coast.", ("MOBILIZE", ("china",), ("japan",))),
        ("Poland fortified its border with Belarus.", ("MOBILIZE", ("poland",), ("belarus",))),
        (
            "Moscow poured troops toward the Ukrainian border.",
            ("MOBILIZE", ("russia",), ("ukraine",)),
        ),
        # COERCE (17x): apprehend, incarcerate, indict, round up, annex, proscribe, clamp down
        # on, intercept a flotilla
        (
            "Malaysian police apprehended three Indonesian nationals.",
            ("COERCE", ("malaysia",), ("indonesia",)),
        ),
        ("Iran incarcerated a French teacher.", ("COERCE", ("iran",), ("france",))),
        (
            "U.S. prosecutors indicted six Chinese nationals on hacking charges.",
            ("COERCE", ("us",), ("china",)),
        ),
        (
            "Pakistan rounded up hundreds of Afghan migrants.",
            ("COERCE", ("pakistan",), ("afghanistan",)),
        ),
        ("Russia annexed four Ukrainian regions.", ("COERCE", ("russia",), ("ukraine",))),
        ("Australia proscribed Hezbollah.", ("COERCE", ("australia",), ("hezbollah",))),
        ("Beijing clamped down on Japanese firms.", ("COERCE", ("china",), ("japan",))),
        ("Israeli commandos intercepted a Turkish flotilla.", ("COERCE", ("israel",), ("turkey",))),
        # ASSAULT (18x/19x): slaughter, slay, torture, hijack, encircle, drop explosives on,
        # raze, hurl grenades at, lay siege to, wipe out, wage war on, injure, hammer
        (
            "Russian troops slaughtered Ukrainian civilians in Bucha.",
            ("ASSAULT", ("russia",), ("ukraine",)),
        ),
        (
            "Boko Haram fighters slew 30 Nigerian villagers.",
            ("ASSAULT", ("boko-haram",), ("nigeria",)),
        ),
        (
            "Ethiopian soldiers tortured Eritrean prisoners.",
            ("ASSAULT", ("ethiopia",), ("eritrea",)),
        ),
        ("Houthi gunmen hijacked a Japanese cargo ship.", ("ASSAULT", ("houthis",), ("japan",))),
        (
            "Russian forces encircled Ukrainian units near Bakhmut.",
            ("ASSAULT", ("russia",), ("ukraine",)),
        ),
        (
            "Sudanese warplanes dropped explosives on Chadian border towns.",
            ("ASSAULT", ("sudan",), ("chad",)),
        ),
        ("The Russian army razed Ukrainian villages.", ("ASSAULT", ("russia",), ("ukraine",))),
        (
            "Hamas militants hurled grenades at Israeli troops.",
            ("ASSAULT", ("hamas",), ("israel",)),
        ),
        ("Russian troops laid siege to Mariupol.", ("ASSAULT", ("russia",), ("ukraine",))),
        ("The Sudanese army wiped out an RSF convoy.", ("ASSAULT", ("sudan",), ("rsf",))),
        ("Russia waged war on Ukraine.", ("ASSAULT", ("russia",), ("ukraine",))),
        (
            "Hezbollah fighters injured three Israeli soldiers.",
            ("ASSAULT", ("hezbollah",), ("israel",)),
        ),
        ("Ukrainian drones hammered Russian refineries.", ("ASSAULT", ("ukraine",), ("russia",))),
    ],
)
def test_pass17_cameo_verb_is_coded(text: str, expected: tuple) -> None:
    assert expected in coded(text)


@pytest.mark.parametrize(
    ("text", "unexpected"),
    [
        # a deal hammered out is no bombardment, ties cut are no deal
        (
            "Ankara hammered out a grain deal with Kyiv on Friday.",
            ("ASSAULT", ("turkey",), ("ukraine",)),
        ),
        ("Lithuania cut ties with Minsk.", ("AGREE", ("lithuania",), ("belarus",))),
        # goods other than arms sold are no military aid
        ("Qatar sold liquefied gas to Japan.", ("AID", ("qatar",), ("japan",))),
        # "contributed to" tensions is no contribution of money or troops
        ("Russia's strikes contributed to tensions with Kyiv.", ("AID", ("russia",), ("ukraine",))),
        # no contact is no consultation
        ("Hungary had no contact with Moscow last year.", ("CONSULT", ("hungary",), ("russia",))),
        # a waiver refused is no concession
        ("Washington did not waive sanctions on Syria.", ("CONCEDE", ("us",), ("syria",))),
        # reserving judgment is no threat
        (
            "The United States reserved judgment on the Israeli strike.",
            ("THREATEN", ("us",), ("israel",)),
        ),
        # "set free trade talks" is no release
        (
            "Canada set free trade talks with Ecuador for March.",
            ("CONCEDE", ("canada",), ("ecuador",)),
        ),
        # an accusation of torturing or hammering is the accusation only
        (
            "Israel accused Iran of torturing Israeli nationals.",
            ("ASSAULT", ("iran",), ("israel",)),
        ),
        (
            "Russia accused Ukraine of hammering Russian cities.",
            ("ASSAULT", ("ukraine",), ("russia",)),
        ),
    ],
)
def test_pass17_not_coded(text: str, unexpected: tuple) -> None:
    # these are guards of the added words' other senses; most pass before the pass by design
    assert unexpected not in coded(text)


def test_pass17_forgiven_debt_is_aid_not_praise() -> None:
    events = coded("Beijing forgave Kenya's debt.")
    assert ("AID", ("china",), ("kenya",)) in events
    assert ("SUPPORT", ("china",), ("kenya",)) not in events


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # second batch: approve|forge an agreement or alliance, legitimize, buy arms from,
        # underwrite, shelter|host refugees, relinquish control, comply with demands,
        # unfreeze|release frozen assets, evacuate positions, override objections, scorn,
        # mocked, slander, blast a decision (verbal), reduce ties, curb exports, commandeer,
        # house arrest, turn back boats, counteroffensive, take hostage
        (
            "Kenya and Uganda approved the pipeline agreement.",
            ("AGREE", ("kenya", "uganda"), ("kenya", "uganda")),
        ),
        (
            "Greece and Egypt forged an alliance on energy.",
            ("AGREE", ("greece", "egypt"), ("greece", "egypt")),
        ),
        (
            "Greece and Egypt forged closer ties.",
            ("SUPPORT", ("greece", "egypt"), ("greece", "egypt")),
        ),
        ("Moscow legitimized the Taliban government.", ("SUPPORT", ("russia",), ("afghanistan",))),
        ("India bought S-400 systems from Russia.", ("COOPERATE", ("india",), ("russia",))),
        ("Ankara purchased drones from Kyiv.", ("COOPERATE", ("turkey",), ("ukraine",))),
        ("Washington underwrote Kyiv's budget.", ("AID", ("us",), ("ukraine",))),
        ("Turkey sheltered Syrian refugees.", ("AID", ("turkey",), ("syria",))),
        ("Jordan hosts 1.3 million Syrian refugees.", ("AID", ("jordan",), ("syria",))),
        (
            "Serbia relinquished control of the crossing to Kosovo.",
            ("CONCEDE", ("serbia",), ("kosovo",)),
        ),
        ("Qatar complied with Riyadh's demands.", ("CONCEDE", ("qatar",), ("saudi-arabia",))),
        ("Washington unfroze Iran's assets.", ("CONCEDE", ("us",), ("iran",))),
        ("Seoul released frozen Iranian funds.", ("CONCEDE", ("south-korea",), ("iran",))),
        (
            "Russian troops evacuated their positions in Kherson.",
            ("RETREAT", ("russia",), ("ukraine",)),
        ),
        ("Paris overrode Rome's objections.", ("REJECT", ("france",), ("italy",))),
        ("Beijing scorned Tokyo's apology.", ("ACCUSE", ("china",), ("japan",))),
        ("Moscow mocked the British sanctions.", ("ACCUSE", ("russia",), ("uk",))),
        ("Tehran slandered Riyadh.", ("ACCUSE", ("iran",), ("saudi-arabia",))),
        (
            "Beijing blasted Washington's decision to sell arms to Taipei.",
            ("ACCUSE", ("china",), ("us",)),
        ),
        ("Moscow reduced ties with Vilnius.", ("SANCTION", ("russia",), ("lithuania",))),
        (
            "Beijing curbed exports of gallium to Washington.",
            ("SANCTION", ("china",), ("us",)),
        ),
        ("Iranian commandos commandeered a Greek tanker.", ("COERCE", ("iran",), ("greece",))),
        (
            "Belarus placed a Polish journalist under house arrest.",
            ("COERCE", ("belarus",), ("poland",)),
        ),
        (
            "Greece turned back Turkish boats carrying migrants.",
            ("COERCE", ("greece",), ("turkey",)),
        ),
        (
            "Ukraine launched a counteroffensive against Russian forces.",
            ("ASSAULT", ("ukraine",), ("russia",)),
        ),
        ("Hamas took 250 Israelis hostage.", ("ASSAULT", ("hamas",), ("israel",))),
    ],
)
def test_pass17_second_batch_is_coded(text: str, expected: tuple) -> None:
    assert expected in coded(text)


@pytest.mark.parametrize(
    ("text", "unexpected"),
    [
        # a verbal blast is no bombardment (coded ASSAULT before the pass)
        (
            "Beijing blasted Washington's decision to sell arms to Taipei.",
            ("ASSAULT", ("china",), ("us",)),
        ),
        # hosting refugees is no visit (coded CONSULT before the pass)
        ("Jordan hosts 1.3 million Syrian refugees.", ("CONSULT", ("jordan",), ("syria",))),
        # goods other than arms bought are no military cooperation
        ("Germany bought Russian gas for decades.", ("COOPERATE", ("germany",), ("russia",))),
        # freeing hostages held by X is no hostage-taking by the one who frees them
        ("Qatar helped free hostages held by Hamas.", ("ASSAULT", ("qatar",), ("hamas",))),
    ],
)
def test_pass17_second_batch_not_coded(text: str, unexpected: tuple) -> None:
    # the first two fail before the pass; the last two pass before by design
    assert unexpected not in coded(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # third batch: exchange letters with, return an ambassador, exchange ambassadors, open
        # an embassy, appeal for ... from, take to court, impose a ban
        (
            "Seoul exchanged letters with Pyongyang.",
            ("CONSULT", ("south-korea",), ("north-korea",)),
        ),
        (
            "Saudi Arabia returned its ambassador to Tehran.",
            ("SUPPORT", ("saudi-arabia",), ("iran",)),
        ),
        (
            "Israel and Bahrain exchanged ambassadors.",
            ("SUPPORT", ("israel", "bahrain"), ("israel", "bahrain")),
        ),
        ("Ecuador opened an embassy in Seoul.", ("SUPPORT", ("ecuador",), ("south-korea",))),
        (
            "Kyiv appealed for air defence systems from Berlin.",
            ("REQUEST", ("ukraine",), ("germany",)),
        ),
        (
            "Ukraine took Russia to the International Court of Justice.",
            ("ACCUSE", ("ukraine",), ("russia",)),
        ),
        (
            "London imposed a travel ban on Georgian officials.",
            ("SANCTION", ("uk",), ("georgia",)),
        ),
        ("Beijing imposed a ban on Japanese seafood.", ("SANCTION", ("china",), ("japan",))),
    ],
)
def test_pass17_third_batch_is_coded(text: str, expected: tuple) -> None:
    assert expected in coded(text)


def test_pass17_domestic_ban_is_no_sanction() -> None:
    # a ban with no foreign party names no target (passes before the pass by design)
    assert not {
        e for e in coded("Kenya announced a ban on smoking in public places.") if e[0] == "SANCTION"
    }
