from __future__ import annotations

import copy
import datetime as dt

import pytest

from realpolitik.ingest import Event, code_text


def coded(text: str, **kw) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    return [(e.type, e.source, e.target) for e in code_text(text, **kw)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # active voice: source before the phrase, target after it
        ("Turkey attacked the Kurds.", [("ASSAULT", ("turkey",), ("kurds",))]),
        # passive voice reverses them
        ("The Kurds were attacked by Turkey.", [("ASSAULT", ("turkey",), ("kurds",))]),
        ("Soleimani, killed by a U.S. drone, was buried.", [("ASSAULT", ("us",), ("iran",))]),
        # persons and titles resolve to their state
        ("Iranian General Qassem Soleimani met Putin.", [("CONSULT", ("iran",), ("russia",))]),
        # a place ("in Syria") is not a target
        ("Israel bombed Hezbollah in Syria.", [("ASSAULT", ("israel",), ("hezbollah",))]),
        # negated, conditional and wished-for events are not coded
        ("Russia did not attack Turkey.", []),
        ("If Iran attacks Israel, the region will burn.", []),
        ("Putin wants to meet Erdogan.", []),
        # what a request asks for has not happened
        ("Iran urged Russia to attack Israel.", [("REQUEST", ("iran",), ("russia",))]),
        # reciprocal events list both actors on both sides
        (
            "Russia and Turkey signed an agreement.",
            [("AGREE", ("russia", "turkey"), ("russia", "turkey"))],
        ),
        # "X-backed Y": X supports Y; "Syria-based" is a modifier, not an actor
        (
            "The U.S.-backed Kurds fought the Syria-based rebels.",
            [("SUPPORT", ("us",), ("kurds",))],
        ),
        # coordinated targets
        ("Putin met Erdogan and Macron.", [("CONSULT", ("russia",), ("turkey", "france"))]),
        # no actor, no event
        ("The weather was fine.", []),
    ],
)
def test_attribution(text, expected):
    assert coded(text) == expected


def test_pronouns_refer_back_across_sentences():
    text = "Erdogan flew to Sochi. He met Putin there. The two agreed on a ceasefire."
    assert coded(text) == [
        ("CONSULT", ("turkey",), ("russia",)),
        ("AGREE", ("turkey", "russia"), ("turkey", "russia")),
    ]


def test_the_ministry_refers_to_the_last_ministry():
    text = "The Russian Defense Ministry issued a statement. The ministry praised Turkey."
    assert coded(text) == [("SUPPORT", ("russia",), ("turkey",))]


def test_event_fields_and_dates():
    text = (
        "January 07, 2020\n\nOn Wednesday, Putin will visit Ankara. Last year, Iran hit U.S. bases."
    )
    events = code_text(text, file="a.txt")
    assert [(e.sentence, e.date, e.file) for e in events] == [
        (2, "2020-01-08", "a.txt"),
        (3, "2019", "a.txt"),
    ]
    visit = events[0]
    assert (visit.type, visit.mode, visit.cameo, visit.root_code, visit.quad_class) == (
        "CONSULT",
        "visit",
        "042",
        "04",
        1,
    )
    assert visit.to_dict()["source"] == ["russia"]


def test_reference_date_overrides_dateline():
    events = code_text("Yesterday Turkey attacked the Kurds.", reference_date=dt.date(2021, 3, 1))
    assert events[0].date == "2021-02-28"


def test_intensity_range_and_reciprocal_dyads():
    e = Event(1, "", ("a", "b"), "COOPERATE", None, ("a", "b"), 6.0, None, "060", 2, "x")
    assert e.mutual and e.dyads() == [("a", "b"), ("b", "a")]
    from realpolitik.ingest import load_dictionary

    assert all(-10 <= p.intensity <= 10 for p in load_dictionary().phrases)


@pytest.mark.parametrize("scenario", [None, "syria-2020"])
def test_fast_path_matches_the_spacy_pipeline(seed_text, news_gold, scenario):
    # The coder reads tokens into plain lists and finds sentences and actor entities itself:
    # they must be exactly the spaCy pipeline's (sentencizer, entity ruler).
    from realpolitik.ingest import EventCoder
    from realpolitik.ingest.dictionary import load_dictionary
    from realpolitik.ingest.text import clean_text, paragraphs

    if scenario is None:
        coder = EventCoder()
    else:
        from realpolitik.scenario import load_scenario

        coder = EventCoder(load_dictionary(load_scenario(scenario).actors))
    texts = list(paragraphs(clean_text(seed_text))) + [s["text"] for s in news_gold["sentences"]]
    texts += ["US and UN officials met. The U.S.A. and the U.K. agreed!  Then SDF fighters left"]
    assert coder._actors.exact  # no two actor patterns of different ids match the same words
    ruler_path = copy.copy(coder._actors)
    ruler_path.exact = False  # what a dictionary with such patterns uses: the ruler's matches
    for text in texts:
        doc = coder.nlp(text)
        d = coder._tokens(text)
        assert d.text == [t.text for t in doc]
        assert d.low == [t.lower_ for t in doc]
        assert d.punct == [t.is_punct for t in doc] and d.title == [t.is_title for t in doc]
        assert coder._sentences(d) == [(s.start, s.end) for s in doc.sents]
        ents = [(e.start, e.end, e.label_, e.ent_id_) for e in doc.ents]
        assert coder._actors(d.doc) == ents
        assert ruler_path(d.doc) == ents
