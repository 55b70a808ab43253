"""Facts the region gazetteer rules/regions.csv must keep.

Every analyst groups by the canonical names and codes in this file, so these
tests pin its shape, its codes (checked against pycountry's ISO 3166-2) and
a few rows and aliases taken from SPEC.md.
"""
import csv
from collections import Counter
from pathlib import Path

import pycountry
import pytest

from pipeline.extractors.gazetteer import gazetteer, region_countries

CSV_PATH = Path(__file__).resolve().parents[2] / "rules" / "regions.csv"
HEADER = ["name", "code", "country", "kind", "capital", "aliases"]
KINDS = {
    "oblast", "city", "republic", "krai", "autonomous_okrug", "autonomous_oblast",
    "province", "autonomous_region", "municipality", "sar", "aimag", "velayat", "region",
}


def _read():
    raw = CSV_PATH.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf"), "regions.csv must have no BOM"
    with CSV_PATH.open(encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        rows = [dict(zip(header, r)) for r in reader]
    return header, rows


HEADER_READ, ROWS = _read()
BY_NAME = {r["name"]: r for r in ROWS}


def _aliases(row):
    return [a for a in row["aliases"].split(";") if a]


def _key(s):
    return " ".join(s.lower().replace("ё", "е").split())


def _lookup():
    """normalised name or alias -> canonical name (the last one wins)."""
    out = {}
    for r in ROWS:
        for form in [r["name"], *_aliases(r)]:
            out[_key(form)] = r["name"]
    return out


LOOKUP = _lookup()


def test_header_exact():
    assert HEADER_READ == HEADER


def test_every_row_has_all_columns():
    for r in ROWS:
        assert len(r) == len(HEADER), r
        assert r["name"] and r["country"] and r["kind"], r
        assert r["name"] == r["name"].strip()


def test_kinds_and_capital_values():
    for r in ROWS:
        assert r["kind"] in KINDS, r
        assert r["capital"] in ("", "yes"), r


def test_names_unique():
    dup = [n for n, c in Counter(r["name"] for r in ROWS).items() if c > 1]
    assert dup == []


def test_codes_unique():
    codes = [r["code"] for r in ROWS if r["code"]]
    dup = [c for c, n in Counter(codes).items() if n > 1]
    assert dup == []


@pytest.mark.parametrize("row", [r for r in ROWS if r["code"]], ids=lambda r: r["code"])
def test_code_resolves_in_pycountry(row):
    sub = pycountry.subdivisions.get(code=row["code"])
    assert sub is not None, row["code"]
    assert sub.country_code == row["country"]
    assert row["code"].split("-")[0] == row["country"]
    assert sub.parent_code is None, "only first-level units belong here"


def test_country_codes_are_iso_alpha2():
    for c in {r["country"] for r in ROWS}:
        assert pycountry.countries.get(alpha_2=c) is not None, c


def test_no_form_maps_to_two_units():
    owner = {}
    clashes = []
    for r in ROWS:
        forms = {_key(f) for f in [r["name"], *_aliases(r)]}
        for f in forms:
            if f in owner and owner[f] != r["name"]:
                clashes.append((f, owner[f], r["name"]))
            owner[f] = r["name"]
    assert clashes == []


def test_no_alias_repeats_within_row_or_its_name():
    # case-insensitive but ё-sensitive: an ё spelling (Могилёвская) may stand beside the е one
    for r in ROWS:
        forms = [f.lower() for f in [r["name"], *_aliases(r)]]
        assert len(forms) == len(set(forms)), r["name"]


def test_aliases_are_clean():
    for r in ROWS:
        for a in _aliases(r):
            assert a == a.strip() and a, (r["name"], a)


@pytest.mark.parametrize("country,count", [
    ("KZ", 21), ("RU", 89), ("BY", 7), ("UZ", 14), ("KG", 9),
    ("TJ", 5), ("TM", 7), ("CN", 34), ("MN", 22),
])
def test_row_count_per_country(country, count):
    assert sum(r["country"] == country for r in ROWS) == count


@pytest.mark.parametrize("country", ["KZ", "RU", "UZ", "KG", "TJ", "TM", "BY", "CN", "MN"])
def test_every_iso_subdivision_is_listed(country):
    listed = {r["code"] for r in ROWS if r["country"] == country}
    iso = {s.code for s in pycountry.subdivisions.get(country_code=country) if s.parent_code is None}
    assert iso - listed == set()


def test_one_capital_per_country():
    caps = Counter(r["country"] for r in ROWS if r["capital"] == "yes")
    assert caps == {c: 1 for c in ["KZ", "RU", "UZ", "KG", "TJ", "TM", "BY", "CN", "MN"]}


@pytest.mark.parametrize("name,code,country,kind,capital", [
    ("Атырауская область", "KZ-23", "KZ", "oblast", ""),
    ("Восточно-Казахстанская область", "KZ-63", "KZ", "oblast", ""),
    ("Северо-Казахстанская область", "KZ-59", "KZ", "oblast", ""),
    ("Западно-Казахстанская область", "KZ-27", "KZ", "oblast", ""),
    ("Мангистауская область", "KZ-47", "KZ", "oblast", ""),
    ("Туркестанская область", "KZ-61", "KZ", "oblast", ""),
    ("область Абай", "KZ-10", "KZ", "oblast", ""),
    ("область Жетісу", "KZ-33", "KZ", "oblast", ""),
    ("область Ұлытау", "KZ-62", "KZ", "oblast", ""),
    ("Южно-Казахстанская область", "", "KZ", "oblast", ""),
    ("Астана", "KZ-71", "KZ", "city", "yes"),
    ("Алматы", "KZ-75", "KZ", "city", ""),
    ("Шымкент", "KZ-79", "KZ", "city", ""),
    ("Республика Татарстан", "RU-TA", "RU", "republic", ""),
    ("Республика Башкортостан", "RU-BA", "RU", "republic", ""),
    ("Республика Саха", "RU-SA", "RU", "republic", ""),
    ("Кемеровская область", "RU-KEM", "RU", "oblast", ""),
    ("Оренбургская область", "RU-ORE", "RU", "oblast", ""),
    ("Алтайский край", "RU-ALT", "RU", "krai", ""),
    ("Ханты-Мансийский автономный округ", "RU-KHM", "RU", "autonomous_okrug", ""),
    ("Еврейская автономная область", "RU-YEV", "RU", "autonomous_oblast", ""),
    ("Москва", "RU-MOW", "RU", "city", "yes"),
    ("Санкт-Петербург", "RU-SPE", "RU", "city", ""),
    ("Республика Крым", "", "RU", "republic", ""),
    ("Севастополь", "", "RU", "city", ""),
    ("Донецкая Народная Республика", "", "RU", "republic", ""),
    ("Луганская Народная Республика", "", "RU", "republic", ""),
    ("Запорожская область", "", "RU", "oblast", ""),
    ("Херсонская область", "", "RU", "oblast", ""),
    ("Ташкентская область", "UZ-TO", "UZ", "oblast", ""),
    ("Ташкент", "UZ-TK", "UZ", "city", "yes"),
    ("Республика Каракалпакстан", "UZ-QR", "UZ", "republic", ""),
    ("Сырдарьинская область", "UZ-SI", "UZ", "oblast", ""),
    ("Иссык-Кульская область", "KG-Y", "KG", "oblast", ""),
    ("Бишкек", "KG-GB", "KG", "city", "yes"),
    ("Ош", "KG-GO", "KG", "city", ""),
    ("Ошская область", "KG-O", "KG", "oblast", ""),
    ("Душанбе", "TJ-DU", "TJ", "city", "yes"),
    ("Ашхабад", "TM-S", "TM", "city", "yes"),
    ("Гродненская область", "BY-HR", "BY", "oblast", ""),
    ("Минск", "BY-HM", "BY", "city", "yes"),
    ("Минская область", "BY-MI", "BY", "oblast", ""),
    ("Синьцзян-Уйгурский автономный район", "CN-XJ", "CN", "autonomous_region", ""),
    ("провинция Ганьсу", "CN-GS", "CN", "province", ""),
    ("Пекин", "CN-BJ", "CN", "municipality", "yes"),
    ("Баян-Улгийский аймак", "MN-071", "MN", "aimag", ""),
    ("Улан-Батор", "MN-1", "MN", "city", "yes"),
])
def test_specific_rows(name, code, country, kind, capital):
    row = BY_NAME[name]
    assert (row["code"], row["country"], row["kind"], row["capital"]) == (code, country, kind, capital)


@pytest.mark.parametrize("alias,unit", [
    ("ВКО", "Восточно-Казахстанская область"),
    ("СКО", "Северо-Казахстанская область"),
    ("ЗКО", "Западно-Казахстанская область"),
    ("ЮКО", "Южно-Казахстанская область"),
    ("Восточный Казахстан", "Восточно-Казахстанская область"),
    ("Южный Казахстан", "Южно-Казахстанская область"),
    ("Прииртышье", "Павлодарская область"),
    ("Мангыстауская область", "Мангистауская область"),
    ("Кзыл-Ординская область", "Кызылординская область"),
    ("Абайская область", "область Абай"),
    ("Жетысуская область", "область Жетісу"),
    ("Улытауская область", "область Ұлытау"),
    ("Нур-Султан", "Астана"),
    ("Акмола", "Астана"),
    ("Целиноград", "Астана"),
    ("Алма-Ата", "Алматы"),
    ("Чимкент", "Шымкент"),
    ("Кузбасс", "Кемеровская область"),
    ("Югра", "Ханты-Мансийский автономный округ"),
    ("ХМАО", "Ханты-Мансийский автономный округ"),
    ("ЯНАО", "Ямало-Ненецкий автономный округ"),
    ("Кубань", "Краснодарский край"),
    ("Башкирия", "Республика Башкортостан"),
    ("Якутия", "Республика Саха"),
    ("Татарстан", "Республика Татарстан"),
    ("Северная Осетия", "Республика Северная Осетия"),
    ("Тува", "Республика Тыва"),
    ("Подмосковье", "Московская область"),
    ("Петербург", "Санкт-Петербург"),
    ("Оренбуржье", "Оренбургская область"),
    ("ГБАО", "Горно-Бадахшанская автономная область"),
    ("Ленинабадская область", "Согдийская область"),
    ("СУАР", "Синьцзян-Уйгурский автономный район"),
    ("Синьцзян", "Синьцзян-Уйгурский автономный район"),
    ("Ганьсу", "провинция Ганьсу"),
    ("Внутренняя Монголия", "автономный район Внутренняя Монголия"),
    ("Баян-Өлгий аймак", "Баян-Улгийский аймак"),
    ("Баян-Улгийский округ", "Баян-Улгийский аймак"),
])
def test_alias_resolves(alias, unit):
    assert alias in _aliases(BY_NAME[unit])
    assert LOOKUP[_key(alias)] == unit


@pytest.mark.parametrize("word", [
    # countries, ordinary cities and other non-units must never be a form of a unit
    "Казахстан", "Россия", "Китай", "Монголия", "РК", "НАО", "Тайвань",
    "Караганда", "Актобе", "Атырау", "Усть-Каменогорск", "Семей", "Оренбург",
    "Урумчи", "Самарканд", "Туркестан", "Нурсултан", "Абай", "Баян-Улгий", "Алтай",
])
def test_not_a_region_form(word):
    assert _key(word) not in LOOKUP


@pytest.mark.parametrize("region, country", [
    ("Павлодарская область", "KZ"), ("Омская область", "RU"), ("Минская область", "BY"),
    ("Ферганская область", "UZ"), ("Синьцзян-Уйгурский автономный район", "CN"),
])
def test_region_countries_are_the_gazetteers_own(region, country):
    assert region_countries()[region] == country
    assert region_countries() == {unit.name: unit.country for unit in gazetteer().units}
