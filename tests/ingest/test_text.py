from __future__ import annotations

import codecs

import pytest

from realpolitik.exceptions import InputError
from realpolitik.ingest import clean_text, decode_article, expand_inputs, read_article


def test_utf8_and_boms():
    assert decode_article(b"Zarif met Lavrov.") == "Zarif met Lavrov."
    assert decode_article(codecs.BOM_UTF8 + "Évian".encode()) == "Évian"
    assert decode_article("Tehran — Ankara".encode("utf-16")) == "Tehran — Ankara"


@pytest.mark.parametrize(
    ("data", "kwargs", "match"),
    [
        (b"", {}, "a.txt: file is empty"),
        (b"  \n\n\t ", {}, "a.txt: file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", {}, "a.txt: looks like a binary file"),
        (b"Caf\xe9 au lait", {}, r"a.txt: is not UTF-8 text \(byte 0xe9 at offset 3\)"),
        (b"hello", {"encoding": "klingon"}, "a.txt: unknown encoding 'klingon'"),
        (b"x" * 101, {"max_bytes": 100}, r"a.txt: file is too large \(101 bytes"),
        (bytes(range(1, 32)) * 20, {}, "a.txt: looks like a binary file"),
    ],
)
def test_bad_input_messages(data, kwargs, match):
    with pytest.raises(InputError, match=match):
        decode_article(data, name="a.txt", **kwargs)


def test_named_encoding():
    assert decode_article(b"Caf\xe9", encoding="latin-1") == "Café"


def test_read_article_errors(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_article(tmp_path / "missing.txt")
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * 50)
    with pytest.raises(InputError, match="too large"):
        read_article(big, max_bytes=10)


def test_expand_inputs(tmp_path):
    (tmp_path / "b.txt").write_text("x")
    (tmp_path / "a.md").write_text("x")
    (tmp_path / "c.pdf").write_bytes(b"x")
    assert expand_inputs([str(tmp_path), "-"]) == [
        str(tmp_path / "a.md"),
        str(tmp_path / "b.txt"),
        "-",
    ]
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(InputError, match="holds no text files"):
        expand_inputs([str(empty)])


def test_clean_text_joins_broken_paragraph_and_strips_markup():
    raw = "# Head\n\nThe [Kremlin](#) said, in\n\nSyria, **nothing**.\n\nNext paragraph."
    assert clean_text(raw) == "Head\n\nThe Kremlin said, in Syria, nothing.\n\nNext paragraph."


ARTICLE = "Putin met Erdogan in Sochi; the Kremlin praised Tehran.\n"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf8_read_with_a_wide_encoding_fails(encoding):
    data = ARTICLE.encode("utf-8")
    assert len(data) % 4 == 0  # decodes without error: the garbage must be recognised
    with pytest.raises(InputError, match=rf"a.txt: .*{encoding}.*leave --encoding out"):
        decode_article(data, name="a.txt", encoding=encoding)


def test_utf8_read_as_utf16_with_odd_length_suggests_utf8():
    with pytest.raises(InputError, match=r"is not utf-16 text .*it decodes as UTF-8"):
        decode_article(b"Putin met Erdogan", name="a.txt", encoding="utf-16")  # 17 bytes


@pytest.mark.parametrize(
    ("data", "encoding", "mark"),
    [
        (codecs.BOM_UTF8 + b"Putin met Erdogan.", "utf-16", "UTF-8"),
        ("Putin met Erdogan.".encode("utf-16"), "latin-1", "UTF-16"),
        (codecs.BOM_UTF16_LE + "Putin met Erdogan.".encode("utf-16-le"), "utf-16-be", "UTF-16"),
    ],
)
def test_byte_order_mark_contradicting_the_encoding(data, encoding, mark):
    with pytest.raises(InputError, match=rf"starts with a {mark} .*byte order mark.*{encoding!r}"):
        decode_article(data, name="a.txt", encoding=encoding)


def test_matching_byte_order_marks_are_accepted_and_dropped():
    assert decode_article(codecs.BOM_UTF8 + b"Putin.", encoding="utf-8") == "Putin."
    le = codecs.BOM_UTF16_LE + "Putin.".encode("utf-16-le")
    assert decode_article(le, encoding="utf-16-le") == "Putin."
    assert decode_article(le, encoding="utf-16") == "Putin."


def test_utf16_without_a_mark_gets_a_hint():
    data = "Putin met Erdogan.".encode("utf-16-le")
    with pytest.raises(InputError, match=r"NUL bytes.*try --encoding utf-16-le"):
        decode_article(data, name="a.txt")
    with pytest.raises(InputError, match=r"control characters.*try --encoding utf-16-be"):
        decode_article("Putin met Erdogan.".encode("utf-16-be"), name="a.txt", encoding="cp1252")
    assert decode_article(data, encoding="utf-16-le") == "Putin met Erdogan."


def test_right_encodings_still_decode():
    assert decode_article("Café in Ankara".encode("cp1252"), encoding="cp1252") == "Café in Ankara"
    assert decode_article(ARTICLE.encode("utf-16"), encoding="utf-16") == ARTICLE
    # Text in another script is not refused when no encoding is named.
    assert decode_article("普京会见了埃尔多安。".encode()) == "普京会见了埃尔多安。"
