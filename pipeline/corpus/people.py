"""Across articles: one row per person (`people.csv`).

The officials table has one row per person per article, named as that article
names them (`Юрий Берг`, `Ю. Берг`, or only `Берг`). Here the rows of one
surname become one person where nothing tells them apart: the first names agree
(equal, or one is the other's initial, or one is missing) and so do the regions
(equal, or one is empty, as for `губернатор Берг` in an article that names no
region). Two people with one surname in different regions, or with different
first names, stay two. A row that fits several people of its surname equally
well is not guessed into one of them: it stays a row of its own.

Only the rows of one surname are ever compared, so they come in surname by surname
(`surname` is the sort key the row store orders them by): memory holds one surname's
rows, not the corpus's.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from itertools import groupby
from typing import Iterable, Iterator

from ..records import LIST_SEPARATOR


def _fold(word: str) -> str:
    return word.lower().replace("ё", "е").rstrip(".")


@lru_cache(maxsize=1 << 16)  # each name is split several times over; bounded: memory stays flat
def name_parts(person: str) -> tuple[str, str | None]:
    """(surname, first name or initial) folded: `Ю.Берг` → ('берг', 'ю')."""
    words = person.replace(".", ". ").split()
    if len(words) == 1:
        return _fold(words[0]), None
    return _fold(words[-1]), _fold(words[0])


def surname(person: str) -> str:
    """The folded surname rows are grouped by: `Ю.Берг` → 'берг'."""
    return name_parts(person)[0]


def _names_agree(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return True
    return a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


@dataclass
class Person:
    surname: str
    first: str | None = None  # the fullest first name seen
    region: str | None = None
    rows: list[dict] = field(default_factory=list)

    def fits(self, first: str | None, region: str | None) -> bool:
        return _names_agree(self.first, first) and (not self.region or not region or self.region == region)

    def add(self, row: dict, first: str | None) -> None:
        self.rows.append(row)
        if first and (self.first is None or len(first) > len(self.first)):
            self.first = first
        self.region = self.region or row.get("region") or None


def _specificity(row: dict) -> tuple:
    """Fullest rows first, so a person forms from `Юрий Берг, Оренбургская область` before
    `Берг` is matched to them; ties in table order."""
    _, first = name_parts(row["person"])
    return (-(len(first or "") > 1), -bool(first), -bool(row.get("region")))


def group_people(official_rows: list[dict]) -> list[Person]:
    by_surname: dict[str, list[Person]] = {}
    for row in sorted(official_rows, key=_specificity):
        family, first = name_parts(row["person"])
        region = row.get("region") or None
        people = by_surname.setdefault(family, [])
        fitting = [p for p in people if p.fits(first, region)]
        if len(fitting) > 1:  # prefer the one with the same region, then the same first name
            fitting = [p for p in fitting if p.region == region] or fitting
            fitting = [p for p in fitting if p.first == first] or fitting
        if len(fitting) == 1:
            fitting[0].add(row, first)
        else:
            person = Person(family)
            person.add(row, first)
            people.append(person)
    return [p for people in by_surname.values() for p in people]


def _by_frequency(values) -> list[str]:
    """Distinct non-empty values, the most frequent first, ties in order of appearance."""
    counts: dict[str, int] = {}  # not a Counter: most people have a row or two, and
    for value in values:         # setting one up costs more than their counting
        if value:
            counts[value] = counts.get(value, 0) + 1
    return sorted(counts, key=lambda v: -counts[v]) if len(counts) > 1 else list(counts)


def people_rows(official_rows: Iterable[dict], countries: dict[str, str]) -> Iterator[dict]:
    """One row per person over the officials' rows (reposts already left out), each with its
    article's ISO `date` (or None), the rows of one `surname` next to each other.

    `countries`: region → ISO country."""
    for _, rows in groupby(official_rows, key=lambda row: surname(row["person"])):
        for person in group_people(list(rows)):
            yield _person_row(person, countries)


def _person_row(person: Person, countries: dict[str, str]) -> dict:
    rows = person.rows
    names = _by_frequency([r["person"] for r in rows])
    # The name to show: the fullest form, the most frequent among equally full ones (max
    # gives the first of equal ones).
    shown = max(names, key=lambda n: len(name_parts(n)[1] or "")) if len(names) > 1 else names[0]
    regions = _by_frequency([r.get("region") for r in rows])
    dates = {r["article_id"]: r.get("date") for r in rows}
    days = sorted(d[:10] for d in dates.values() if d)
    forms = dict.fromkeys(f for r in rows for f in (r.get("forms") or "").split(LIST_SEPARATOR) if f)
    return {
        "person": shown,
        "positions": LIST_SEPARATOR.join(_by_frequency([r.get("position") for r in rows])),
        "regions": LIST_SEPARATOR.join(regions),
        "countries": LIST_SEPARATOR.join(dict.fromkeys(countries[r] for r in regions if countries.get(r))),
        "articles": len(dates),
        "first_date": days[0] if days else None,
        "last_date": days[-1] if days else None,
        "forms": LIST_SEPARATOR.join(forms),
    }
