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
