import pytest

from pipeline.extractors.deal_windows import deals, parser, windows

WINDOWS = [
    ("Стороны подписали 3 меморандума о сотрудничестве.", ["3 меморандума"]),
    ("Подписаны более 20 двусторонних рамочных соглашений и меморандумов.",
     ["более 20 двусторонних рамочных соглашений и меморандумов"]),
    ("Делегации заключили ряд договоров, а также приняли совместное заявление.",
     ["ряд договоров,", "совместное заявление"]),
    ("Утвержден план мероприятий на два года.", ["план мероприятий"]),
    ("Министры обсудили дорожную карту.", ["дорожную карту"]),
    ("Губернатор посетил новый завод.", []),  # no document noun: nothing to parse
    ("Подписано двадцать пять протоколов.", ["двадцать пять протоколов"]),
]


@pytest.mark.parametrize("text, expected", WINDOWS)
def test_the_parser_reads_only_runs_of_its_words_that_hold_a_document_noun(text, expected):
    assert [text[a:b] for a, b in windows(text)] == expected


SENTENCES = [text for text, expected in WINDOWS if expected] + [
    "Регионы подписали 9 межрегиональных и коммерческих соглашений, а города — 4 протокола.",
    "Не менее 7 меморандумов и план действий подписаны в Астане, ещё около 10 договоров готовятся.",
    "Было подписано соглашение, протокол и меморандум о взаимопонимании.",
]


def spans(matches):
    return [((m.span.start, m.span.stop), [(t.value, t.span.start) for t in m.tokens],
             m.fact.numbers, m.fact.documents, m.fact.qualifier, m.fact.uncounted) for m in matches]


@pytest.mark.parametrize("text", SENTENCES)
def test_matches_inside_windows_are_those_over_the_whole_sentence(text):
    offset = 100  # a sentence further into a document: offsets move with it
    whole = [(((a + offset, b + offset), [(v, s + offset) for v, s in tokens]), *rest)
             for (a, b), tokens, *rest in spans(parser().findall(text))]
    assert [(((a, b), tokens), *rest) for (a, b), tokens, *rest in spans(deals(text, offset))] == whole
    assert whole  # every sentence names a document


def test_a_cached_window_gives_fresh_offsets_each_time():
    text = "Подписано 5 соглашений."
    first, again = list(deals(text, 0)), list(deals(text, 40))
    assert (first[0].span.start, again[0].span.start) == (10, 50)
    assert (first[0].tokens[0].span.start, again[0].tokens[0].span.start) == (10, 50)
