"""The incremental cache: hits on a rerun, only new articles extracted, invalidated by a rules change."""
import json
import os
import pickle
import shutil
import sqlite3
import time
import zlib
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path

import pytest

from pipeline import cli
from pipeline.engine import batch, cache, run
from pipeline.engine.cache import Cache, article_key, compute_version
from pipeline.output import tables
from pipeline.read.inputs import read_inputs
from pipeline.records import Article

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "data" / "articles"


def sample_articles() -> list[Article]:
    return [a for a in read_inputs([SAMPLES]) if isinstance(a, Article)]


def csv_tables(results) -> dict[str, str]:
    frames = tables.build_tables(results, results.errors)
    return {name: frame.to_csv(index=False, lineterminator="\n") for name, frame in frames.items()}


def test_article_key_covers_every_field_and_nothing_else():
    a = sample_articles()[0]
    assert article_key(a) == article_key(replace(a))
    for change in ({"text": a.text + " "}, {"article_id": "other"}, {"source": "elsewhere.txt"},
                   {"title": "T"}, {"published": "2020-01-01"}, {"outlet": "site.kz"}):
        assert article_key(replace(a, **change)) != article_key(a), change


def test_version_changes_with_a_rule_or_a_line_of_code(tmp_path):
    shutil.copytree(ROOT / "pipeline", tmp_path / "pipeline", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "rules", tmp_path / "rules", ignore=shutil.ignore_patterns("__pycache__"))
    dirs = (tmp_path / "pipeline", tmp_path / "rules")
    before = compute_version(dirs)
    assert compute_version(dirs) == before  # stable
    (tmp_path / "rules" / "SOURCES.md").write_text("notes are no rules")
    (tmp_path / "pipeline" / "__pycache__").mkdir(exist_ok=True)
    (tmp_path / "pipeline" / "__pycache__" / "x.pyc").write_bytes(b"\0")
    assert compute_version(dirs) == before
    with open(tmp_path / "rules" / "regions.csv", "a", encoding="utf-8") as f:
        f.write("Новая область,XX-01,XX,oblast,,\n")
    after_rules = compute_version(dirs)
    assert after_rules != before
    with open(tmp_path / "pipeline" / "sums.py", "a", encoding="utf-8") as f:
        f.write("\n# a comment is a change too\n")
    assert compute_version(dirs) not in (before, after_rules)


def test_rerun_extracts_only_the_new_articles_and_writes_what_a_full_run_writes(tmp_path):
    articles = sample_articles()
    with Cache(tmp_path / "c") as store:
        with batch.run(articles[:4], store, workers=1) as first:
            assert (first.cached, first.computed) == (0, 4)
        assert len(store) == 4
    with Cache(tmp_path / "c") as store:  # a new process would reopen it like this
        with batch.run(articles, store, workers=1) as rerun:
            assert (rerun.cached, rerun.computed) == (4, 1)
            incremental = csv_tables(rerun)
        with batch.run(articles, store, workers=1) as third:
            assert (third.cached, third.computed) == (5, 0)
            assert csv_tables(third) == incremental
    with batch.run(articles, None, workers=1) as full:  # no cache at all
        assert (full.cached, full.computed) == (0, 5)
        assert csv_tables(full) == incremental


def test_a_rules_change_invalidates_the_cache(tmp_path, monkeypatch):
    shutil.copytree(ROOT / "rules", tmp_path / "rules", ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cache, "SOURCE_DIRS", (ROOT / "pipeline", tmp_path / "rules"))
    cache.code_version.cache_clear()
    articles = sample_articles()[:2]
    try:
        with Cache(tmp_path / "c") as store:
            old = store.version
            assert (batch.run(articles, store).computed, batch.run(articles, store).cached) == (2, 2)
        with open(tmp_path / "rules" / "offices.csv", "a", encoding="utf-8") as f:
            f.write("\n")
        cache.code_version.cache_clear()
        with Cache(tmp_path / "c") as store:
            assert store.version != old
            assert len(store) == 0
            results = batch.run(articles, store)
            assert (results.cached, results.computed) == (0, 2)
        assert len(Cache(tmp_path / "c", version=old)) == 0  # the stale entries are gone
    finally:
        cache.code_version.cache_clear()


def test_cli_reuses_the_cache_and_no_cache_forces_a_fresh_run(tmp_path, capsys):
    inputs = tmp_path / "in"
    inputs.mkdir()
    for path in sorted(SAMPLES.glob("*.txt"))[:2]:
        shutil.copy(path, inputs)
    out = tmp_path / "out"

    def extract(*extra):
        assert cli.main(["extract", str(inputs), "--out", str(out), "--workers", "1",
                         "--formats", "csv", "--quiet", *extra]) == 0
        return capsys.readouterr().err, {p.name: p.read_bytes() for p in out.glob("*.csv")}

    first, tables_first = extract()
    assert "0 from the cache, 2 extracted" in first
    assert (out / ".cache" / "extractions.sqlite").exists()
    second, tables_second = extract()
    assert "2 from the cache, 0 extracted" in second
    assert tables_second == tables_first
    forced, tables_forced = extract("--no-cache")
    assert "from the cache" not in forced and "2 extracted" in forced
    assert tables_forced == tables_first
    (inputs / "new.txt").write_text("Аким Омской области подписал 2 меморандума.", encoding="utf-8")
    third, _ = extract()
    assert "2 from the cache, 1 extracted" in third


def test_cache_stores_and_returns_equal_extractions(tmp_path):
    ex = run.extract_article(Article("a", "a.txt", "Аким Павлодарской области подписал меморандум "
                                                   "на 5 млн тенге."))
    with Cache(tmp_path, version="v1") as store:
        store.put("k", ex)
        assert "k" in store and "other" not in store
        assert store.get("k") == ex
        assert store.get("other") is None
    with Cache(tmp_path, version="v2") as store:
        assert store.get("k") is None
        assert store.prune() == 1
    assert len(Cache(tmp_path, version="v1")) == 0


@pytest.mark.parametrize("keys, held", [
    (["k0", "k1", "k0"], True),
    ([f"k{n}" for n in range(1200)], True),  # more keys than one query takes
    (["k0", "gone"], False),
    ([f"k{n}" for n in range(1199)] + ["gone"], False),
    ([], True),
])
def test_holds_tells_whether_every_key_has_an_entry(tmp_path, keys, held):
    ex = run.extract_article(Article("a", "a.txt", "Аким Павлодарской области выступил."))
    with Cache(tmp_path, version="v1") as store:
        for n in range(1200):
            store.put(f"k{n}", ex)
        assert store.holds(keys) is held
    with Cache(tmp_path, version="v2") as store:  # another version's entries are not held
        assert store.holds(keys) is (not keys)


@pytest.mark.parametrize("folder", [None])
def test_a_spool_without_folder_is_private_and_temporary(folder):
    with Cache(folder, version="v") as spool:
        assert spool.path is None
        spool.put("k", run.extract_article(Article("a", "a.txt", "Текст.")))
        assert len(spool) == 1


def test_an_interrupted_run_keeps_what_it_extracted(tmp_path):
    articles = sample_articles()[:3]
    done = []

    def stop_after_two():
        done.append(1)
        if len(done) == 2:
            raise KeyboardInterrupt

    with Cache(tmp_path) as store:
        with pytest.raises(KeyboardInterrupt):
            batch.run(articles, store, progress=stop_after_two)
    with Cache(tmp_path) as store:
        assert len(store) == 2
        resumed = batch.run(articles, store)
        assert (resumed.cached, resumed.computed) == (2, 1)


@dataclass(frozen=True)
class Part:
    amount: Decimal
    low: Decimal | None
    spans: tuple[tuple[int, int], ...]
    forms: tuple[str, ...] = ()


@dataclass
class Whole:
    parts: list[Part] = field(default_factory=list)
    note: str | None = None


def test_plain_data_round_trips_any_dataclass_exactly():
    whole = Whole([Part(Decimal("12345678901234567890123.000000001"), None, ((1, 2), (3, 4)), ("а",)),
                   Part(Decimal("1E+3"), Decimal("7.50"), ())], note=None)
    plain = json.loads(json.dumps(cache.to_plain(whole)))
    back = cache.from_plain(Whole, plain)
    assert back == whole
    assert str(back.parts[0].amount) == "12345678901234567890123.000000001"
    assert str(back.parts[1].low) == "7.50" and isinstance(back.parts[0].spans, tuple)


def test_entries_are_compressed_json_never_pickle(tmp_path):
    ex = run.extract_article(Article("a", "a.txt", "Аким Павлодарской области выделил 5,5 млрд тенге."))
    with Cache(tmp_path, version="v") as store:
        store.put("k", ex)
        blob = store.db.execute("SELECT data FROM extractions").fetchone()[0]
        assert json.loads(zlib.decompress(blob))["sums"][0]["amount"] == "5500000000"
        assert store.get("k") == ex


class Exploit:
    def __reduce__(self):
        return (Path.touch, (Path(os.environ["EXPLOIT_MARK"]),))


def test_a_planted_pickle_is_never_run(tmp_path, monkeypatch):
    mark = tmp_path / "ran"
    monkeypatch.setenv("EXPLOIT_MARK", str(mark))
    with Cache(tmp_path, version="v") as store:
        store.db.execute("INSERT INTO extractions VALUES ('v', 'k', ?)",
                         (zlib.compress(pickle.dumps(Exploit())),))
        store.commit()
        assert "k" not in store and store.get("k") is None
    assert not mark.exists()


def test_a_cache_of_another_format_starts_afresh(tmp_path):
    db = sqlite3.connect(tmp_path / cache.DB_NAME)  # the old layout: pickles, no format
    db.execute("CREATE TABLE extractions (version TEXT, key TEXT, data BLOB, PRIMARY KEY (version, key))")
    db.execute("INSERT INTO extractions VALUES ('v', 'k', ?)", (pickle.dumps("old"),))
    db.commit()
    db.close()
    with Cache(tmp_path, version="v") as store:
        assert len(store) == 0
        assert store.db.execute("SELECT value FROM meta").fetchone() == (cache.FORMAT,)


@pytest.mark.parametrize("damage", ["garbage", "truncated"])
def test_a_corrupt_cache_is_moved_aside_with_a_warning(tmp_path, capsys, damage):
    ex = run.extract_article(Article("a", "a.txt", "Текст."))
    path = tmp_path / cache.DB_NAME
    if damage == "garbage":
        path.write_bytes(b"not a database at all" * 100)
    else:
        with Cache(tmp_path, version="v") as store:
            for i in range(200):
                store.put(f"k{i}", ex)
        data = path.read_bytes()
        path.write_bytes(data[:len(data) // 2])
    with Cache(tmp_path, version="v") as store:
        assert len(store) == 0
        store.put("k", ex)
        assert store.get("k") == ex
    assert "cannot be read" in capsys.readouterr().err
    assert len(list(tmp_path.glob(f"{cache.DB_NAME}.corrupt-*"))) == 1


def test_results_are_committed_within_seconds_not_every_200(tmp_path, monkeypatch):
    ex = run.extract_article(Article("a", "a.txt", "Текст."))
    with Cache(tmp_path, version="v") as store:
        store.put("first", ex)  # within COMMIT_SECONDS of opening: not yet on disk
        monkeypatch.setattr(time, "monotonic", lambda: store._last_commit + cache.COMMIT_SECONDS)
        store.put("second", ex)
        other = sqlite3.connect(tmp_path / cache.DB_NAME)  # what a killed run leaves
        assert other.execute("SELECT COUNT(*) FROM extractions").fetchone() == (2,)
        other.close()


@pytest.mark.parametrize("end, checked", [
    ("closed", False),  # closed by the last run, its length as its header says: not read whole
    ("crashed", True),  # the process died with the file open
    ("grown", True),  # appended to since (a copy gone wrong, another program)
])
def test_the_full_check_runs_only_on_a_file_the_last_run_did_not_close_whole(tmp_path, end, checked):
    ex = run.extract_article(Article("a", "a.txt", "Текст."))
    store = Cache(tmp_path, version="v")
    store.put("k", ex)
    if end == "crashed":
        store.commit()
        store.db.close()  # no `close`: the file is still marked open
    else:
        store.close()
    if end == "grown":
        with open(tmp_path / cache.DB_NAME, "ab") as handle:
            handle.write(b"\0" * 4096)
    db = sqlite3.connect(tmp_path / cache.DB_NAME)
    probe = Cache.__new__(Cache)
    probe.db, probe.path = db, tmp_path / cache.DB_NAME
    assert probe._closed_whole() is not checked
    db.close()
    with Cache(tmp_path, version="v") as reopened:
        assert reopened.get("k") == ex
