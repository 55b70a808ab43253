import pytest
from razdel import tokenize

from pipeline.nlp import MAX_SENTENCE, mark_line_ends, analyze, lemmas, split_sentences, yargy_tokenizer
from pipeline.records import Article


def test_lines_end_sentences_and_offsets_index_the_text():
    text = "Заголовок без точки\n\n12 марта 2021\nПервое предложение. Второе предложение."
    sentences = list(split_sentences(text))
    assert [s.text for s in sentences] == [
        "Заголовок без точки", "12 марта 2021", "Первое предложение.", "Второе предложение."]
    assert all(text[s.start:s.end] == s.text for s in sentences)


def test_lemmas_cover_every_reading():
    assert {"астана", "область"} <= lemmas("Астаны") | lemmas("областей")


def test_yargy_tokenizer_is_backed_by_pymorphy3():
    import pymorphy3
    assert isinstance(yargy_tokenizer().morph.raw, pymorphy3.MorphAnalyzer)


def test_syntax_is_parsed_per_sentence_on_demand_and_indexes_doc_tokens(make_doc):
    doc = make_doc("Погода была ясной. Президент назначил Ерлана Касымова акимом области.")
    assert doc._syntax == {}  # nothing parsed until a stage asks
    syntax = doc.syntax(1)
    assert doc.syntax(1) is syntax and set(doc._syntax) == {1}
    index = {doc.tokens[k].text: k for k in syntax.words}
    assert syntax.head(index["Ерлана"]) == index["назначил"] and syntax.rel(index["Ерлана"]) == "obj"
    assert syntax.words[index["Ерлана"]].case == "accs"
    assert syntax.words[index["акимом"]].case == "ablt"
    assert syntax.head(index["назначил"]) is None
    assert syntax.root(index["Ерлана"], index["Касымова"] + 1) == index["Ерлана"]
def test_spans_covering_and_within_find_what_a_scan_finds():
    import random

    from pipeline.nlp import Doc, NerSpan
    rng = random.Random(7)
    spans = []
    for _ in range(300):
        start = rng.randrange(0, 2000)
        spans.append(NerSpan(rng.choice(["PER", "LOC", "ORG"]), start, start + rng.randrange(1, 40), ""))
    doc = Doc(Article("a", "a", "x" * 2100), "x" * 2100, [], [], spans)
    for _ in range(500):
        start = rng.randrange(0, 2000)
        end = start + rng.randrange(0, 10)
        kind = rng.choice(["PER", "LOC", None])
        covering = sorted((s for s in spans if s.start <= start and end <= s.end
                           and kind in (None, s.type)), key=lambda s: (s.start, s.end))
        assert doc.spans_covering(start, end, kind) == covering
        within = sorted((s for s in spans if start <= s.start and s.end <= end + 30),
                        key=lambda s: (s.start, s.end))
        assert doc.spans_within(start, end + 30) == within


def test_a_sentence_without_full_stops_is_cut_into_bounded_pieces():
    text = " ".join(["слово"] * 3000)  # 18 KB, one razdel sentence
    sentences = list(split_sentences(text))
    assert len(sentences) == 4 and max(len(s.text) for s in sentences) <= MAX_SENTENCE
    assert "".join(s.text for s in sentences) == text
    assert all(text[s.start:s.end] == s.text and s.text.endswith(" ") for s in sentences[:-1])


def test_a_long_text_goes_through_ner_in_pieces_with_offsets_into_the_text(monkeypatch):
    from pipeline import nlp
    paragraph = "Аким Павлодарской области Иван Петров приехал в Омск. "
    text = paragraph * 600  # 33 KB
    seen = []
    tagger = nlp.ner_tagger()

    class Counting:
        def spans(self, words, starts, stops):
            seen.append(stops[-1] - starts[0])
            return tagger.spans(words, starts, stops)

    monkeypatch.setattr(nlp, "ner_tagger", Counting)
    doc = analyze(Article("a", "a", text))
    assert len(seen) == 2 and max(seen) <= nlp.NER_PIECE + MAX_SENTENCE
    assert all(text[s.start:s.end] == s.text for s in doc.spans)
    assert sum(s.text == "Иван Петров" for s in doc.spans) == 600




@pytest.mark.parametrize("text, expected", [
    ("раз 12 слово два, три", ["12", "два, три"]),
    ("12 34", ["12 34"]),
    ("слово", []),
])
def test_token_runs_are_the_longest_runs_of_usable_tokens(text, expected):
    from pipeline.nlp import token_runs
    usable = lambda token: token.type == "INT" or token.value in {"два", "три", ","}  # noqa: E731
    runs = list(token_runs(yargy_tokenizer(), text, usable))
    assert [text[a:b] for a, b, _ in runs] == expected
    assert all([t.value for t in tokens] == text[a:b].replace(",", " ,").split() for a, b, tokens in runs)


@pytest.mark.parametrize("word", ["Сергеем", "Ногаев", "губернатора", "ёлка", "Шымкент", "qwerty"])
def test_parses_answer_is_known_as_pymorphy3_does(word):
    import pymorphy3
    from pipeline.nlp import parse
    plain = pymorphy3.MorphAnalyzer().parse(word)
    assert [(p.normal_form, p.is_known) for p in parse(word)] == [(p.normal_form, p.is_known) for p in plain]


def test_no_ner_span_runs_over_an_unpunctuated_line_end():
    # A headline without a full stop above a date line: a name, then a place, not one span.
    text = "Губернатор встретился с Архимедом Мухамбетовым\nЧелябинск, 5 мая 2023\nВстреча прошла в правительстве."
    assert [(s.type, s.text) for s in analyze(Article("a", "a", text)).spans] == [
        ("PER", "Архимедом Мухамбетовым"), ("LOC", "Челябинск")]


@pytest.mark.parametrize("text, expected", [
    ("Иван Петров\nОмск", ["Иван", "Петров", ".", "Омск"]),  # a full stop of no width at the break
    ("Иван Петров.\nОмск", ["Иван", "Петров", ".", "Омск"]),  # the line's own: nothing added
    ("Иван Петров:\n\nОмск", ["Иван", "Петров", ":", "Омск"]),
    ("Иван Петров Омск", ["Иван", "Петров", "Омск"]),
])
def test_the_tagger_reads_a_full_stop_where_a_line_ends_without_one(text, expected):
    words = [(t.text, t.start, t.stop) for t in tokenize(text)]
    assert [word for word, _, _ in mark_line_ends(text, words)] == expected
