"""Reading articles: size, binary and encoding checks, and light clean-up of markup.

:func:`decode_article` turns bytes into text or raises :class:`~realpolitik.exceptions.InputError`
with a message naming the file and what was wrong; :func:`clean_text` removes Markdown markup and
joins paragraphs that a line break cut in the middle of a sentence.
"""

from __future__ import annotations

import codecs
import re
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
    if encoding is None:
        for bom, enc in _BOMS:
            if data.startswith(bom):
                encoding = enc
                break
    if encoding is None or encoding.replace("_", "-").lower() in {"utf-8", "utf8"}:
        if b"\x00" in data[:65536]:
            raise InputError(
                f"{name}: looks like a binary file (it contains NUL bytes), not text; "
                "give a plain-text article (UTF-8)"
            )
    try:
        codecs.lookup(encoding or "utf-8")
    except LookupError:
        raise InputError(
            f"{name}: unknown encoding {encoding!r}; use a Python codec name such as "
            "'utf-8', 'latin-1' or 'cp1252'"
        ) from None
    try:
        text = data.decode(encoding or "utf-8")
    except UnicodeDecodeError as exc:
        bad = data[exc.start : exc.start + 1].hex()
        raise InputError(
            f"{name}: is not {encoding or 'UTF-8'} text (byte 0x{bad} at offset {exc.start}); "
            "convert it to UTF-8 or name its encoding with --encoding (e.g. --encoding cp1252)"
        ) from None
    controls = sum(1 for ch in text[:65536] if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    if controls > max(8, len(text[:65536]) // 50):
        raise InputError(
            f"{name}: looks like a binary file ({controls} control characters), not text; "
            "give a plain-text article"
        )
    if not text.strip():
        raise InputError(f"{name}: file is empty; expected the text of an article")
    return text


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
