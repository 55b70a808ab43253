"""One row per person over the corpus: the forms of one name join, namesakes in other regions don't."""
import pytest

from pipeline.corpus.people import name_parts, people_rows, surname

ORENBURG, KURSK = "Оренбургская область", "Курская область"
COUNTRIES = {ORENBURG: "RU", KURSK: "RU", "Атырауская область": "KZ"}


def official(article_id, person, position="губернатор", region=ORENBURG, forms=None):
    return {"article_id": article_id, "person": person, "position": position, "region": region,
            "forms": forms or person}


def people(rows, dates=None):
    """people_rows over `rows` dated by `dates` (article → date), fed as the row store feeds them."""
    dated = sorted(({**row, "date": (dates or {}).get(row["article_id"])} for row in rows),
                   key=lambda row: surname(row["person"]))
    return sorted(people_rows(dated, COUNTRIES), key=lambda r: (r["person"], r["regions"]))


@pytest.mark.parametrize("person, parts", [
    ("Юрий Берг", ("берг", "юрий")),
    ("Ю. Берг", ("берг", "ю")),
    ("Ю.Берг", ("берг", "ю")),
    ("Берг", ("берг", None)),
    ("Пётр Семёнов", ("семенов", "петр")),
])
def test_name_parts(person, parts):
    assert name_parts(person) == parts


def test_the_same_official_in_several_articles_is_one_row():
    rows = people([official("a1", "Юрий Берг", forms="Юрий Берг; Ю.Берг"),
                   official("a2", "Ю. Берг"),
                   official("a3", "Берг", region=None),
                   official("a4", "Юрий Берг", position="врио губернатора")],
                  {"a1": "2019-03-05", "a2": "2018-08-29", "a3": None, "a4": "2020-01-10"})
    assert rows == [{"person": "Юрий Берг", "positions": "губернатор; врио губернатора", "regions": ORENBURG,
                     "countries": "RU", "articles": 4, "first_date": "2018-08-29", "last_date": "2020-01-10",
                     "forms": "Юрий Берг; Ю.Берг; Ю. Берг; Берг"}]


def test_one_surname_in_two_regions_is_two_people():
    rows = people([official("a1", "Иван Петров"), official("a2", "Иван Петров", region=KURSK),
                   official("a3", "И. Петров", region=KURSK)])
    assert [(r["person"], r["regions"], r["articles"]) for r in rows] == [
        ("Иван Петров", KURSK, 2), ("Иван Петров", ORENBURG, 1)]


def test_different_first_names_are_different_people():
    rows = people([official("a1", "Иван Петров"), official("a2", "Олег Петров"), official("a3", "О. Петров")])
    assert [(r["person"], r["articles"]) for r in rows] == [("Иван Петров", 1), ("Олег Петров", 2)]


def test_a_bare_surname_that_fits_two_people_is_not_guessed():
    rows = people([official("a1", "Иван Петров", region=KURSK), official("a2", "Олег Петров"),
                   official("a3", "Петров", region=None)])
    assert [r["person"] for r in rows] == ["Иван Петров", "Олег Петров", "Петров"]


def test_one_article_counts_once_and_no_dates_leave_dates_empty():
    rows = people([official("a1", "Нурлан Ногаев", "аким", "Атырауская область"),
                   official("a1", "Н. Ногаев", "аким", "Атырауская область")])
    assert [(r["articles"], r["countries"], r["first_date"], r["last_date"]) for r in rows] == [(1, "KZ", None, None)]


def test_a_national_office_has_no_region_nor_country():
    rows = people([official("a1", "Роман Скляр", "вице-премьер", None)])
    assert (rows[0]["regions"], rows[0]["countries"], rows[0]["positions"]) == ("", "", "вице-премьер")
