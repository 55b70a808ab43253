"""The record types every stage agrees on.

Extractors return these plain dataclasses; `output/tables.py` turns them into
the SPEC's DataFrames. Offsets index `Article.text`, so `text[start:end]` is the
mention an analyst can check.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

# How a table cell joins several values (`Атырауской области; ВКО`).
LIST_SEPARATOR = "; "


@dataclass(frozen=True)
class Article:
    article_id: str
    source: str
    text: str
    title: str | None = None
    published: str | None = None  # ISO date, or None where the page states none
    outlet: str | None = None
    url: str | None = None
    date: str | None = None  # ISO date to filter by: published, a batch row's date, or the event's
    date_source: str | None = None  # which of them `date` is: published / batch / event


@dataclass(frozen=True)
class CachedArticle:
    """An article an earlier run read from a file unchanged since: its id and cache key stand
    for it (`engine/input_index.py`), the file is not read again."""
    article_id: str
    key: str


@dataclass(frozen=True)
class ReadError:
    article_id: str
    source: str
    error: str


@dataclass(frozen=True)
class Region:
    region: str
    region_code: str
    country: str
    mentions: int
    forms: tuple[str, ...]
    start: int
    end: int
    sentence: str
    spans: tuple[tuple[int, int], ...] = ()  # every mention, for the review report


@dataclass(frozen=True)
class Place:
    """A place NER found that the gazetteer does not hold as a first-level unit."""
    place: str
    normal: str
    kind: str | None
    parent_region: str | None
    start: int
    end: int


@dataclass(frozen=True)
class Official:
    person: str
    position: str
    organization: str | None
    region: str | None
    mentions: int
    forms: tuple[str, ...]
    start: int
    end: int
    sentence: str
    spans: tuple[tuple[int, int], ...] = ()  # every mention, for the review report


@dataclass(frozen=True)
class Sum:
    amount: Decimal
    amount_max: Decimal | None
    currency: str
    qualifier: str | None
    text: str
    start: int
    end: int
    sentence: str


@dataclass(frozen=True)
class Memorandum:
    count: int | None
    count_text: str | None
    document: str
    parties: tuple[str, ...]
    text: str
    start: int
    end: int
    sentence: str
    at_event: bool = True  # signed at the event the article covers (not earlier / elsewhere)
    document_id: str = ""  # shared by the mentions of one document in an article


@dataclass(frozen=True)
class Link:
    region_a: str
    region_b: str
    document: str
    count: int | None
    sentence: str
    document_id: str = ""
    at_event: bool = True


@dataclass
class Extraction:
    """Everything extracted from one article."""
    article: Article
    regions: list[Region] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    officials: list[Official] = field(default_factory=list)
    sums: list[Sum] = field(default_factory=list)
    memoranda: list[Memorandum] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    fingerprint: bytes = b""  # MinHash of the cleaned text's shingles: finds reposts (corpus/duplicates)

    @property
    def memoranda_total(self) -> int | None:
        """Memoranda signed at the event: each document (`document_id`) once, with its largest
        count; separate single memoranda add up, but never past a count the text gives for
        many (`10 меморандумов ... среди них меморандум о туризме` is 10)."""
        counts: dict[str, int] = {}
        for m in self.memoranda:  # `15 соглашений и меморандумов` counts too
            if m.at_event and m.count is not None and "меморандум" in m.document:
                counts[m.document_id] = max(counts.get(m.document_id, 0), m.count)
        if not counts:
            return None
        singles = sum(1 for c in counts.values() if c == 1)
        return max(max(counts.values()), singles)
