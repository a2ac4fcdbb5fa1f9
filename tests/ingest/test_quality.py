"""Precision and recall against the hand-coded gold files; fails if the coder gets worse.

The thresholds are what the coder reached when these tests were written (see docs/ingest.md);
raise them when the coder improves.
"""

from __future__ import annotations

import pytest

from realpolitik.ingest import dyads, score

# Reached: seed 19/19 predicted pairs correct, 19/20 gold pairs found;
# news 70/73 predicted pairs correct, 70/88 gold pairs found; 81/86, 81/88 after the eighth and
# ninth passes, whose rules code "X clashed with Y" and "X met Y, and the two ministers
# discussed" both ways, as dev's written conventions do, where this older file codes them one
# way (two of the five false positives): its precision floor is 0.94 since.
SEED_PRECISION, SEED_RECALL = 0.99, 0.95
NEWS_PRECISION, NEWS_RECALL = 0.94, 0.79


def _seed_sets(coder, seed_text, seed_gold):
    sentences = coder.sentences(seed_text)
    gold = set()
    for e in seed_gold["events"]:
        where = [i + 1 for i, s in enumerate(sentences) if e["quote"] in s]
        assert len(where) == 1, f"quote must name exactly one sentence: {e['quote']!r}"
        gold |= dyads(where[0], e["type"], e["source"], e["target"])
    predicted = set()
    for e in coder.code(seed_text):
        predicted |= dyads(e.sentence, e.type, e.source, e.target)
    return predicted, gold


def test_seed_article_precision_recall(coder, seed_text, seed_gold):
    predicted, gold = _seed_sets(coder, seed_text, seed_gold)
    s = score(predicted, gold)
    assert s.n_gold == 20
    assert s.precision >= SEED_PRECISION, sorted(predicted - gold)
    assert s.recall >= SEED_RECALL, sorted(gold - predicted)


def test_news_sentences_precision_recall(coder, news_gold):
    items = news_gold["sentences"]
    assert len(items) >= 60
    types = {e["type"] for item in items for e in item["events"]}
    assert len(types) == 16, "the news gold set covers every PLOVER type"
    gold, predicted = set(), set()
    for i, item in enumerate(items):
        for e in item["events"]:
            gold |= dyads(i, e["type"], e["source"], e["target"])
        for e in coder.code(item["text"]):
            predicted |= dyads(i, e.type, e.source, e.target)
    s = score(predicted, gold)
    assert s.precision >= NEWS_PRECISION, sorted(predicted - gold)
    assert s.recall >= NEWS_RECALL, sorted(gold - predicted)


@pytest.mark.parametrize(
    ("quote", "type_", "source", "target"),
    [
        # The issue's four example sentences of the seed article.
        ("killed last week by a U.S. drone", "ASSAULT", {"us"}, {"iran"}),
        ("the Russian Defense Ministry praised", "SUPPORT", {"russia"}, {"iran"}),
        ("he has invited German Chancellor Angela Merkel", "CONSULT", {"russia"}, {"germany"}),
        ("Erdogan launched a military operation against", "ASSAULT", {"turkey"}, {"kurds"}),
    ],
)
def test_issue_examples(coder, seed_text, quote, type_, source, target):
    found = [
        (e.type, set(e.source), set(e.target)) for e in coder.code(seed_text) if quote in e.text
    ]
    assert (type_, source, target) in found


def test_heldout_sentences_precision_recall(coder, heldout_gold):
    # Scored once after the rules were settled: 15/15 predicted pairs correct, 15/23 found.
    gold, predicted = set(), set()
    for i, item in enumerate(heldout_gold["sentences"]):
        for e in item["events"]:
            gold |= dyads(i, e["type"], e["source"], e["target"])
        for e in coder.code(item["text"]):
            predicted |= dyads(i, e.type, e.source, e.target)
    s = score(predicted, gold)
    assert s.precision >= 0.95, sorted(predicted - gold)
    assert s.recall >= 0.65, sorted(gold - predicted)


# Issue 17's gold set: 316 sentences split once (random.Random(17), 60/40) before any tuning;
# 135 and later 239, 125, 153, 77 and 95 fresh sentences were added to dev only. The coder was tuned on dev; test
# was never looked at sentence by sentence (see docs/ingest.md for the one mid-round
# measurement). Reached on the last measurement: test 101/112 predicted pairs correct, 101/130
# found (third pass); dev 582/592 and 582/609 (after the third pass, 732/746 and 732/767 on
# 690; after the fourth pass, 948/966 and 948/1001 on 842; test, measured once after the
# fourth pass, 107/115 predicted pairs correct, 107/130 found).
# The dev recall floor is 0.94 since the fourth pass's last fresh block (35 sentences written
# around known misses, 0.97 / 0.54 before use) took dev recall from 0.950 to 0.926; its rules
# brought it back to 0.947. Fifth pass (42 and 35 fresh sentences, scored 0.93 / 0.77 and
# 0.875 / 0.60 before use): dev 1054/1076 and 1054/1105 on 919 (0.980 / 0.954); the dev
# precision floor is 0.975 since the second block's false positives (its 35 sentences 38/40
# after its rules) left dev precision at 0.979 before the pass's last two rules. The test split, run by this suite after the
# fifth pass's rules, gave 107/116 and 107/130 (counts only): one false positive more than
# the fourth pass (a SANCTION pair, per the lead's per-type count); the lead kept the pass (it
# fixes two wrong-direction readings and settles the gold conventions) and set the test
# precision floor to what it reaches, 0.92 (0.922). Sixth pass (49 and 46 fresh sentences,
# scored 0.873 / 0.765 and, with the first block's rules in, 0.900 / 0.701 before use, labels
# as corrected): dev 1209/1231 and 1209/1263 on 1014 (0.982 / 0.957); the test split,
# measured once by the lead after merging, 107/115 and 107/130 (0.930 / 0.823): the floors are
# what it reaches. The lead's independent block (45 sentences, 0.863 / 0.688 before use with
# the fifth- and the sixth-pass coder alike) was then added to dev: 1253/1282 and 1253/1327 on
# 1,059 (0.977 / 0.944). Eighth pass: rules on the seventh pass's dev (1,059 sentences) took it
# from 1270/1294 and 1270/1327 to 1295/1313 and 1295/1334 (seven gold pairs added by
# relabelling four summit and visit sentences to the sixth pass's written convention); the
# second independent block (45 sentences, 0.979 / 0.758 before use by the sixth- and
# seventh-pass coders) was then added to dev: 1357/1375 and 1357/1396 on 1,104 (0.987 / 0.972);
# the pass's later rules 1359/1376 and 1359/1396 (0.988 / 0.973). Ninth pass (rules from a
# third independent block, fresh8, 0.959 / 0.610 before use; not in dev), merged with the
# eighth: dev 1371/1388 and 1371/1396 (0.988 / 0.982); the test split, measured once by the
# lead after both passes were merged, 108/116 and 108/130 (0.931 / 0.831). Tenth pass (rules
# from the fourth independent block, fresh9, 0.903 / 0.727 before use, 77/77 and 77/77 after),
# which was then appended to dev: 1449/1466 and 1449/1473 on 1,154 (0.988 / 0.984). Twelfth
# pass (rules from the fifth independent block, fresh10, 0.900 / 0.667 before use, 62/65 and
# 62/81 after), which was then appended to dev: 1511/1531 and 1511/1554 on 1,214 (0.987 /
# 0.972); the dev recall floor is 0.97 since: the block's 19 misses left (rules for them would
# be single-sentence or broad) took dev recall under 0.98, as the fourth pass's block did.
# Thirteenth pass (rules from the sixth independent block, fresh11, 0.963 / 0.732 before use,
# 66/66 and 66/71 after), which was then appended to dev: 1577/1597 and 1577/1625 on 1,264
# (0.987 / 0.970); the floors are unchanged (its five misses left would need single-sentence
# rules, or go against a dev label: "shadowed a Russian warship" is no event in dev).
# Fourteenth pass: eight actors the seventh independent block (fresh14) named (Central Asian
# and Pacific states, Guinea-Bissau); one dev label follows (ECOWAS suspending Guinea-Bissau):
# 1578/1598 and 1578/1626 on 1,264.
# The test split, measured once by the lead after the tenth and eleventh passes were merged:
# 110/118 and 110/130 (0.932 / 0.846); the same after the twelfth, thirteenth and fourteenth.
TEST_PRECISION, TEST_RECALL = 0.93, 0.84
DEV_PRECISION, DEV_RECALL = 0.985, 0.97


def _gold_scores(coder, name):
    from pathlib import Path

    import yaml

    from realpolitik.ingest.evaluation import gold_pairs

    path = Path(__file__).parent / "gold" / f"{name}.yaml"
    items = yaml.safe_load(path.read_text(encoding="utf-8"))["sentences"]
    predicted, gold, _ = gold_pairs(items, coder)
    return items, score(predicted, gold), predicted, gold


def test_gold_split_is_the_documented_one(coder):
    dev, _, _, _ = _gold_scores(coder, "dev")
    test, _, _, _ = _gold_scores(coder, "test")
    assert (
        len(test) == 126
        and len(dev)
        == 190
        + 135
        + 52
        + 51
        + 45
        + 44
        + 47
        + 43
        + 47
        + 35
        + 43
        + 40
        + 35
        + 35
        + 42
        + 35
        + 49
        + 46
        + 45
        + 45
        + 50
        + 60
        + 50
    )
    # Only the count is shown, never the sentences: the count is taken before the assert,
    # since pytest's assertion rewriting would print a set named in it.
    n_shared = len({s["text"] for s in dev} & {s["text"] for s in test})
    assert n_shared == 0, f"{n_shared} test sentences are also in dev"
    regions = {"middle-east", "europe", "east-asia", "south-asia", "africa", "latin-america"}
    # fresh10 (twelfth pass) brought two more regions to dev: central-asia and oceania (fresh11,
    # thirteenth pass, has the same eight)
    assert {s["region"] for s in test} == regions <= {s["region"] for s in dev}
    for item in dev + test:
        for e in item["events"]:
            assert set(e) == {"type", "source", "target", "mode"}, item["text"]


@pytest.mark.parametrize(
    ("name", "precision", "recall"),
    [
        ("test", TEST_PRECISION, TEST_RECALL),
        ("dev", DEV_PRECISION, DEV_RECALL),
        # the third independent block, in-sample since the ninth pass wrote rules from it
        # (0.959 / 0.610 before; 77/78 and 77/77 after); the fourth (fresh9) is the end of
        # dev since the tenth pass wrote rules from it (0.903 / 0.727 before; 77/77 after)
        ("fresh8", 0.98, 0.99),
        # the seventh independent block (fresh14): 0.860 / 0.557 before use; 58/68 and 58/88
        # after its eight missing actors were added; in-sample since the fifteenth pass wrote
        # rules from its misses (84/84, 84/88 after; floors unchanged)
        ("fresh14", 0.85, 0.65),
        # the eighth independent block (fresh15): 0.854 (41/48) / 0.477 (41/86) before use, with
        # the fifteenth-pass coder; floors at that score; in-sample since the sixteenth pass (b)
        # wrote rules from its misses and added its four actors (70/71, 70/86 after; floors
        # unchanged)
        ("fresh15", 0.85, 0.47),
        # the ninth independent block (fresh16, about half plain sentences): 0.885 (46/52) /
        # 0.613 (46/75) before use, with the sixteenth-pass coder; floors at that score
        ("fresh16", 0.88, 0.61),
    ],
)
def test_gold_split_precision_recall(coder, name, precision, recall):
    _, s, predicted, gold = _gold_scores(coder, name)
    # The test split's errors are never shown pair by pair (not even on failure), so that
    # nobody tunes on them; dev's are.
    fp = (
        sorted(predicted - gold)[:10]
        if name == "dev"
        else f"{s.n_predicted - s.n_true_positive} pairs"
    )
    fn = sorted(gold - predicted)[:10] if name == "dev" else f"{s.n_gold - s.n_true_positive} pairs"
    assert s.precision >= precision, fp
    assert s.recall >= recall, fn
