from decimal import Decimal

import pytest

from pipeline.output.tables import build_tables
from pipeline.records import (
    Article,
    Extraction,
    Link,
    Memorandum,
    Official,
    Region,
    Sum,
)
from pipeline.tools.evaluate import person_key, score

GOLD = {
    "article_id": "a1",
    "published": "2018-08-29",
    "regions": ["Атырауская область", "Мангистауская область"],
    "officials": [
        {"person": "Нурлан Ногаев", "position": "аким", "region": "Атырауская область"},
        {"person": "Серик Ахметов", "position": "премьер-министр", "region": None},
    ],
    "sums": [{"amount": 1400000000000, "currency": "KZT"}, {"amount": 5, "currency": "USD"}],
    "memoranda": [1],
    "memoranda_unspecified": False,
    "links": [["Атырауская область", "Мангистауская область"]],
}


def region(name):
    return Region(name, "", "KZ", 1, (name,), 0, 1, "")


def official(person, position, region_name):
    return Official(person, position, None, region_name, 1, (person,), 0, 1, "")


@pytest.fixture()
def tables():
    article = Article("a1", "a1.txt", "текст", published="2018-08-29")
    extraction = Extraction(
        article,
        regions=[region("Атырауская область"), region("Алматы")],
        officials=[official("Нурлан Ногаев", "аким", "Атырауская область"),
                   official("С. Ахметов", "аким", None)],  # matches by surname + initial
        sums=[Sum(Decimal("1400000000000"), None, "KZT", None, "", 0, 1, "")],
        memoranda=[Memorandum(1, None, "меморандум", (), "", 0, 1, "")],
        links=[Link("Атырауская область", "Мангистауская область", "меморандум", 1, "")],
    )
    frames = build_tables([extraction], [])
    # Read back as the scorer does from CSV: every value a string.
    return {name: frame.astype("string").astype(object).where(frame.notna(), None)
            for name, frame in frames.items()}


def test_known_prediction_scores_known_figures(tables):
    scores = score([GOLD], tables)
    figures = {name: (s.tp, s.fp, s.fn) for name, s in scores.items()}
    assert figures == {
        "regions": (1, 1, 1),
        "officials": (2, 0, 0),
        "positions": (1, 1, 1),
        "official_regions": (2, 0, 0),
        "sums": (1, 0, 1),
        "memoranda": (1, 0, 0),
        "links": (1, 0, 0),
        "published": (1, 0, 0),
    }
    assert scores["regions"].precision == pytest.approx(0.5)
    assert scores["sums"].recall == pytest.approx(0.5)
    assert scores["sums"].f1 == pytest.approx(2 / 3)
    assert scores["regions"].misses == [
        "[regions] a1 missed: мангистауская область | extra: алматы"]


def test_an_empty_prediction_scores_zero_recall(tables):
    empty = {name: frame.iloc[0:0] for name, frame in tables.items()}
    scores = score([GOLD], empty)
    assert (scores["officials"].tp, scores["officials"].fn, scores["officials"].recall) == (0, 2, 0.0)


@pytest.mark.parametrize("name, key", [
    ("Юрий Берг", ("берг", "ю")),
    ("Ю.Берг", ("берг", "ю")),
    ("Ю. Берг", ("берг", "ю")),
    ("Пётр Семёнов", ("семенов", "п")),
    ("Ли Цян", ("цян", "л")),
])
def test_person_key_folds_initials_case_and_yo(name, key):
    assert person_key(name) == key
