"""Reruns: unchanged files are not read again, kept rows are not decoded again, and every
table is byte for byte what a run without the cache writes, whatever was added, removed or edited."""
import csv
import io
import json
import os
import time

import pandas as pd
import pytest

from pipeline import cli
from pipeline.corpus.duplicates import fingerprint
from pipeline.engine import batch, run
from pipeline.engine.cache import Cache
from pipeline.output import tables
from pipeline.read import inputs
from pipeline.records import Article, Extraction

STORY = ("Аким Павлодарской области Ерлан Сатыбалдин и губернатор Омской области Виктор Петров "
         "подписали в Омске меморандум о сотрудничестве в сфере туризма. Стороны договорились "
         "о поставках зерна на 5 млн долларов. Товарооборот регионов вырос на треть.")
OTHER = ("Глава Алматинской области Марат Сагинов подписал с губернатором Новосибирской области "
         "Андреем Травниковым 3 соглашения. Инвестиции составят 700 млн тенге в течение двух лет.")
THIRD = ("Министр сельского хозяйства Казахстана Айдар Жумабеков провел встречу с фермерами "
         "Костанайской области. Субсидии выросли на 12 млрд тенге.")


@pytest.fixture()
def corpus(tmp_path, monkeypatch):
    monkeypatch.setattr(inputs, "RACY_NS", 0)  # the files below are seconds old, not two
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "b_story.txt").write_text(STORY, encoding="utf-8")
    (folder / "c_other.txt").write_text(OTHER, encoding="utf-8")
    rows = [{"id": "b_story", "text": THIRD}, {"id": "j2", "text": "Заголовок.\n" + STORY}]
    (folder / "d_batch.jsonl").write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n{broken\n", encoding="utf-8")
    (folder / "e_empty.txt").write_bytes(b"")
    time.sleep(0.05)  # an edit below lands in a later timestamp tick than the first read
    return folder


@pytest.fixture()
def reads(monkeypatch):
    """The files each run opens."""
    opened = []
    real = inputs.read_file

    def counting(path, *args):
        opened.append(path.name)
        return real(path, *args)
    monkeypatch.setattr(inputs, "read_file", counting)
    return opened


def extract(folder, out, *extra) -> dict[str, bytes]:
    assert cli.main(["extract", str(folder), "--out", str(out), "--workers", "1", "--quiet",
                     "--formats", "csv", *extra]) == 1  # the broken row and the empty file
    return {p.name: p.read_bytes() for p in sorted(out.glob("*.csv"))}


def fresh(folder, tmp_path) -> dict[str, bytes]:
    return extract(folder, tmp_path / "fresh", "--no-cache")


def test_a_rerun_reads_no_unchanged_file_and_writes_the_same_bytes(corpus, tmp_path, reads, capsys):
    first = extract(corpus, tmp_path / "out")
    assert sorted(reads) == ["b_story.txt", "c_other.txt", "d_batch.jsonl", "e_empty.txt"]
    reads.clear()
    again = extract(corpus, tmp_path / "out")
    assert (reads, again) == ([], first)
    assert "4 from the cache, 0 extracted" in capsys.readouterr().err
    assert first == fresh(corpus, tmp_path)
    assert statuses(first) == {"b_story": ("", "ok"), "b_story~2": ("", "ok"), "c_other": ("", "ok"),
                               "d_batch#3": ("", "error"), "e_empty": ("", "error"), "j2": ("b_story", "ok")}


def statuses(tables: dict[str, bytes]) -> dict[str, tuple[str, str]]:
    """article_id → (duplicate_of, status) of articles.csv."""
    rows = csv.DictReader(io.StringIO(tables["articles.csv"].decode("utf-8-sig")))
    return {row["article_id"]: (row["duplicate_of"], row["status"]) for row in rows}


def edit_same_size(path, old, new):
    """Rewrites a word with another of the same length, the mtime set back to what it was."""
    stat = path.stat()
    text = path.read_text(encoding="utf-8")
    assert len(old.encode()) == len(new.encode()) and old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert path.stat().st_size == stat.st_size


@pytest.mark.parametrize("change, read_again, reposts", [
    # a repost read before its original: it is the story's first copy now
    (lambda f: (f / "a_repost.txt").write_text("Омск, 5 мая.\n" + STORY, encoding="utf-8"), ["a_repost.txt"],
     {"b_story": "a_repost", "j2": "a_repost"}),
    (lambda f: (f / "c_other.txt").unlink(), [], {"j2": "b_story"}),
    # the batch's row `b_story` keeps its id now: another key, the batch is read again
    (lambda f: (f / "b_story.txt").unlink(), ["d_batch.jsonl"], {}),
    (lambda f: edit_same_size(f / "c_other.txt", "Сагинов", "Сапаров"), ["c_other.txt"], {"j2": "b_story"}),
    (lambda f: (f / "c_other.txt").write_text(OTHER + " Итоги подведут в мае.", encoding="utf-8"),
     ["c_other.txt"], {"j2": "b_story"}),
    (lambda f: (f / "d_batch.jsonl").write_text(json.dumps({"id": "j9", "text": STORY}, ensure_ascii=False),
                                                encoding="utf-8"), ["d_batch.jsonl"], {"j9": "b_story"}),
    # the file that was empty now holds the batch's first story
    (lambda f: (f / "e_empty.txt").write_text(THIRD, encoding="utf-8"), ["e_empty.txt"],
     {"j2": "b_story", "e_empty": "b_story~2"}),
])
def test_after_a_change_only_changed_files_are_read_and_the_tables_equal_a_fresh_run(
        corpus, tmp_path, reads, change, read_again, reposts):
    extract(corpus, tmp_path / "out")
    change(corpus)
    (corpus / "zz_bad.pdf").write_bytes(b"%PDF")  # an error row whatever changed: exit status 1
    reads.clear()
    rerun = extract(corpus, tmp_path / "out")
    assert sorted(reads) == [*read_again, "zz_bad.pdf"]
    assert rerun == fresh(corpus, tmp_path)
    assert {aid: of for aid, (of, _) in statuses(rerun).items() if of} == reposts


def test_a_file_changed_just_before_it_was_read_is_read_again(corpus, tmp_path, reads, monkeypatch):
    monkeypatch.setattr(inputs, "RACY_NS", 3600 * 10**9)  # every file counts as just written
    extract(corpus, tmp_path / "out")
    reads.clear()
    extract(corpus, tmp_path / "out")
    assert sorted(reads) == ["b_story.txt", "c_other.txt", "d_batch.jsonl", "e_empty.txt"]


def test_no_cache_reads_every_file_every_time(corpus, tmp_path, reads):
    extract(corpus, tmp_path / "out", "--no-cache")
    extract(corpus, tmp_path / "out", "--no-cache")
    assert len(reads) == 8 and not (tmp_path / "out" / ".cache").exists()


def test_kept_rows_of_another_shape_are_dropped_not_misread(tmp_path):
    import sqlite3
    from pipeline.output.store import KeptRows
    db = sqlite3.connect(tmp_path / "kept.sqlite")
    KeptRows(db, "v1", {"articles": ["article_id", "n_chars"]}).add(
        "k", [("articles", {"article_id": "a", "n_chars": 5})], b"\x01")
    assert db.execute("SELECT key, n, article_id, n_chars, fingerprint FROM kept_articles").fetchall() == [
        ("k", 0, "a", 5, b"\x01")]
    assert "k" in KeptRows(db, "v1", {"articles": ["article_id", "n_chars"]})
    assert "k" not in KeptRows(db, "v2", {"articles": ["article_id", "n_chars"]})
    assert "k" not in KeptRows(db, "v1", {"articles": ["article_id", "n_chars", "title"]})
    assert db.execute("SELECT COUNT(*) FROM kept_articles").fetchone() == (0,)


COPY = "Омск, 5 мая.\n" + STORY


@pytest.mark.parametrize("order, expected", [
    (["a", "a"], [("a", None), ("a", None)]),
    (["a", "copy", "a"], [("a", None), ("a", None), ("copy", "a")]),
    (["copy", "a", "copy"], [("a", "copy"), ("copy", None), ("copy", None)]),
])
def test_an_article_listed_twice_is_no_repost_of_itself(order, expected):
    texts = {"a": STORY, "copy": COPY}
    extractions = [Extraction(Article(aid, f"{aid}.txt", texts[aid]), fingerprint=fingerprint(texts[aid]))
                   for aid in order]
    articles = tables.build_tables(extractions, [])["articles"]
    assert [(aid, None if pd.isna(of) else of) for aid, of in
            zip(articles["article_id"], articles["duplicate_of"])] == expected


def test_the_same_article_twice_through_the_cache_gives_the_tables_of_a_plain_run(tmp_path):
    article = run.extract_article(Article("a", "a.txt", STORY))
    with Cache(tmp_path, version="v") as cache:
        cache.put("k", article)
        results = batch.Results(cache, ["k", "k"], {}, [], cached=1, computed=0, seconds=0)
        cached = tables.build_tables(results, [])
        assert cached["articles"].equals(tables.build_tables([article, article], [])["articles"])
    assert list(cached["articles"]["article_id"]) == ["a", "a"] and cached["articles"]["duplicate_of"].isna().all()


def test_an_article_is_kept_with_all_its_rows_or_none(tmp_path):
    import sqlite3
    from pipeline.output.store import KeptRows
    db = sqlite3.connect(tmp_path / "kept.sqlite")
    kept = KeptRows(db, "v", {"articles": ["article_id"], "sums": ["article_id"]})

    # the articles row goes in, then the sums row cannot: the articles row must go too
    with pytest.raises(sqlite3.Error):
        kept.add("k", [("articles", {"article_id": "a"}), ("sums", {"article_id": object()})], b"")
    db.commit()
    assert "k" not in kept and db.execute("SELECT COUNT(*) FROM kept_articles").fetchone() == (0,)
    kept.add("k", [("articles", {"article_id": "a"}), ("sums", {"article_id": "a"})], b"")
    assert "k" in kept and db.execute("SELECT COUNT(*) FROM kept_sums").fetchone() == (1,)
