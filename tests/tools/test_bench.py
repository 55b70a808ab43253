from pathlib import Path

from pipeline.tools.bench_corpus import make_corpus, paragraphs, source_folders
from pipeline.tools.bench_stages import EXTRACT_STAGES, stage_costs

SAMPLES = Path(__file__).resolve().parents[2] / "data" / "articles"


def test_a_long_one_line_text_is_cut_into_pieces_of_whole_sentences():
    sentence = "Аким области провёл встречу с инвесторами из соседнего региона. "
    pieces = paragraphs("Заголовок\n\n" + sentence * 60)
    assert pieces[0] == "Заголовок"
    assert len(pieces) > 3
    assert all(p.endswith(".") for p in pieces[1:])


def test_the_corpus_is_new_texts_made_of_real_paragraphs_and_the_same_for_the_same_seed(tmp_path):
    make_corpus(tmp_path / "one", 12, [SAMPLES])
    make_corpus(tmp_path / "two", 12, [SAMPLES])
    one = [p.read_text(encoding="utf-8") for p in sorted((tmp_path / "one").glob("*.txt"))]
    two = [p.read_text(encoding="utf-8") for p in sorted((tmp_path / "two").glob("*.txt"))]
    assert one == two
    assert len(set(one)) == 12
    sources = {p.read_text(encoding="utf-8") for p in SAMPLES.glob("*.txt")}
    assert not sources & set(one)


def test_the_sources_are_the_samples_first():
    assert source_folders()[0] == SAMPLES


def test_every_stage_is_timed(tmp_path):
    costs = stage_costs(SAMPLES, limit=2)
    assert costs["articles"] == 2
    stages = ["read"] + [s for s, _, _ in EXTRACT_STAGES] + ["tables", "report.html", "extract.xlsx"]
    assert [k for k in costs if k not in ("articles", "model load (s)")] == stages
    assert all(costs[s] > 0 for s in stages if s != "read")
