"""What text is: representable as read, and normalised for analysis.

As read (`as_read`, `one_line`, `visible`): every string that reaches a table
can be encoded as UTF-8 and shows no control characters. Line endings
become `\\n` (so do form feeds and the Unicode line separators); other
control characters but `\\t` (NUL from a JSON `\\u0000`, ESC, C1 codes) are
dropped; a lone surrogate (a JSON `\\ud800` escape) becomes U+FFFD, the mark
of a character that was lost. Ids and sources come from file names too,
which need not be UTF-8: there a byte that is not UTF-8 and a control
character become a visible `\\xNN`, so two such names stay two ids.

For analysis (`for_analysis`): the tokenizer, NER and the dictionaries see
words whole. Invisible characters (soft hyphen, zero-width space / joiner /
non-joiner, a BOM or a direction mark inside the text) are removed; a breve
or diaeresis is composed with its letter (`и` + U+0306 → `й`), other
combining accents (stress marks) are dropped; an HTML character reference
left in plain text (`&nbsp;`, `&laquo;`, `&#8212;`) becomes its character;
Latin letters that look like Cyrillic ones inside a Cyrillic word (`Ногaев`
with a Latin `a`, `Aтырау`) become Cyrillic. Removing changes lengths, so the result keeps the edits it
made and `restore` maps the extraction's offsets back: `text[start:end]`
indexes the text as read.
"""
from __future__ import annotations

import bisect
import html
import re
import unicodedata
from dataclasses import dataclass, field, fields, replace

from ..records import Extraction

# Page and record separators, NEL and the Unicode line and paragraph separators end a line.
LINE_BREAKS = str.maketrans(dict.fromkeys("\v\f\x1c\x1d\x1e\x85\u2028\u2029", "\n"))
CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
SURROGATE = re.compile(r"[\ud800-\udfff]")
# Format characters that never carry a letter: soft hyphen, Arabic letter mark,
# Mongolian vowel separator, zero-width space/joiners, direction marks and
# embeddings, word joiner and invisible operators, variation selectors, BOM.
INVISIBLE = "\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufe00-\ufe0f\ufeff"
COMBINING = "\u0300-\u036f"  # the combining diacritical marks: accents, breve, diaeresis
LETTER_MARKS = "\u0306\u0308"  # the breve of й and ў, the diaeresis of ё and ї: part of a letter
# An HTML character reference left in a text file (`40 млн&nbsp;тенге`, `&laquo;`): one character.
ENTITY = r"&(?:[A-Za-z]{2,8}\d?|#\d{1,7}|#[xX][0-9a-fA-F]{1,6});"
LENGTH_CHANGES = re.compile(rf"(?P<invisible>[{INVISIBLE}]+)|(?P<entity>{ENTITY})|"
                            rf"[^\W\d_]?[{COMBINING}]+")
# A word with a Latin letter; anchored at the word's start, so a long word is scanned once.
LATIN_WORD = re.compile(r"(?<![^\W\d_])[^\W\d_]*[A-Za-z][^\W\d_]*")
CYRILLIC = re.compile(r"[а-яёА-ЯЁ]")
LATIN = re.compile(r"[A-Za-z]")
# Latin letters drawn like a Cyrillic one (a font shows no difference).
LOOKALIKES = str.maketrans("AaBCcEeHKMOoPpTXxy", "АаВСсЕеНКМОоРрТХху")


def as_read(text: str) -> str:
    """The text as every later stage sees it (offsets index this)."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").translate(LINE_BREAKS)
    return SURROGATE.sub("\ufffd", CONTROL.sub("", text))


def one_line(value: object) -> str | None:
    """A short field (title, outlet, date): as read, on one line, invisible characters gone."""
    if value is None:
        return None
    text = re.sub(r"\s+", " ", re.sub(f"[{INVISIBLE}]", "", as_read(str(value))))
    return text.strip() or None


def visible(name: str) -> str:
    """A file name, path or id that any table can hold and an analyst can read."""
    def escape(m: re.Match) -> str:
        code = ord(m.group())
        if 0xDC80 <= code <= 0xDCFF:  # how os.fsdecode keeps an undecodable byte
            return f"\\x{code - 0xDC00:02x}"
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
    return re.sub(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]", escape, name)


@dataclass(frozen=True)
class Analysis:
    """The text analysis runs on, and how its offsets map back to the text it was made from.

    `edits` lists each place where the length changed, as (start, end) in the
    analysed text and (start, end) in the original, in text order."""
    text: str
    edits: tuple[tuple[int, int, int, int], ...] = ()
    _starts: list[int] = field(default_factory=list, repr=False, compare=False)

    def __post_init__(self):
        self._starts.extend(edit[0] for edit in self.edits)

    def start(self, offset: int) -> int:
        """The original offset of the character at `offset` (past any removed one before it)."""
        k = bisect.bisect_right(self._starts, offset) - 1
        if k < 0:
            return offset
        new_start, new_end, old_start, old_end = self.edits[k]
        return old_start if offset < new_end else old_end + offset - new_end

    def end(self, offset: int) -> int:
        """The original offset a span ending at `offset` ends at (a composed letter whole)."""
        k = bisect.bisect_left(self._starts, offset) - 1
        if k < 0:
            return offset
        new_start, new_end, old_start, old_end = self.edits[k]
        return old_end if offset <= new_end else old_end + offset - new_end

    def restore(self, extraction: Extraction) -> Extraction:
        """The extraction with every offset indexing the original text."""
        if not self.edits:
            return extraction
        changes = {}
        for part in fields(extraction):
            rows = getattr(extraction, part.name)
            if isinstance(rows, list) and rows and hasattr(rows[0], "start"):
                changes[part.name] = [self._restore_row(row) for row in rows]
        return replace(extraction, **changes)

    def _restore_row(self, row):
        moved = {"start": self.start(row.start), "end": self.end(row.end)}
        if getattr(row, "spans", None):
            moved["spans"] = tuple((self.start(s), self.end(e)) for s, e in row.spans)
        return replace(row, **moved)


def for_analysis(text: str) -> Analysis:
    """`text` with words made whole for the tokenizer, NER and dictionaries (see the module)."""
    pieces, edits, done = [], [], 0
    length = 0  # of the analysed text so far
    for m in LENGTH_CHANGES.finditer(text):
        if m.group("entity") and len(html.unescape(m.group())) != 1:
            continue  # no character reference after all (`&copy2020;`): kept as written
        pieces.append(text[done:m.start()])
        length += m.start() - done
        new = "" if m.group("invisible") else html.unescape(m.group()) if m.group("entity") \
            else _composed(m.group())
        pieces.append(new)
        edits.append((length, length + len(new), m.start(), m.end()))
        length += len(new)
        done = m.end()
    analysed = "".join(pieces) + text[done:] if edits else text
    if CYRILLIC.search(analysed):
        analysed = LATIN_WORD.sub(_cyrillic_word, analysed)  # one letter for one: no edit to record
    return Analysis(analysed, tuple(edits))


def _composed(letter_and_marks: str) -> str:
    """The letter composed with a breve or diaeresis (`й`, `ё`); stress and other accents dropped."""
    kept = "".join(ch for ch in letter_and_marks if not unicodedata.combining(ch) or ch in LETTER_MARKS)
    return "".join(ch for ch in unicodedata.normalize("NFC", kept) if not unicodedata.combining(ch))


def _cyrillic_word(m: re.Match) -> str:
    """A Cyrillic word whose every Latin letter has a Cyrillic twin, in Cyrillic only."""
    word = m.group()
    cyrillic = word.translate(LOOKALIKES)
    return cyrillic if CYRILLIC.search(word) and not LATIN.search(cyrillic) else word
