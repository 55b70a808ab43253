"""Records → pandas DataFrames with exactly the SPEC's columns, in SPEC order, sorted."""
from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Callable, Iterable, Iterator

import pandas as pd

from ..corpus.network import network_rows
from ..corpus.nodes import node_rows
from ..corpus.people import people_rows, surname
from ..records import LIST_SEPARATOR, Extraction, ReadError
from .store import INT_COLUMNS, KeptRows, RowStore

COLUMNS = {
    "articles": ["article_id", "source", "title", "published", "date", "date_source", "outlet",
                 "url", "n_chars", "regions", "n_officials", "n_sums", "memoranda_total",
                 "duplicate_of", "status"],
    "regions": ["article_id", "region", "region_code", "country", "mentions", "forms",
                "start", "end", "sentence"],
    "officials": ["article_id", "person", "position", "organization", "region", "mentions",
                  "forms", "start", "end", "sentence"],
    "sums": ["article_id", "amount", "amount_max", "currency", "qualifier", "text",
             "start", "end", "sentence"],
    "memoranda": ["article_id", "count", "count_text", "document", "document_id", "at_event",
                  "parties", "text", "start", "end", "sentence"],
    "links": ["article_id", "region_a", "region_b", "document", "document_id", "at_event", "count",
              "sentence"],
    "errors": ["article_id", "source", "error"],
    # Beyond the SPEC's seven: what the gazetteer does not cover, and the region network.
    "places": ["article_id", "place", "normal", "kind", "parent_region", "start", "end"],
    "network": ["region_a", "region_b", "country_a", "country_b", "cross_border", "articles",
                "documents", "memoranda_total", "first_date", "last_date"],
    # Over the corpus, a story its reposts repeat counted once: people and the network's nodes.
    "people": ["person", "positions", "regions", "countries", "articles", "first_date", "last_date",
               "forms"],
    "nodes": ["region", "region_code", "country", "articles", "links", "documents"],
}

# The `sentence` column holds at most this many characters (plus `…` marks where it was cut).
SENTENCE_CAP, CUT = 1000, "…"

CORPUS = ("network", "people", "nodes")
PER_ARTICLE = [name for name in COLUMNS if name not in CORPUS]
PER_ARTICLE_COLUMNS = {name: COLUMNS[name] for name in PER_ARTICLE}
KEPT_COLUMNS = {name: columns for name, columns in PER_ARTICLE_COLUMNS.items() if name != "errors"}
SORT_KEYS = {name: ["article_id", "start"] for name in PER_ARTICLE} | {
    "articles": ["article_id"],
    "errors": ["article_id", "source"],
    "links": ["article_id", "region_a", "region_b", "document_id"],
    "network": ["region_a", "region_b"],
    "people": ["person", "regions", "positions"],
    "nodes": ["region"],
}


def plain_number(value: Decimal | None) -> str | None:
    """An exact decimal as plain digits: 1400000000000, 477.6 — never 1.4E+12."""
    if value is None:
        return None
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def cap_sentence(sentence: str, mention: str | None = None) -> str:
    """At most SENTENCE_CAP characters of the sentence, around the mention where it stands in
    it, `…` where text was cut: a sentence of 100 KB repeated on every row is no use to anyone."""
    if len(sentence) <= SENTENCE_CAP:
        return sentence
    at = sentence.find(mention) if mention else -1
    centre = at + len(mention) // 2 if at >= 0 else 0
    start = max(0, min(centre - SENTENCE_CAP // 2, len(sentence) - SENTENCE_CAP))
    end = start + SENTENCE_CAP
    return (CUT if start else "") + sentence[start:end] + (CUT if end < len(sentence) else "")


def _article_row(ex: Extraction) -> dict:
    a = ex.article
    return {
        "article_id": a.article_id, "source": a.source, "title": a.title,
        "published": a.published, "date": a.date, "date_source": a.date_source,
        "outlet": a.outlet, "url": a.url, "n_chars": len(a.text),
        "regions": LIST_SEPARATOR.join(r.region for r in sorted(ex.regions, key=lambda r: r.start)),
        "n_officials": len(ex.officials), "n_sums": len(ex.sums),
        "memoranda_total": ex.memoranda_total, "status": "ok",
    }


def _article_rows(ex: Extraction, duplicate_of: str | None) -> Iterator[tuple[str, dict]]:
    """(table, row) for every row one extraction gives the per-article tables."""
    aid = ex.article.article_id
    yield "articles", {**_article_row(ex), "duplicate_of": duplicate_of}
    for r in ex.regions:
        yield "regions", {"article_id": aid, **vars(r), "forms": LIST_SEPARATOR.join(r.forms),
                          "sentence": cap_sentence(r.sentence, r.forms[0] if r.forms else None)}
    for p in ex.places:
        yield "places", {"article_id": aid, **vars(p)}
    for o in ex.officials:
        yield "officials", {"article_id": aid, **vars(o), "forms": LIST_SEPARATOR.join(o.forms),
                            "sentence": cap_sentence(o.sentence, ex.article.text[o.start:o.end])}
    for s in ex.sums:
        yield "sums", {"article_id": aid, **vars(s), "amount": plain_number(s.amount),
                       "amount_max": plain_number(s.amount_max), "sentence": cap_sentence(s.sentence, s.text)}
    for m in ex.memoranda:
        yield "memoranda", {"article_id": aid, **vars(m), "parties": LIST_SEPARATOR.join(m.parties),
                            "sentence": cap_sentence(m.sentence, m.text)}
    for link in ex.links:
        yield "links", {"article_id": aid, **vars(link), "sentence": cap_sentence(link.sentence)}


def collect(extractions: Iterable[Extraction], errors: Iterable[ReadError]) -> RowStore:
    """Every per-article row into a RowStore (on disk), in reading order.

    `extractions` may be a run's `Results`: then each article's rows are kept in the cache
    beside its entry (`KeptRows`), and only the articles not kept yet are read back and
    turned into rows; the others' rows are copied in SQL. Plain extractions are kept
    the same way, in the store's own temporary file."""
    keyed = getattr(extractions, "keyed", None)
    if keyed is None:
        store = RowStore(PER_ARTICLE_COLUMNS, SORT_KEYS)
        kept = KeptRows(store.db, "", KEPT_COLUMNS)
        pairs = ((str(n), lambda ex=ex: ex) for n, ex in enumerate(extractions))
    else:
        store = RowStore(PER_ARTICLE_COLUMNS, SORT_KEYS, extractions.spool.db)
        kept = KeptRows(store.db, extractions.spool.version, KEPT_COLUMNS)
        pairs = keyed()

    def keys() -> Iterator[str]:
        for key, load in pairs:
            if key not in kept:
                ex = load()
                kept.add(key, _article_rows(ex, None), ex.fingerprint)
            yield key

    store.fill(kept, keys())
    for e in errors:
        store.add("errors", vars(e))
        store.add("articles", {"article_id": e.article_id, "source": e.source, "status": "error"})
    store.select(ARTICLES_BY_ID)  # now: forked writers read the store, and they write nothing
    return store


def keeper(cache) -> Callable[[str, Extraction], None]:
    """Keeps an extraction's rows in `cache` (a `Cache`) as it arrives (`batch.run`'s `keep`):
    `collect` then copies them with the others'."""
    kept = KeptRows(cache.db, cache.version, KEPT_COLUMNS)
    return lambda key, ex: kept.add(key, _article_rows(ex, None), ex.fingerprint)


def _without_sentence(name: str) -> list[str]:
    return [c for c in COLUMNS[name] if c != "sentence"]


class CorpusTables(Mapping):
    """The tables over the whole corpus (`CORPUS`) of a row store, each computed when first
    read: network and nodes together, people on their own."""

    def __init__(self, store: RowStore):
        self.store, self.made = store, {}

    def __getitem__(self, name: str) -> pd.DataFrame:
        if name not in CORPUS:
            raise KeyError(name)
        if name not in self.made:
            self.made.update({"people": people_table(self.store)} if name == "people" else _network(self.store))
        return self.made[name]

    def __contains__(self, name: object) -> bool:  # without computing the table
        return name in CORPUS

    def __iter__(self) -> Iterator[str]:
        return iter(CORPUS)

    def __len__(self) -> int:
        return len(CORPUS)


def corpus_tables(store: RowStore) -> dict[str, pd.DataFrame]:
    """Every table over the corpus, computed now."""
    return dict(CorpusTables(store))


def _network(store: RowStore) -> dict[str, pd.DataFrame]:
    """network and nodes, from the per-article rows (without their sentences, in reading
    order) of the articles that are no reposts: only the columns they use, and of the
    articles' rows only those of articles with links."""
    def stories(name: str, columns: list[str]) -> Iterator[dict]:
        return store.dicts(name, columns, where=STORIES)

    articles = list(store.dicts("articles", ["article_id", "date", "published", "memoranda_total",
                                             "duplicate_of"], where=f"{STORIES} AND {_having('links')}"))
    network = network_rows(stories("links", _without_sentence("links")), articles)
    nodes = node_rows(stories("regions", ["article_id", "region", "region_code", "country"]), network)
    return {"network": _frame("network", network), "nodes": _frame("nodes", nodes)}


def people_table(store: RowStore, up_to: str | None = None) -> pd.DataFrame:
    """The people table, over the articles whose id sorts at most `up_to` (None: all)."""
    return _frame("people", people(store, up_to))


def people(store: RowStore, up_to: str | None = None) -> list[dict]:
    countries = dict(store.records("regions", ["region", "country"], sort=False, distinct=True))
    return list(people_rows(_officials_by_surname(store, up_to), countries))


def _officials_by_surname(store: RowStore, up_to: str | None = None) -> Iterator[dict]:
    """The officials' rows of the stories (of the articles up to `up_to`) with their article's
    date, sorted by `surname` (by SQLite, which sorts on disk past its cache), ties in reading order."""
    store.db.create_function("surname", 1, surname, deterministic=True)
    store.select(ARTICLES_BY_ID)
    columns = ["article_id", "person", "position", "region", "forms", "date"]
    dated = ("(SELECT COALESCE(a.date, a.published) FROM run.articles a WHERE a.article_id = o.article_id "
             "ORDER BY a.seq LIMIT 1)")
    bound = "" if up_to is None else " AND article_id <= ?"
    for row in store.select(f"SELECT article_id, person, position, region, forms, {dated} FROM run.officials o "
                            f"WHERE {STORIES}{bound} ORDER BY surname(person), seq", () if up_to is None else (up_to,)):
        yield dict(zip(columns, row))


# An index the report's and the people's queries look an article's row up by.
ARTICLES_BY_ID = "CREATE INDEX IF NOT EXISTS run.articles_id ON articles (article_id)"
# The rows of the articles that repeat no other article's story.
STORIES = "article_id NOT IN (SELECT article_id FROM run.articles WHERE duplicate_of IS NOT NULL)"


def _having(name: str) -> str:
    return f"article_id IN (SELECT article_id FROM run.{name})"


def _frame(name: str, rows: list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=COLUMNS[name])
    frame = frame.sort_values(SORT_KEYS[name], kind="stable", ignore_index=True)
    for column in INT_COLUMNS:
        if column in frame:
            frame[column] = pd.array(frame[column], dtype="Int64")
    return frame


def frames(store: RowStore, corpus: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Every table as a DataFrame, in COLUMNS order."""
    return {name: corpus[name] if name in corpus else store.frame(name) for name in COLUMNS}


def first_articles(store: RowStore, limit: int) -> str | None:
    """The id of the `limit`-th article in article_id order; None when there are no more."""
    found = list(store.records("articles", ["article_id"], offset=limit - 1, limit=2))
    return found[0][0] if len(found) == 2 else None


def build_tables(extractions: Iterable[Extraction], errors: Iterable[ReadError]) -> dict[str, pd.DataFrame]:
    """Every table in memory (pipeline.extract, tests): the rows the CSVs are written from."""
    with collect(extractions, errors) as store:
        return frames(store, corpus_tables(store))
