"""The local engines: 1 worker in process vs a process pool, streaming, failures, input counts."""
from pathlib import Path

import pytest

from pipeline.engine import batch, engines, run
from pipeline.output import tables
from pipeline.read.inputs import read_inputs
from pipeline.records import Article, Extraction, ReadError

SAMPLES = Path(__file__).resolve().parents[2] / "data" / "articles"


def sample_articles() -> list[Article]:
    return [a for a in read_inputs([SAMPLES]) if isinstance(a, Article)]


def csv_tables(results: batch.Results) -> dict[str, str]:
    """Every table as the CSV text the pipeline writes."""
    frames = tables.build_tables(results, results.errors)
    return {name: frame.to_csv(index=False, lineterminator="\n") for name, frame in frames.items()}


@pytest.fixture(scope="module")
def one_worker():
    with batch.run(sample_articles(), None, workers=1) as results:
        yield results, csv_tables(results)


def test_samples_are_five_articles():
    assert [a.article_id for a in sample_articles()] == sorted(p.stem for p in SAMPLES.glob("*.txt"))
    assert len(sample_articles()) == 5


def test_two_workers_write_the_same_tables_as_one_whatever_the_input_order(one_worker, monkeypatch):
    results, expected = one_worker
    assert (results.computed, results.cached, results.errors) == (5, 0, [])
    monkeypatch.setattr(engines, "RECYCLE_AFTER", 2)  # workers are replaced mid-run: same tables
    monkeypatch.setattr(engines, "IN_PROCESS_PER_WORKER", 1)  # five articles do start a pool
    with batch.run(reversed(sample_articles()), None, workers=2) as pooled:
        assert (pooled.computed, pooled.cached, pooled.errors) == (5, 0, [])
        assert csv_tables(pooled) == expected
        # the extractions come back in input order, whoever finished first
        assert [ex.article.article_id for ex in pooled] == \
               [a.article_id for a in reversed(sample_articles())]
    assert expected["regions"].count("\n") > 5  # the tables are not trivially empty


@pytest.mark.parametrize("new, pools", [(3, 0), (4, 1)])
def test_a_pool_starts_only_for_enough_new_articles(monkeypatch, new, pools):
    started = []
    monkeypatch.setattr(engines, "IN_PROCESS_PER_WORKER", 2)
    monkeypatch.setattr(engines, "_one_pool", lambda pairs, workers, extract:
                        started.append(workers) or ((key, extract(a)) for key, a in pairs))
    pairs = [(str(i), Article(str(i), f"{i}.txt", "Текст.")) for i in range(new)]
    done = list(engines.compute(iter(pairs), workers=2))
    assert (sorted(key for key, _ in done), len(started)) == ([str(i) for i in range(new)], pools)


def test_results_can_be_iterated_again_one_extraction_at_a_time(one_worker):
    results, _ = one_worker
    first = [ex.article.article_id for ex in results]
    again = list(results)
    assert first == [ex.article.article_id for ex in again] == [a.article_id for a in sample_articles()]
    assert all(isinstance(ex, Extraction) for ex in again)
    assert again[0] is not list(results)[0]  # read back from the spool, not held in memory


def test_a_crash_on_one_article_is_an_error_row_and_the_others_go_on(monkeypatch, one_worker):
    real = run.extract_article

    def flaky(article):
        if article.article_id == "boom":
            raise ValueError("bad token")
        return real(article)

    monkeypatch.setattr(run, "extract_article", flaky)
    articles = [Article("boom", "boom.txt", "Аким области подписал меморандум."),
                ReadError("unreadable", "x.pdf", "binary content"), sample_articles()[0]]
    with batch.run(articles, None, workers=1) as results:
        assert [e.error for e in results.errors] == [
            "binary content", "extraction failed: ValueError: bad token"]
        assert [ex.article.article_id for ex in results] == [sample_articles()[0].article_id]
        assert results.articles == 3
        frames = tables.build_tables(results, results.errors)
    assert sorted(frames["errors"]["article_id"]) == ["boom", "unreadable"]
    assert dict(zip(frames["articles"]["article_id"], frames["articles"]["status"])) == {
        "boom": "error", "unreadable": "error", sample_articles()[0].article_id: "ok"}


def test_the_same_article_twice_is_extracted_once_and_listed_twice(one_worker):
    article = sample_articles()[0]
    with batch.run([article, article], None, workers=1) as results:
        assert results.computed == 1
        assert [ex.article.article_id for ex in results] == [article.article_id] * 2


def test_unknown_engine_is_refused():
    with pytest.raises(ValueError, match="unknown engine"):
        list(engines.compute([], engine="spark"))


def test_expected_articles_counts_files_and_gives_up_on_batches(tmp_path):
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.html").write_text("x")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "c.txt").write_text("x")
    assert batch.expected_articles([tmp_path]) == 2
    (tmp_path / "batch.jsonl").write_text("{}")
    assert batch.expected_articles([tmp_path]) is None


def test_default_workers_is_every_core_we_may_use():
    assert engines.default_workers() >= 1
    assert engines.default_workers() == len(__import__("os").sched_getaffinity(0))
