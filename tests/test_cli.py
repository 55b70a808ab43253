"""End to end through the command line: every input kind, bad input, exit status, determinism,
the messages an analyst reads, `make extract` with spaces."""
import json
import re
import shutil
import subprocess
from pathlib import Path

import pandas as pd
import pytest

from pipeline.cli import main
from pipeline.engine.runner import _error_summary
from pipeline.records import ReadError

SPEC_TABLES = ["articles", "regions", "officials", "sums", "memoranda", "links", "errors"]
ARTICLE = ("Аким Павлодарской области Болат Бакауов и губернатор Омской области Виктор Назаров "
           "подписали меморандум о сотрудничестве. Товарооборот превысил 400 млн долларов.")


@pytest.fixture()
def corpus(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "utf8.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "cp1251.txt").write_bytes(ARTICLE.encode("cp1251"))
    (folder / "batch.jsonl").write_text(
        json.dumps({"id": "j1", "text": ARTICLE}, ensure_ascii=False) + "\n{broken\n", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4 ...")
    return folder


def run(corpus, out):
    return main(["extract", str(corpus), "--out", str(out), "--workers", "1", "--quiet"])


def read(out, name):
    return pd.read_csv(out / f"{name}.csv", encoding="utf-8-sig", dtype=str, keep_default_na=False)


def test_failed_articles_are_listed_and_set_the_exit_status(corpus, tmp_path):
    out = tmp_path / "out"
    assert run(corpus, out) == 1
    errors = read(out, "errors")
    assert sorted(errors["article_id"]) == ["batch#2", "empty", "scan"]  # the broken batch line
    assert set(read(out, "articles")["status"]) == {"ok", "error"}
    assert sorted(read(out, "links")["article_id"]) == ["cp1251", "j1", "utf8"]


def test_all_good_articles_exit_zero(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "one.txt").write_text(ARTICLE, encoding="utf-8")
    assert run(folder, tmp_path / "out") == 0


def test_every_spec_table_is_written_with_bom_and_header(corpus, tmp_path):
    out = tmp_path / "out"
    run(corpus, out)
    for name in SPEC_TABLES:
        assert (out / f"{name}.csv").read_bytes().startswith("\ufeffarticle_id,".encode("utf-8"))


def test_two_runs_write_identical_bytes(corpus, tmp_path):
    run(corpus, tmp_path / "first")
    run(corpus, tmp_path / "second")
    for name in SPEC_TABLES:
        assert (tmp_path / "first" / f"{name}.csv").read_bytes() == \
               (tmp_path / "second" / f"{name}.csv").read_bytes()


def test_missing_input_is_a_usage_error(tmp_path, capsys):
    assert main(["extract", str(tmp_path / "nowhere"), "--out", str(tmp_path / "o")]) == 2
    assert "no such file or folder" in capsys.readouterr().err


def test_closing_line_names_report_and_workbook_and_the_most_common_errors(tmp_path, capsys):
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    (folder / "good.txt").write_text(ARTICLE, encoding="utf-8")
    for name in ("a.txt", "b.txt", "c.txt"):
        (folder / name).write_bytes(b"")
    for name in ("d.pdf", "e.pdf"):
        (folder / name).write_bytes(b"%PDF")
    (folder / "f.docx").write_bytes(b"PK\x03\x04")
    (folder / "g.doc").write_bytes(b"x")
    assert main(["extract", str(folder), "--out", str(out), "--workers", "1", "--quiet"]) == 1
    err = capsys.readouterr().err
    assert f"open {out}/report.html and {out}/extract.xlsx" in err
    assert ("most common errors: 3× empty file (0 bytes), 2× unsupported format .pdf, "
            "1× unsupported format .docx (all in errors.csv)") in err


def test_a_folder_without_files_is_a_usage_error_and_writes_nothing(tmp_path, capsys):
    folder = tmp_path / "empty folder"
    (folder / "sub").mkdir(parents=True)
    assert main(["extract", str(folder), "--out", str(tmp_path / "out"), "--workers", "1", "--quiet"]) == 2
    assert f"error: no files in {folder}: looked for .txt, .html, .htm, .jsonl and .csv files" in \
           capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_a_batch_without_rows_says_no_articles_were_found(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "batch.jsonl").write_text("\n", encoding="utf-8")
    assert main(["extract", str(folder), "--out", str(tmp_path / "out"), "--workers", "1", "--quiet"]) == 0
    assert f"no articles found in {folder}" in capsys.readouterr().err


def test_a_repost_counts_once_in_the_network(tmp_path):
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    story = ARTICLE + " Стороны договорились о поставках зерна, мяса и молока, а также о туризме."
    (folder / "a_original.txt").write_text(story, encoding="utf-8")
    (folder / "b_repost.txt").write_text("Новости региона | Главная\n" + story.replace("400", "410")
                                         + "\nПодписывайтесь на наш канал. Все права защищены.", encoding="utf-8")
    (folder / "c_other.txt").write_text("Аким Павлодарской области и губернатор Омской области подписали "
                                        "соглашение о строительстве моста через Иртыш к 2030 году.",
                                        encoding="utf-8")
    run(folder, out)
    articles = read(out, "articles").set_index("article_id")["duplicate_of"].to_dict()
    assert articles == {"a_original": "", "b_repost": "a_original", "c_other": ""}
    assert read(out, "network")[["region_a", "region_b", "articles"]].values.tolist() == [
        ["Омская область", "Павлодарская область", "2"]]
    people = read(out, "people").set_index("person")["articles"].to_dict()
    assert people == {"Болат Бакауов": "1", "Виктор Назаров": "1"}


def test_error_reasons_fold_the_batch_line_numbers():
    errors = [ReadError("b#2", "b.jsonl#2", "line 2 is not valid JSON: Expecting value (column 1)"),
              ReadError("b#5", "b.jsonl#5", "line 5 is not valid JSON: Expecting value (column 3)"),
              ReadError("x", "x.txt", "file too large: 6.1 MB, the limit is 5.0 MB")]
    assert _error_summary(errors) == ("\nmost common errors: 2× line N is not valid JSON, "
                                      "1× file too large (all in errors.csv)")


def test_make_extract_quotes_folders_with_spaces():
    if shutil.which("make") is None:
        pytest.skip("no make")
    root = Path(__file__).resolve().parents[1]
    dry = subprocess.run(["make", "-n", "-C", str(root), "extract", "INPUT=my articles", "OUTPUT=my out"],
                         capture_output=True, text=True, check=True).stdout
    assert '-m pipeline extract "my articles" --out "my out"' in dry
@pytest.fixture()
def one_article(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "one.txt").write_text(ARTICLE, encoding="utf-8")
    return folder


def extract(folder, out, *extra):
    return main(["extract", str(folder), "--out", str(out), "--workers", "1", "--quiet",
                 "--formats", "csv", *extra])


def test_a_run_writes_a_manifest_of_its_files(one_article, tmp_path):
    out = tmp_path / "out"
    assert extract(one_article, out) == 0
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["status"] == "complete" and manifest["articles"] == 1
    links = manifest["files"]["links.csv"]
    assert links["rows"] == 1 and re.fullmatch("[0-9a-f]{32}", links["fingerprint"])
    assert (links["bytes"], links["mtime_ns"]) == ((out / "links.csv").stat().st_size,
                                                   (out / "links.csv").stat().st_mtime_ns)
    assert set(manifest) >= {"code_version", "started", "ended", "inputs"}


def test_a_failed_run_exits_3_and_the_manifest_says_the_tables_are_old(one_article, tmp_path,
                                                                        monkeypatch, capsys):
    out = tmp_path / "out"
    extract(one_article, out)
    before = (out / "regions.csv").read_bytes()
    monkeypatch.setattr("pipeline.output.tables.collect",
                        lambda *a: (_ for _ in ()).throw(OSError(28, "No space left on device")))
    assert extract(one_article, out) == 3
    assert "error: the run failed, no tables written: OSError" in capsys.readouterr().err
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["status"] == "failed" and "No space left" in manifest["error"]
    assert (out / "regions.csv").read_bytes() == before
    assert not list(out.glob(".staging-*"))


def test_another_run_writing_to_the_folder_is_refused(one_article, tmp_path, capsys):
    from pipeline.output import write
    out = tmp_path / "out"
    with write.locked(out):
        assert extract(one_article, out) == 3
    assert f"another run is writing to {out}" in capsys.readouterr().err
    assert extract(one_article, out) == 0


def test_sigterm_keeps_the_work_and_says_how_to_resume(tmp_path, monkeypatch, capsys):
    import os
    import signal

    from pipeline.engine import run as engine_run
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(4):
        (folder / f"a{i}.txt").write_text(f"Аким Павлодарской области подписал {i + 2} меморандума.",
                                          encoding="utf-8")
    real, calls = engine_run.extract_article, []

    def killed_at_the_third(article):
        calls.append(article)
        if len(calls) == 3:
            os.kill(os.getpid(), signal.SIGTERM)
        return real(article)

    monkeypatch.setattr(engine_run, "extract_article", killed_at_the_third)
    out = tmp_path / "out"
    assert extract(folder, out) == 3
    err = capsys.readouterr().err
    assert "interrupted: 2 articles kept, rerun to resume" in err and "Traceback" not in err
    assert json.loads((out / "manifest.json").read_text(encoding="utf-8"))["status"] == "interrupted"
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL
    monkeypatch.setattr(engine_run, "extract_article", real)
    assert extract(folder, out) == 0
    assert "2 from the cache, 2 extracted" in capsys.readouterr().err


def test_an_article_past_its_time_budget_is_an_error_row(one_article, tmp_path, monkeypatch):
    import time as clock

    from pipeline.engine import run as engine_run

    def hangs(article):
        while True:
            clock.sleep(0.05)

    monkeypatch.setattr(engine_run, "extract_article", hangs)
    out = tmp_path / "out"
    assert extract(one_article, out, "--article-timeout", "0.3") == 1
    assert read(out, "errors")["error"][0] == \
        "extraction took longer than 0.3 s (--article-timeout): skipped"


def test_stale_temp_files_are_cleaned_at_start(one_article, tmp_path):
    out = tmp_path / "out"
    (out / ".staging-old").mkdir(parents=True)
    (out / ".regions.csv.abc.tmp").write_text("half")
    assert extract(one_article, out) == 0
    assert not list(out.glob(".staging-*")) and not list(out.glob("*.tmp"))


@pytest.mark.parametrize("argv", [["extract"], ["extract", "x", "--workers", "many"],
                                  ["extract", "x", "--article-timeout", "-1"],
                                  ["extract", "x", "--article-timeout", "inf"], ["frobnicate"]])
def test_bad_usage_exits_2(argv):
    with pytest.raises(SystemExit) as stop:
        main(argv)
    assert stop.value.code == 2


def test_help_documents_the_exit_status(capsys):
    with pytest.raises(SystemExit):
        main(["extract", "--help"])
    assert "3 the run itself failed" in " ".join(capsys.readouterr().out.split())


def test_an_output_folder_that_cannot_be_made_is_a_failed_run(one_article, tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert extract(one_article, blocker / "out") == 3
    assert f"error: cannot write to {blocker / 'out'}" in capsys.readouterr().err


def published(out):
    """name → bytes of every file the manifest lists."""
    return {name: (out / name).read_bytes() for name in json.loads((out / "manifest.json").read_text())["files"]}


def inodes(out):
    return {name: (out / name).stat().st_ino for name in published(out)}


@pytest.fixture()
def five_articles(tmp_path, monkeypatch):
    monkeypatch.setattr("pipeline.output.report_pages.PAGE_ARTICLES", 2)  # an index and 3 pages
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(5):
        (folder / f"a{i}.txt").write_text(ARTICLE.replace("400", str(400 + i)), encoding="utf-8")
    return folder


def all_formats(folder, out, *extra):
    return main(["extract", str(folder), "--out", str(out), "--workers", "1", "--quiet",
                 "--formats", "csv,xlsx,html,gexf,graphml,parquet", *extra])


def test_a_rerun_reuses_every_file_and_gives_the_bytes_of_a_run_without_cache(five_articles, tmp_path):
    out, fresh = tmp_path / "out", tmp_path / "fresh"
    assert all_formats(five_articles, out) == 0
    before = inodes(out)
    assert "report/page-0003.html" in before and "extract.xlsx" in before and "sums.parquet" in before
    assert all_formats(five_articles, out) == 0
    assert inodes(out) == before  # nothing rewritten
    assert all_formats(five_articles, fresh, "--no-cache") == 0
    assert published(out) == published(fresh)
    assert all_formats(five_articles, out, "--no-cache") == 0  # no cache: every file written anew
    assert not set(inodes(out).items()) & set(before.items())


def test_a_changed_input_rewrites_what_it_feeds_and_nothing_else(five_articles, tmp_path):
    out, fresh = tmp_path / "out", tmp_path / "fresh"
    all_formats(five_articles, out)
    before = inodes(out)
    (five_articles / "a5.txt").write_text(ARTICLE.replace("400", "900"), encoding="utf-8")
    assert all_formats(five_articles, out) == 0
    after = inodes(out)
    kept = sorted(name for name in before if after.get(name) == before[name])
    assert kept == ["report/page-0001.html", "report/page-0002.html"]
    assert "900 млн долларов" in (out / "report" / "page-0003.html").read_text(encoding="utf-8")
    assert all_formats(five_articles, fresh, "--no-cache") == 0
    assert published(out) == published(fresh)
