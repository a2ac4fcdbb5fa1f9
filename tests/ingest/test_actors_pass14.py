"""Actors the seventh independent block (fresh14) named and the dictionary lacked.

Central Asian and Pacific states and Guinea-Bissau, by name, capital, demonym and leader; each
sentence here was written for this test (not taken from the block).
"""

from __future__ import annotations

import pytest
from test_news_forms_pass12 import coded


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kyrgyzstan and Tajikistan signed a treaty settling their disputed border.",
            ("AGREE", ("kyrgyzstan", "tajikistan"), ("kyrgyzstan", "tajikistan")),
        ),
        (
            "Bishkek summoned the Tajik ambassador after a shooting at the frontier.",
            ("ACCUSE", ("kyrgyzstan",), ("tajikistan",)),
        ),
        (
            "Emomali Rahmon met Sadyr Japarov in Dushanbe on Friday.",
            ("CONSULT", ("tajikistan",), ("kyrgyzstan",)),
        ),
        (
            "Turkmenistan signed a gas supply deal with China.",
            ("AGREE", ("turkmenistan",), ("china",)),
        ),
        (
            "Australia sent troops to Papua New Guinea after riots in Port Moresby.",
            ("MOBILIZE", ("australia",), ("papua-new-guinea",)),
        ),
        (
            "The Solomon Islands signed a security pact with China.",
            ("AGREE", ("solomon-islands",), ("china",)),
        ),
        (
            "New Zealand suspended aid to the Cook Islands.",
            ("SANCTION", ("new-zealand",), ("cook-islands",)),
        ),
        (
            "Vanuatu's prime minister Jotham Napat visited Canberra.",
            ("CONSULT", ("vanuatu",), ("australia",)),
        ),
        (
            "ECOWAS suspended Guinea-Bissau after the coup.",
            ("SANCTION", ("ecowas",), ("guinea-bissau",)),
        ),
    ],
)
def test_new_actors_are_coded(text, expected):
    assert expected in coded(text)


def test_guinea_bissau_is_one_actor():
    assert coded("Senegal closed its border with Guinea-Bissau.") == {
        ("SANCTION", ("senegal",), ("guinea-bissau",))
    }
