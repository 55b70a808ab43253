from pipeline.nlp import lemmas, split_sentences, yargy_tokenizer


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
