import pytest

from pipeline.extract.names import (
    NameParts,
    full_name,
    gender_votes,
    split_name,
    surname_key,
)


@pytest.mark.parametrize("text, parts", [
    ("Нурлан Ногаев", NameParts("Нурлан", "Н", "Ногаев")),
    ("Ю.Берг", NameParts(None, "Ю", "Берг")),
    ("А. Мухамбетов", NameParts(None, "А", "Мухамбетов")),
    ("Нурсултан Абишевич Назарбаев", NameParts("Нурсултан", "Н", "Назарбаев")),
    ("Назарбаев Нурсултан Абишевич", NameParts("Нурсултан", "Н", "Назарбаев")),
    ("Собянин", NameParts(None, None, "Собянин")),
    ("Ли Цян", NameParts("Ли", "Л", "Цян")),
])
def test_split_name(text, parts):
    assert split_name(text) == parts


@pytest.mark.parametrize("forms", [
    ("Ахметов", "Ахметова", "Ахметову", "Ахметовым", "Ахметове"),
    ("Берг", "Берга", "Бергу", "Бергом"),
    ("Хоценко",),
])
def test_every_case_form_of_a_surname_has_one_key(forms):
    assert len({surname_key(f) for f in forms}) == 1


@pytest.mark.parametrize("text, cases, expected", [
    ("Ералы Тогжанова", {"gent"}, "Ералы Тогжанов"),
    ("Даниала Ахметова", {"gent"}, "Даниал Ахметов"),
    ("Асаином Байхановым", {"ablt"}, "Асаин Байханов"),
    ("Денисом Паслером", {"ablt"}, "Денис Паслер"),
    ("Виталием Хоценко", {"ablt"}, "Виталий Хоценко"),
    ("Андрея Травникова", {"gent"}, "Андрей Травников"),
    ("Гульшара Абдыкаликова", {"nomn"}, "Гульшара Абдыкаликова"),
    ("Гульшары Абдыкаликовой", {"gent"}, "Гульшара Абдыкаликова"),
    ("Марии Ивановой", {"gent"}, "Мария Иванова"),
    ("Касым-Жомарта Токаева", {"gent"}, "Касым-Жомарт Токаев"),
    ("Ю.Берга", {"gent"}, "Ю. Берг"),
    ("Ма Синжуем", {"ablt"}, "Ма Синжуй"),
    ("Тосио Камиямой", {"ablt"}, "Тосио Камияма"),
])
def test_full_name_in_the_nominative(text, cases, expected):
    parts, cases = split_name(text), frozenset(cases)
    votes = gender_votes(parts, cases)
    gender = "femn" if votes["femn"] > votes["masc"] else "masc"
    assert full_name(parts, gender, cases) == expected
