"""The column dictionary: every output file, and every column of every table, described once.

`FILES` feeds `--help`; `describe` feeds the `columns` sheet of extract.xlsx; `markdown()` is
the README's "Columns" section (`python -m pipeline.output.columns` prints it, and a test
keeps the README equal to it). A column that several tables share (`article_id`, `start`,
`sentence`) is described once in `SHARED`; a table's own entry wins over it.
"""
from __future__ import annotations

from typing import NamedTuple


class Column(NamedTuple):
    meaning: str
    unit: str = ""  # what a value is counted or written in
    empty_when: str = ""  # when the cell is empty ("" = never)


# extract.xlsx holds the per-article rows of this many articles by default (the CSVs hold all):
# a workbook of every row would be rewritten whole, and grow, on every rerun.
WORKBOOK_ARTICLES = 2000

FILES = {  # file → what one row is (or what the file holds)
    "articles.csv": "an article read, extracted or failed",
    "regions.csv": "a first-level region named in an article",
    "officials.csv": "a person holding a public office, per article",
    "sums.csv": "an amount of money",
    "memoranda.csv": "a mention of a signed document (memorandum, agreement, ...)",
    "links.csv": "a pair of regions that signed a document together, per article",
    "errors.csv": "an article that could not be read or extracted, with the reason",
    "places.csv": "a place NER found that is not a first-level region",
    "network.csv": "a pair of regions over the corpus (reposts counted once)",
    "nodes.csv": "a region over the corpus: the nodes of the network",
    "people.csv": "a person over the corpus (reposts counted once)",
    "network.gexf, network.graphml": "the network for Gephi, yEd, networkx: nodes and pairs",
    "extract.xlsx": "every table as a sheet, and the `columns` dictionary",
    "report.html": "a review page (opens offline): search, filters, highlights; past 500 "
                   "articles the index of pages report/page-0001.html, ...",
    "<table>.parquet": "every table as parquet (with --formats parquet)",
}

ARTICLE_ID = "the article: the file name without extension, or a batch row's `id`"
LIST = "a list joined with `; `"
ISO_DATE = "ISO date YYYY-MM-DD"

SHARED = {
    "article_id": Column(ARTICLE_ID),
    "source": Column("the file the article was read from (`file#N`: row N of a batch)"),
    "region": Column("canonical region name, nominative (`Атырауская область`)"),
    "region_code": Column("ISO 3166-2 code of the region", "ISO 3166-2",
                          "the region has no ISO code (see rules/SOURCES.md)"),
    "country": Column("the region's country", "ISO 3166-1 alpha-2"),
    "mentions": Column("how often the article names it", "mentions"),
    "forms": Column("the surface forms the text uses", LIST),
    "start": Column("where the (first) mention starts in the article text as read", "characters from 0"),
    "end": Column("where that mention ends (exclusive): text[start:end] is the mention", "characters"),
    "sentence": Column("the sentence the mention stands in, to check the row without the article"),
    "text": Column("the mention as written in the article"),
    "document": Column("kind of document, nominative (`меморандум`, `соглашение`, `договор`, "
                       "`дорожная карта`, `протокол`); several joined with `; `"),
    "document_id": Column("the document within its article: mentions of one document share it",
                          "number from 1"),
    "at_event": Column("true: signed at the event the article reports; false: the text says it was "
                       "signed earlier", "true / false"),
    "region_a": Column("one region of the pair (the first in alphabetical order)"),
    "region_b": Column("the other region of the pair"),
    "count": Column("how many documents the text says were signed", "documents",
                    "the text gives no number (`ряд меморандумов`)"),
    "articles": Column("how many articles (reposts counted once) name it", "articles"),
    "first_date": Column("the earliest `date` of those articles", ISO_DATE, "no article has a date"),
    "last_date": Column("the latest `date` of those articles", ISO_DATE, "no article has a date"),
}

TABLES: dict[str, dict[str, Column]] = {
    "articles": {
        "title": Column("the headline, from the page or the batch row", "", "no title found"),
        "published": Column("publication date the page itself states (never a date inside the story)",
                            ISO_DATE, "the page states none"),
        "date": Column("the date to filter by: `published`, else the batch row's date, else the event "
                       "date the text gives with a year", ISO_DATE, "none of these is known"),
        "date_source": Column("where `date` comes from: published (the page), batch (the batch row's "
                              "published or date), event (the text)", "", "`date` is empty"),
        "outlet": Column("the outlet (site) that published the article", "",
                         "neither the page, the batch row nor its url names one"),
        "url": Column("the article's url: a batch row's, or the one a saved page states", "",
                      "neither gives one"),
        "n_chars": Column("length of the article text as read", "characters", "status is error"),
        "regions": Column("the regions the article names, in order of first mention", LIST,
                          "none named, or status is error"),
        "n_officials": Column("rows of officials.csv for the article", "persons", "status is error"),
        "n_sums": Column("rows of sums.csv for the article", "sums", "status is error"),
        "memoranda_total": Column("memoranda the article reports as signed at the event it covers",
                                  "memoranda", "the article gives no count of memoranda"),
        "duplicate_of": Column("the first-read article this one repeats (a repost: same body, other "
                               "header, footer or small edits); corpus tables count the story once",
                               "article_id", "the article is not a repost"),
        "status": Column("ok: extracted; error: see errors.csv", "ok / error"),
    },
    "regions": {},
    "officials": {
        "person": Column("the fullest name the article gives, nominative, `Имя Фамилия` (`С. Ахметов` "
                         "where only an initial is given)"),
        "position": Column("the office as the article names it, lower case, nominative (`аким`)"),
        "organization": Column("the body the office belongs to, as written", "", "the text names none"),
        "region": Column("the region the office belongs to", "",
                         "a national office, a diplomat, or a city that is not first-level"),
        "start": Column("where the person's first mention starts in the article text", "characters from 0"),
    },
    "sums": {
        "amount": Column("the amount (a range's lower bound), exact plain digits", "units of `currency`"),
        "amount_max": Column("a range's upper bound (`от 5 до 7 млрд`)", "units of `currency`",
                             "not a range"),
        "currency": Column("currency", "ISO 4217"),
        "qualifier": Column("`более`, `свыше`, `около`, `порядка`, `почти`, `до`, ... as written", "",
                            "the amount is given as exact"),
    },
    "memoranda": {
        "count_text": Column("the words that give the count (`три`, `10`)", "",
                             "no count given, or a singular"),
        "parties": Column("the regions that signed the document", LIST, "the text names no region party"),
    },
    "links": {"sentence": Column("the sentence that names the signing")},
    "errors": {"error": Column("why the article could not be read or extracted, in plain words")},
    "places": {
        "place": Column("the place as written"),
        "normal": Column("its name in the nominative (`Исатайский район`)"),
        "kind": Column("city, district, village, county, country, province, ... : from a word beside "
                       "it (`г.`, `район`), the gazetteer's regional centres or its country names", "",
                       "nothing tells the kind"),
        "parent_region": Column("the region the place lies in: from the text (`Исатайский район "
                                "Атырауской области`) or the gazetteer (a regional centre)", "",
                                "neither says"),
    },
    "network": {
        "country_a": Column("country of region_a", "ISO 3166-1 alpha-2"),
        "country_b": Column("country of region_b", "ISO 3166-1 alpha-2"),
        "cross_border": Column("true where the two regions are in different countries", "true / false"),
        "articles": Column("articles in which the pair signed together (reposts counted once)", "articles"),
        "documents": Column("documents the pair signed over those articles", "documents"),
        "memoranda_total": Column("memoranda the pair signed at the events reported", "memoranda"),
    },
    "people": {
        "person": Column("the person's fullest name over the corpus, nominative"),
        "positions": Column("the offices the person is named with, the most frequent first", LIST),
        "regions": Column("the regions of those offices, the most frequent first", LIST,
                          "only national offices or diplomats"),
        "countries": Column("the countries of those regions", "ISO 3166-1 alpha-2, " + LIST,
                            "`regions` is empty"),
        "articles": Column("articles naming the person (reposts counted once)", "articles"),
        "forms": Column("every way the articles write the name", LIST),
    },
    "nodes": {
        "region_code": Column("ISO 3166-2 code of the region", "ISO 3166-2",
                              "the region has no ISO code (see rules/SOURCES.md)"),
        "links": Column("regions this region signed a document with", "regions"),
        "documents": Column("documents signed by this region's pairs (a document with several partners "
                            "counts for each pair)", "documents"),
    },
}


def describe(table: str, column: str) -> Column:
    """The description of one column of one table; KeyError where it has none."""
    found = TABLES[table].get(column) or SHARED.get(column)
    if found is None:
        raise KeyError(f"{table}.{column} is not described in pipeline/output/columns.py")
    return found


def rows(columns: dict[str, list[str]]) -> list[dict]:
    """The dictionary as table rows, for the given tables and their columns in order."""
    return [{"table": table, "column": column, **describe(table, column)._asdict()}
            for table, names in columns.items() for column in names]


def markdown() -> str:
    """The README's column dictionary: one table per output table."""
    from .tables import COLUMNS  # the tables' columns as written, in order

    parts = []
    for table, names in COLUMNS.items():
        lines = [f"#### `{table}.csv`: {FILES[f'{table}.csv']}", "",
                 "| column | meaning | unit | empty when |", "|---|---|---|---|"]
        for column in names:
            c = describe(table, column)
            lines.append(f"| `{column}` | {c.meaning} | {c.unit} | {c.empty_when} |")
        parts.append("\n".join(lines))
    return "\n\n".join(parts) + "\n"


if __name__ == "__main__":
    print(markdown(), end="")
