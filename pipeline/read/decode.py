"""Bytes → text: byte-order mark, UTF-8, or a Cyrillic code page; binary refused.

A byte-order mark decides first (UTF-8, UTF-16 LE/BE); then UTF-8 (a
truncated last character or a stray broken byte is tolerated as U+FFFD);
then charset-normalizer restricted to Cyrillic code pages. The machine
locale is never consulted.
"""
from __future__ import annotations

import codecs
import re

import charset_normalizer

from .files import BadInput

# Code pages a Russian-language file realistically uses when it is not UTF-8.
CYRILLIC = ["cp1251", "koi8_r", "koi8_u", "cp866", "iso8859_5", "mac_cyrillic"]
BOMS = [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be")]
MAGIC = {b"%PDF": "a PDF document", b"PK\x03\x04": "a ZIP/Office document",
         b"\xd0\xcf\x11\xe0": "an old MS Office document", b"{\\rtf": "an RTF document"}
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
NUL = "binary content: the file contains NUL bytes, it is not text"


def decode(data: bytes, declared: str | None = None) -> str:
    """The text of `data`; `declared` is an encoding the file names (an HTML meta charset)."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return _not_binary(data[len(bom):].decode(encoding))
            except UnicodeDecodeError:
                raise BadInput(f"undecodable bytes: the file starts with a {encoding} "
                               f"byte-order mark but is not valid {encoding}") from None
    for magic, kind in MAGIC.items():
        if data.startswith(magic):
            raise BadInput(f"binary content: the file is {kind}, not text")
    if b"\x00" in data:
        raise BadInput(NUL)
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd")
    # UTF-8 is self-checking: a handful of broken sequences among many good
    # ones (a truncated last character, one stray byte) is still UTF-8, while
    # a cp1251 file breaks on nearly every Cyrillic byte.
    if bad == 0 or bad * 20 < sum(ch > "\x7f" for ch in text):
        return _not_binary(text)
    if declared:
        try:
            return _not_binary(data.decode(declared))
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown meta charset: fall back to guessing
    best = charset_normalizer.from_bytes(data, cp_isolation=CYRILLIC).best()
    if best is None:
        raise BadInput("undecodable bytes: neither UTF-8 nor a Cyrillic code page "
                       "(cp1251, koi8-r, cp866, ...)")
    return _not_binary(str(best))


# Unicode's control characters (category Cc) but the whitespace ones and ESC (ANSI colours).
BINARY_CONTROLS = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f-\x9f]")


def _not_binary(text: str) -> str:
    controls = len(BINARY_CONTROLS.findall(text))
    if controls > max(2, len(text) // 100):
        raise BadInput(f"binary content: {controls} control characters in "
                       f"{len(text)}, it is not text")
    return text


def meta_charset(data: bytes) -> str | None:
    found = META_CHARSET.search(data[:4096])
    return found.group(1).decode("ascii", "ignore") if found else None


def batch_encoding(sample: bytes) -> str:
    """A batch's encoding, told from its first block like a .txt file's. NUL bytes are left
    out: they make the row that holds them an error, wherever it is, not the whole batch."""
    for bom, encoding in BOMS:
        if sample.startswith(bom):
            return "utf-8-sig" if encoding == "utf-8" else "utf-16"  # the codecs that drop the BOM
    sample = sample.replace(b"\x00", b"")
    text = decode(sample)  # binary content is refused here
    if sample.decode("utf-8", "replace").count("\ufffd") <= 1:  # a block may cut a character
        return "utf-8"
    for encoding in CYRILLIC:
        try:
            if sample.decode(encoding) == text:
                return encoding
        except UnicodeDecodeError:
            continue
    return "utf-8"
