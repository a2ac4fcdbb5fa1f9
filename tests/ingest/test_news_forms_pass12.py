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
    ],
)
def test_pass12_guards(text, unexpected):
    assert unexpected not in coded(text), coded(text)
