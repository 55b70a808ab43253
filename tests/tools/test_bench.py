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


def test_the_ratio_to_natasha_is_the_median_pair_by_wall_and_by_cpu_time():
    from pipeline.tools.bench import _pair_ratios
    pairs = {"a": [{"seconds": 10, "cpu": 8}, {"seconds": 12, "cpu": 9}, {"seconds": 11, "cpu": 8}],
             "c": [{"seconds": 15, "cpu": 12}, {"seconds": 15, "cpu": 12}, {"seconds": 22, "cpu": 12}]}
    rows = {r["run"]: r for r in _pair_ratios(pairs)}
    wall = rows["a/c wall"]
    assert (wall["ratio"], wall["ratio_min"], wall["ratio_max"]) == (1.5, 1.25, 2.0)
    assert (rows["a/c CPU"]["ratio"], rows["a/c CPU"]["ratio_min"], rows["a/c CPU"]["runs"]) == (1.5, 1.333, 3)


def test_ours_and_natasha_run_in_turn_and_the_row_is_the_median_run(monkeypatch, tmp_path):
    from pipeline.tools import bench
    order, seconds = [], iter([30, 40, 10, 41, 20, 42])
    monkeypatch.setattr(bench, "measure", lambda mode, *args: order.append(mode) or {"seconds": next(seconds)})
    pairs = {"a": [], "c": []}
    assert bench._in_turn("a", ["a", "c"], 3, tmp_path, tmp_path, pairs) == {"seconds": 20}
    assert order == ["ours", "natasha"] * 3
    assert bench._in_turn("c", ["a", "c"], 3, tmp_path, tmp_path, pairs) == {"seconds": 41}
    assert len(order) == 6  # (c) was measured beside (a), not again
