"""pipeline/ner.py: natasha's NER model on our tokens gives natasha's own tags and spans."""
import numpy as np
import pytest

from pipeline import ner, nlp
from pipeline.ner import bio_spans, viterbi
from pipeline.records import Article


@pytest.mark.parametrize("length, padded", [(1, 0), (2, 0), (9, 0), (60, 0), (9, 3)])
def test_viterbi_decodes_as_slovnets_crf(length, padded):
    crf = nlp.ner_tagger().infer.model.head.crf
    rng = np.random.default_rng(length)
    emissions = rng.normal(size=(1, length + padded, 8)).astype(np.float32)
    mask = np.arange(length + padded) < length
    [expected] = crf.decode(emissions, mask[None, :])
    assert viterbi(emissions[0], mask, crf.transitions.array) == list(expected)


@pytest.mark.parametrize("tags, expected", [
    (["O", "B-PER", "I-PER", "O"], [("PER", 1, 3)]),
    (["B-LOC", "B-LOC", "I-LOC"], [("LOC", 0, 1), ("LOC", 1, 3)]),
    (["I-ORG", "O", "B-ORG"], [("ORG", 2, 3)]),  # an I without its B starts nothing
    (["B-PER", "I-PER"], [("PER", 0, 2)]),
    (["<pad>", "O"], []),
])
def test_bio_spans_read_as_slovnet_reads_them(tags, expected):
    starts = list(range(len(tags)))
    assert bio_spans(tags, starts, [s + 1 for s in starts]) == expected


@pytest.mark.parametrize("text, expected", [
    ("Губернатор Омской области Иван Петров встретился с послом Франции в Москве.",
     [("LOC", "Омской области"), ("PER", "Иван Петров"), ("LOC", "Франции"), ("LOC", "Москве")]),
    ("Компания «Газпром» и акимат Алматы подписали меморандум.", [("ORG", "Газпром"), ("LOC", "Алматы")]),
    ("Погода хорошая.", []),
])
def test_spans_on_the_docs_tokens_are_natashas(text, expected):
    from natasha import NewsNERTagger
    doc = nlp.analyze(Article("a", "a", text))
    assert [(s.type, s.text) for s in doc.spans] == expected
    natasha = NewsNERTagger(ner.embedding())(text).spans
    assert [(s.type, s.start, s.stop) for s in natasha] == [(s.type, s.start, s.end) for s in doc.spans]


@pytest.mark.parametrize("length", [1, 2, 3, 40, 700])
def test_the_forward_pass_gives_slovnets_emissions_bit_for_bit(length):
    from pipeline.ner import _forward
    tagger = nlp.ner_tagger()
    rng = np.random.default_rng(length)
    word_id, shape_id = rng.integers(0, 250_000, size=(1, length)), rng.integers(0, 20, size=(1, length))
    pad_mask = word_id == tagger.pad_id
    expected = tagger.infer.model(word_id, shape_id, pad_mask)
    assert _forward(tagger.infer.model, word_id, shape_id, pad_mask).tobytes() == expected.tobytes()
