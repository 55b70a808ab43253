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
