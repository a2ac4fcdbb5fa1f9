"""Reading articles: size, binary and encoding checks, and light clean-up of markup.

:func:`decode_article` turns bytes into text or raises :class:`~realpolitik.exceptions.InputError`
with a message naming the file and what was wrong; :func:`clean_text` removes Markdown markup and
joins paragraphs that a line break cut in the middle of a sentence.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from realpolitik.exceptions import InputError

#: Largest article read by default (bytes).
MAX_BYTES = 20_000_000

#: File name endings read when a folder is given.
TEXT_SUFFIXES = (".txt", ".md", ".text", ".markdown")

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

#: Each byte order mark: what it is called, and the codecs (Python names) it agrees with.
_BOM_CODECS = (
    (codecs.BOM_UTF32_LE, "UTF-32 (little-endian)", {"utf-32", "utf-32-le"}),
    (codecs.BOM_UTF32_BE, "UTF-32 (big-endian)", {"utf-32", "utf-32-be"}),
    (codecs.BOM_UTF8, "UTF-8", {"utf-8", "utf-8-sig"}),
    (codecs.BOM_UTF16_LE, "UTF-16 (little-endian)", {"utf-16", "utf-16-le"}),
    (codecs.BOM_UTF16_BE, "UTF-16 (big-endian)", {"utf-16", "utf-16-be"}),
)

#: Share of a text's visible characters that may be CJK or unprintable under a named encoding
#: before the text counts as decoded with the wrong one (UTF-8 read as UTF-16 is all CJK).
GARBLED_SHARE = 0.3


def _garbled(text: str) -> float:
    """The share of CJK or unprintable characters among the visible ones of ``text``.

    Examples
    --------
    >>> _garbled("Putin met Erdogan.")
    0.0
    >>> round(_garbled("Putin met Erdogan.".encode().decode("utf-16-le")), 2)  # UTF-8 as UTF-16
    0.89
    """
    sample = [ch for ch in text[:65536] if not ch.isspace()]
    if not sample:
        return 0.0
    bad = 0
    for ch in sample:
        cp = ord(ch)
        if 0x2E80 <= cp <= 0x9FFF or 0xAC00 <= cp <= 0xD7AF or 0xF900 <= cp <= 0xFAFF:
            bad += 1  # CJK, Hangul
        elif unicodedata.category(ch) in ("Cc", "Cf", "Cn", "Co", "Cs") and ch != "\ufeff":
            bad += 1  # controls, format, unassigned, private use, surrogates
    return bad / len(sample)


def _utf16_hint(data: bytes) -> str:
    """A hint when ``data`` looks like UTF-16 without a byte order mark ('' otherwise)."""
    head = data[:4096]
    if len(head) < 8:
        return ""
    for zeros, enc in ((head[1::2], "utf-16-le"), (head[0::2], "utf-16-be")):
        if zeros.count(0) >= 0.6 * len(zeros):
            return f" (it looks like UTF-16 without a byte order mark: try --encoding {enc})"
    return ""


def _check_bom(data: bytes, name: str, encoding: str, codec: str) -> None:
    """Refuse a byte order mark that contradicts the encoding named with --encoding."""
    for bom, label, agrees in _BOM_CODECS:
        if data.startswith(bom):
            if codec not in agrees:
                raise InputError(
                    f"{name}: starts with a {label} byte order mark, but the encoding given "
                    f"is {encoding!r}; leave --encoding out (the mark names the encoding)"
                )
            return


def decode_article(
    data: bytes, *, name: str = "<stdin>", encoding: str | None = None, max_bytes: int = MAX_BYTES
) -> str:
    """Decode an article's bytes to text, refusing empty, huge, binary or undecodable input.

    Parameters
    ----------
    data : bytes
        The file's content.
    name : str
        The file name used in messages.
    encoding : str, optional
        The text encoding; by default UTF-8 (or UTF-16/32 with a byte order mark).
    max_bytes : int
        Largest accepted size.

    Returns
    -------
    str

    Raises
    ------
    InputError
        If the input is empty, larger than ``max_bytes``, binary, or not in the encoding.

    Examples
    --------
    >>> decode_article("Putin met Erdogan.".encode())
    'Putin met Erdogan.'
    >>> decode_article(b"\\xff\\xd8\\xff\\x00JFIF", name="photo.jpg")
    Traceback (most recent call last):
    ...
    realpolitik.exceptions.InputError: photo.jpg: looks like a binary file (it contains NUL bytes), not text; give a plain-text article (UTF-8)
    """
    if len(data) > max_bytes:
        raise InputError(
            f"{name}: file is too large ({len(data):,} bytes; the limit is {max_bytes:,}); "
            "split it into smaller files or raise the limit with --max-bytes"
        )
    if not data.strip():
        raise InputError(f"{name}: file is empty; expected the text of an article")
    named = encoding is not None
    if encoding is not None:
        try:
            codec = codecs.lookup(encoding).name
        except LookupError:
            raise InputError(
                f"{name}: unknown encoding {encoding!r}; use a Python codec name such as "
                "'utf-8', 'latin-1' or 'cp1252'"
            ) from None
        _check_bom(data, name, encoding, codec)
    else:
        for bom, enc in _BOMS:
            if data.startswith(bom):
                encoding = enc
                break
    if encoding is None or codecs.lookup(encoding).name == "utf-8":
        if b"\x00" in data[:65536]:
            raise InputError(
                f"{name}: looks like a binary file (it contains NUL bytes), not text; "
                f"give a plain-text article (UTF-8){_utf16_hint(data)}"
            )
    try:
        text = data.decode(encoding or "utf-8")
    except UnicodeDecodeError as exc:
        bad = data[exc.start : exc.start + 1].hex()
        hint = (
            "it decodes as UTF-8: leave --encoding out"
            if named and _decodes_as_utf8(data)
            else "convert it to UTF-8 or name its encoding with --encoding (e.g. --encoding cp1252)"
        )
        raise InputError(
            f"{name}: is not {encoding or 'UTF-8'} text (byte 0x{bad} at offset {exc.start}); "
            f"{hint}"
        ) from None
    text = text.removeprefix("\ufeff")
    controls = sum(1 for ch in text[:65536] if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    if controls > max(8, len(text[:65536]) // 50):
        raise InputError(
            f"{name}: looks like a binary file ({controls} control characters), not text; "
            f"give a plain-text article{_utf16_hint(data) if named else ''}"
        )
    if named:
        share = _garbled(text)
        if share > GARBLED_SHARE:
            hint = (
                "it decodes as UTF-8: leave --encoding out"
                if _decodes_as_utf8(data)
                else "name the file's real encoding with --encoding"
            )
            raise InputError(
                f"{name}: decoded as {encoding}, {share:.0%} of the text is CJK or "
                f"unprintable characters: the file is probably not {encoding}; {hint}"
            )
    if not text.strip():
        raise InputError(f"{name}: file is empty; expected the text of an article")
    return text


def _decodes_as_utf8(data: bytes) -> bool:
    """Whether ``data`` is valid UTF-8 that reads as text (not CJK or control characters)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return False
    return "\x00" not in text and _garbled(text) <= GARBLED_SHARE


def read_article(
    path: str | Path, *, encoding: str | None = None, max_bytes: int = MAX_BYTES
) -> str:
    """Read one article from disk (see :func:`decode_article` for the checks).

    Raises
    ------
    InputError
        If the file is missing, unreadable, or fails a check of :func:`decode_article`.
    """
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > max_bytes:
            raise InputError(
                f"{p}: file is too large ({size:,} bytes; the limit is {max_bytes:,}); "
                "split it into smaller files or raise the limit with --max-bytes"
            )
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{p}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{p}: is a folder; expected a text file") from None
    except OSError as exc:
        raise InputError(f"{p}: cannot be read ({exc.strerror})") from None
    return decode_article(data, name=str(p), encoding=encoding, max_bytes=max_bytes)


def expand_inputs(inputs: list[str]) -> list[str]:
    """Expand folders to the text files in them (sorted); keep files and ``-`` (stdin) as given.

    Raises
    ------
    InputError
        If a path does not exist or a folder holds no text files.
    """
    out: list[str] = []
    for item in inputs:
        if item == "-":
            out.append(item)
            continue
        p = Path(item)
        if p.is_dir():
            found = sorted(
                str(f) for f in p.iterdir() if f.is_file() and f.suffix.lower() in TEXT_SUFFIXES
            )
            if not found:
                raise InputError(
                    f"{p}: folder holds no text files (expected names ending in "
                    f"{', '.join(TEXT_SUFFIXES)})"
                )
            out.extend(found)
        elif p.exists():
            out.append(str(p))
        else:
            raise InputError(f"{p}: no such file or folder")
    return out


_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_URL = re.compile(r"<https?://[^>]*>|https?://\S+")
_EMPH = re.compile(r"(\*\*|__|\*|_(?=\w)|(?<=\w)_)")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s*")
_QUOTE = re.compile(r"^\s{0,3}>\s?")
_BULLET = re.compile(r"^\s{0,3}[-+*]\s+")
_SPACES = re.compile(r"[ \t]+")


def clean_text(text: str) -> str:
    """Strip Markdown markup and join paragraphs broken in the middle of a sentence.

    Examples
    --------
    >>> clean_text("# Title\\n\\nThe **Kremlin** [praised](#) him, in\\n\\nSyria.")
    'Title\\n\\nThe Kremlin praised him, in Syria.'
    """
    blocks: list[str] = []
    heading = False
    for block in re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n")):
        lines = []
        was_heading = heading
        heading = bool(_HEADING.match(block.lstrip("\n")))
        for line in block.split("\n"):
            line = _HEADING.sub("", line)
            line = _QUOTE.sub("", line)
            line = _BULLET.sub("", line)
            line = _LINK.sub(r"\1", line)
            line = _URL.sub("", line)
            line = _EMPH.sub("", line)
            lines.append(line.strip())
        joined = _SPACES.sub(" ", " ".join(x for x in lines if x)).strip()
        if not joined:
            continue
        if blocks and not was_heading and _continues(blocks[-1], joined):
            blocks[-1] = blocks[-1] + " " + joined
        else:
            blocks.append(joined)
    return "\n\n".join(blocks)


def _continues(previous: str, block: str) -> bool:
    """Whether ``block`` continues the sentence ``previous`` was cut in."""
    last = previous[-1]
    prose = any(ch in previous for ch in ".,;:!?")
    words = previous.split()
    return (
        prose
        and (last in ",;" or words[-1].isalpha() and words[-1].islower())
        and (block[0].isalnum())
    )


def paragraphs(text: str) -> Iterator[str]:
    """Yield the paragraphs of a cleaned text (separated by blank lines)."""
    for block in text.split("\n\n"):
        if block.strip():
            yield block


__all__ = [
    "MAX_BYTES",
    "TEXT_SUFFIXES",
    "clean_text",
    "decode_article",
    "expand_inputs",
    "paragraphs",
    "read_article",
]
