"""What the report reads of the tables, queried from the run's row store: counts, the corpus
summaries, the first rows of the index and the rows of the articles on a page.

The report never holds a whole per-article table: the index page's overview is aggregates
(SQL over the run's tables, sums added up exactly as decimals while streamed), its index the
first rows of articles.csv, and a page the rows of its own articles. A story its reposts
repeat is counted once (`tables.STORIES`), as in network.csv and people.csv.
"""
from __future__ import annotations

from decimal import Decimal
from functools import cached_property
from typing import Callable, Iterable

import pandas as pd

from ..records import LIST_SEPARATOR
from .store import RowStore
from .tables import ARTICLES_BY_ID, STORIES

INDEX_COLUMNS = ["article_id", "title", "published", "regions", "n_officials", "n_sums",
                 "memoranda_total", "status"]
ERROR_COLUMNS = ["article_id", "source", "error"]


class ReportTables:
    """The run's row store and its corpus tables (network, people, nodes: a function giving
    them), as the report reads them."""

    def __init__(self, store: RowStore, corpus: Callable[[], dict[str, pd.DataFrame]]):
        self.store, self._corpus = store, corpus

    @cached_property
    def corpus(self) -> dict[str, pd.DataFrame]:
        """The corpus tables, computed when first read (`corpus()`)."""
        return self._corpus()

    def count(self, name: str, stories: bool = False) -> int:
        """Rows of a table (stories=True: those of the articles that are no reposts)."""
        where = f" WHERE {STORIES}" if stories else ""
        return self.store.select(f"SELECT COUNT(*) FROM run.{name}{where}").fetchone()[0]

    def extracted(self) -> int:
        return self.store.select("SELECT COUNT(*) FROM run.articles WHERE status = 'ok'").fetchone()[0]

    @cached_property
    def reposts(self) -> dict[str, str]:
        """article_id → the article it reposts."""
        return dict(self.store.select("SELECT article_id, duplicate_of FROM run.articles "
                                      "WHERE duplicate_of IS NOT NULL ORDER BY seq"))

    def first(self, name: str, columns: list[str], limit: int) -> pd.DataFrame:
        """The first `limit` rows of a table, in its CSV's order."""
        return pd.DataFrame(list(self.store.records(name, columns, limit=limit)), columns=columns)

    def articles(self, limit: int) -> pd.DataFrame:
        return self.first("articles", INDEX_COLUMNS, limit)

    def errors(self, limit: int) -> pd.DataFrame:
        return self.first("errors", ERROR_COLUMNS, limit)

    def countries(self) -> list[str]:
        return [c for (c,) in self.store.select("SELECT DISTINCT country FROM run.regions WHERE country IS NOT NULL")]

    def documents(self) -> list[str]:
        """Every document kind (a mention naming several gives each)."""
        joined = self.store.select("SELECT DISTINCT document FROM run.memoranda WHERE document IS NOT NULL")
        return [kind for (text,) in joined for kind in text.split(LIST_SEPARATOR)]

    def filter_values(self, up_to: str | None) -> dict[str, tuple[str, str]]:
        """article_id → the countries (space-separated) and document kinds (`|`-separated) of each
        article whose id sorts at most `up_to`, in the tables' order (as `report.filter_values`)."""
        countries: dict[str, dict] = {}
        for aid, country in self.store.records("regions", ["article_id", "country"], up_to=up_to,
                                               where="country IS NOT NULL"):
            countries.setdefault(aid, {})[country] = None
        documents: dict[str, dict] = {}
        for aid, joined in self.store.records("memoranda", ["article_id", "document"], up_to=up_to,
                                              where="document IS NOT NULL"):
            documents.setdefault(aid, {}).update(dict.fromkeys(joined.split(LIST_SEPARATOR)))
        return {aid: (" ".join(countries.get(aid, ())), "|".join(documents.get(aid, ())))
                for aid in countries.keys() | documents.keys()}

    def rows_of(self, article_ids: Iterable[str], shown: dict[str, list[str]]) -> dict[str, dict[str, list[tuple]]]:
        """table → article_id → the rows of those articles (the `shown` columns), in table order."""
        self.store.select("CREATE TEMP TABLE IF NOT EXISTS shown_articles (article_id TEXT PRIMARY KEY)")
        self.store.select("DELETE FROM temp.shown_articles")
        self.store.db.executemany("INSERT OR IGNORE INTO temp.shown_articles VALUES (?)",
                                  [(aid,) for aid in article_ids])
        grouped: dict[str, dict[str, list[tuple]]] = {}
        for name, columns in shown.items():
            rows = grouped[name] = {}
            for aid, *values in self.store.records(name, ["article_id", *columns],
                                                   where="article_id IN (SELECT article_id FROM temp.shown_articles)"):
                rows.setdefault(aid, []).append(tuple(values))
        return grouped

    def regions_overview(self) -> pd.DataFrame:
        """Each region: its country, the stories naming it, its mentions, the memoranda those stories
        report; the most named first."""
        self.store.select(ARTICLES_BY_ID)
        rows = self.store.select(
            "SELECT region, country, COUNT(DISTINCT article_id), SUM(mentions), SUM(COALESCE(("
            "SELECT a.memoranda_total FROM run.articles a WHERE a.article_id = r.article_id ORDER BY a.seq "
            f"LIMIT 1), 0)), MIN(seq) FROM run.regions r WHERE region IS NOT NULL AND {STORIES} GROUP BY region")
        table = pd.DataFrame([row[:5] for row in rows],
                             columns=["region", "country", "articles", "mentions", "memoranda_total"])
        return table.sort_values(["articles", "memoranda_total", "region"], ascending=[False, False, True],
                                 ignore_index=True)

    def sums_overview(self) -> pd.DataFrame:
        """Each currency: its sums and the stories naming them, their total and the largest, added
        up exactly; the most frequent first."""
        counts = self.store.select(f"SELECT currency, COUNT(*), COUNT(DISTINCT article_id) FROM run.sums "
                                   f"WHERE currency IS NOT NULL AND {STORIES} GROUP BY currency")
        rows = {currency: {"currency": currency, "sums": n, "articles": articles, "total": Decimal(0),
                           "largest": None} for currency, n, articles in counts}
        for currency, amount in self.store.select(
                f"SELECT currency, amount FROM run.sums WHERE currency IS NOT NULL AND amount IS NOT NULL "
                f"AND amount != '' AND {STORIES}"):
            row, value = rows[currency], Decimal(str(amount))
            row["total"] += value
            row["largest"] = value if row["largest"] is None else max(row["largest"], value)
        return pd.DataFrame(list(rows.values()), columns=["currency", "sums", "articles", "total", "largest"]) \
            .sort_values(["sums", "currency"], ascending=[False, True], ignore_index=True)
