"""read/normalize.py: text as read, words made whole for analysis, offsets mapped back."""
from __future__ import annotations

import unicodedata

import pytest

from pipeline.engine.run import extract_article
from pipeline.read.normalize import as_read, for_analysis, one_line, visible
from pipeline.records import Article


@pytest.mark.parametrize("raw,expected", [
    ("\ufeffстрока\r\nвторая\rтретья", "строка\nвторая\nтретья"),
    ("на\x00ль\x07 и\x1b[0m\x9b конец\t\n", "наль и[0m конец\t\n"),
    ("страница\fвторая\u2028третья\x85", "страница\nвторая\nтретья\n"),
    ("потеря\ud800 знака", "потеря\ufffd знака"),
])
def test_as_read(raw, expected):
    assert as_read(raw) == expected


def test_one_line_and_visible():
    assert one_line("  Заго\u00adловок\n  второй\u200b строкой ") == "Заголовок второй строкой"
    assert one_line("   ") is None
    assert visible("a\udcffb\nc\ud800") == "a\\xffb\\x0ac\\ud800"


@pytest.mark.parametrize("raw,analysed", [
    ("Но\u00adгаев", "Ногаев"),
    ("Ак\u200bто\u200c\u200dбе", "Актобе"),
    ("\ufeffАтырау\u200f \u200eобласть", "Атырау область"),
    ("Серге\u0438\u0306 Ива\u0301нов", "Сергей Иванов"),
    ("Е\u0308лкин Ногa\u0301ев е\u0300ще", "Ёлкин Ногаев еще"),
    ("Ногaев Aтырау Kостанай", "Ногаев Атырау Костанай"),
    ("iPhone, Web-сайт, Qазақстан, Алматы 2GIS", "iPhone, Web-сайт, Qазақстан, Алматы 2GIS"),
    ("40 млн&nbsp;тенге", "40 млн\u00a0тенге"),
    ("&laquo;Самрук&raquo; &#8212; фонд, AT&amp;T", "«Самрук» — фонд, AT&T"),
    ("&copy2020; &foo; AT&T; a &nbsp b", "&copy2020; &foo; AT&T; a &nbsp b"),  # no references
])
def test_for_analysis(raw, analysed):
    assert for_analysis(raw).text == analysed


def test_offsets_map_back_to_the_text_as_read():
    raw = "\u200bАким Серге\u0438\u0306 Но\u00adгаев\u200f."
    analysis = for_analysis(raw)
    assert analysis.text == "Аким Сергей Ногаев."
    for word, original in [("Аким", "Аким"), ("Сергей", "Серге\u0438\u0306"),
                           ("Ногаев", "Но\u00adгаев"), (".", ".")]:
        start = analysis.text.index(word)
        assert raw[analysis.start(start):analysis.end(start + len(word))] == original


def test_a_sum_across_a_character_reference_maps_back_to_it():
    raw = "Бюджет&nbsp;— 40&nbsp;млн&nbsp;тенге на ремонт."
    (found,) = extract_article(Article("t", "t", raw)).sums
    assert (found.amount, found.currency) == (40_000_000, "KZT")
    assert raw[found.start:found.end] == "40&nbsp;млн&nbsp;тенге"


SENTENCE = "Аким Туркестанской области Ержан Бекболатов посетил Шымкент вместе с министром."
KINDS = {  # (official's words as written, region's words as written)
    "soft hyphen": ("Ержан Бекбо\u00adлатов", "Туркестан\u00adской области"),
    "zero-width space": ("Ер\u200bжан Бекболатов", "Турке\u200bстанской области"),
    "zero-width joiners": ("Ержан Бек\u200d\u200cболатов", "Туркестанс\u200dкой области"),
    "BOM inside": ("Ержан Бекбола\ufeffтов", "Туркестан\ufeffской области"),
    "direction marks": ("\u200fЕржан Бекболатов\u200e", "\u200eТуркестанской\u200f области"),
    "stress marks": ("Ержа\u0301н Бекбо\u0301латов", "Туркеста\u0301нской области"),
    "Latin look-alikes": ("Epжaн Бeкбoлaтoв", "Tуpкecтaнcкoй oблacти"),
}


@pytest.mark.parametrize("kind", KINDS)
def test_official_and_region_are_found_through_odd_characters(kind):
    person, region = KINDS[kind]
    text = SENTENCE.replace("Ержан Бекболатов", person).replace("Туркестанской области", region)
    extraction = extract_article(Article("t", "t", text))
    [official] = extraction.officials
    assert (official.person, official.position, official.region) == (
        "Ержан Бекболатов", "аким", "Туркестанская область")
    assert text[official.start:official.end].strip("\u200e\u200f") == person.strip("\u200e\u200f")
    assert "Туркестанская область" in [r.region for r in extraction.regions]
    [found] = [r for r in extraction.regions if r.region == "Туркестанская область"]
    assert text[found.start:found.end].strip("\u200e\u200f") == region.strip("\u200e\u200f")


def test_a_text_in_nfd_reads_its_short_i():
    text = unicodedata.normalize("NFD", "Губернатор Курганской области Андрей Йолдин прибыл.")
    assert len(text) > len(unicodedata.normalize("NFC", text))
    [official] = extract_article(Article("t", "t", text)).officials
    assert official.person == "Андрей Йолдин"
    assert unicodedata.normalize("NFC", text[official.start:official.end]) == "Андрей Йолдин"
