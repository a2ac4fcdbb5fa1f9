"""False positives of ordinary news English that the eighteenth pass removes, each a test.

The sentences were written for these tests (none is copied from a gold file), with varied
actors: the corrected coding of each form, and guards that the true uses stay coded.
"""

from __future__ import annotations

import pytest
from test_news_forms_pass12 import coded, types


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        # 1. an amnesty or pardon of foreign prisoners is their release (CONCEDE), not aid
        (
            "Venezuela granted amnesty to Colombian prisoners.",
            {("CONCEDE", ("venezuela",), ("colombia",))},
            "AID",
        ),
        (
            "Belarus gave a pardon to Lithuanian detainees on Friday.",
            {("CONCEDE", ("belarus",), ("lithuania",))},
            "AID",
        ),
        (
            "Russia pardoned two Ukrainian soldiers.",
            {("CONCEDE", ("russia",), ("ukraine",))},
            "SUPPORT",
        ),
        # 2. "fund" after a determiner is a noun of finance
        ("Norway sold its stake in the fund to Denmark.", set(), "AID"),
        ("Qatar's wealth fund bought shares in Turkish banks.", set(), "AID"),
        # 3. a nominal attack that is the subject of a verb of causing tensions
        ("Russia's strikes contributed to tensions with Kyiv.", set(), "ASSAULT"),
        ("Pakistan's airstrikes heightened tensions with Afghanistan.", set(), "ASSAULT"),
        # 4. the content of a deadline is no act done: a demand and an ultimatum
        (
            "Washington set a deadline for Caracas to free the prisoners.",
            {("REQUEST", ("us",), ("venezuela",)), ("THREATEN", ("us",), ("venezuela",))},
            "CONCEDE",
        ),
        (
            "Ankara set a deadline for Baghdad to release the detained Turkish workers.",
            {("REQUEST", ("turkey",), ("iraq",)), ("THREATEN", ("turkey",), ("iraq",))},
            "CONCEDE",
        ),
        # 5. ending a ceasefire is no retreat; the strikes are the attack
        (
            "Israel ended the ceasefire with strikes on Gaza.",
            {("ASSAULT", ("israel",), ("palestine",))},
            "RETREAT",
        ),
        (
            "Azerbaijan ended the truce with attacks on Armenia.",
            {("ASSAULT", ("azerbaijan",), ("armenia",))},
            "RETREAT",
        ),
        # 6. "strike" and "stricken" inside nouns
        ("The US carrier strike group arrived off Iran.", set(), "ASSAULT"),
        (
            "Washington sent a carrier strike group toward Venezuela.",
            {("MOBILIZE", ("us",), ("venezuela",))},
            "ASSAULT",
        ),
        (
            "China sent aid to the quake-stricken province of Turkey.",
            {("AID", ("china",), ("turkey",))},
            "ASSAULT",
        ),
        ("Greek workers launched a nationwide strike against the EU.", set(), "ASSAULT"),
        # 7. a future act under a deal is what is agreed
        (
            "Under a deal signed in Doha, Israel and Hamas will exchange prisoners.",
            {("AGREE", ("israel", "hamas"), ("israel", "hamas"))},
            "CONCEDE",
        ),
        # 8. the sender of the carriers delivers
        (
            "Trucks sent by Egypt delivered flour to Gaza.",
            {("AID", ("egypt",), ("palestine",))},
            "",
        ),
        (
            "Convoys sent by the UAE delivered food to Sudan.",
            {("AID", ("uae",), ("sudan",))},
            "",
        ),
    ],
)
def test_false_positive_removed(text: str, expected: set, absent: str) -> None:
    got = coded(text)
    assert expected <= got
    if absent:
        assert absent not in types(text)
    if not expected:
        assert not got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Iran freed two French nationals.", ("CONCEDE", ("iran",), ("france",))),
        ("Japan granted $50 million to Ukraine.", ("AID", ("japan",), ("ukraine",))),
        ("Qatar will fund the reconstruction of Gaza.", ("AID", ("qatar",), ("palestine",))),
        ("Russian strikes killed five people in Kharkiv.", ("ASSAULT", ("russia",), ("ukraine",))),
        ("Israel launched strikes on Lebanon.", ("ASSAULT", ("israel",), ("lebanon",))),
        ("Russia halted its offensive against Ukraine.", ("RETREAT", ("russia",), ("ukraine",))),
        ("Israel will release 50 Palestinian prisoners.", ("CONCEDE", ("israel",), ("palestine",))),
        (
            "Paris gave Niamey until Friday to release the ambassador.",
            ("THREATEN", ("france",), ("niger",)),
        ),
        ("Egypt sent flour to Gaza.", ("AID", ("egypt",), ("palestine",))),
        (
            "Under the deal, Israel released 50 Palestinian prisoners.",
            ("CONCEDE", ("israel",), ("palestine",)),
        ),
        (
            "Russia's strikes killed 12 people and heightened tensions with Kyiv.",
            ("ASSAULT", ("russia",), ("ukraine",)),
        ),
        ("Colombia set two Venezuelan soldiers free.", ("CONCEDE", ("colombia",), ("venezuela",))),
    ],
)
def test_true_use_stays_coded(text: str, expected: tuple) -> None:
    assert expected in coded(text)
