"""A rerun builds on the published files where the rows before the new articles did not change:
per-article CSVs get the new rows appended, the workbook's unchanged sheets are copied, and
every file is byte for byte what a run without the cache writes."""
import json

import pytest

from pipeline import cli
from pipeline.output import forked, tables, workbook, write
from pipeline.read import inputs

TEXT = ("Аким Павлодарской области Болат Бакауов и губернатор Омской области Виктор Назаров "
        "подписали {n} меморандума о сотрудничестве. Товарооборот превысил {n}00 млн долларов.")


@pytest.fixture()
def folder(tmp_path, monkeypatch):
    monkeypatch.setattr(inputs, "RACY_NS", 0)  # the files are seconds old, not two
    folder = tmp_path / "in"
    folder.mkdir()
    for n, name in enumerate(["a1", "a3", "a5"], start=2):
        (folder / f"{name}.txt").write_text(TEXT.format(n=n), encoding="utf-8")
    return folder


@pytest.fixture()
def written(monkeypatch):
    """What each run writes: the CSVs appended to, and the titles of the sheets given cells
    (written in this process, not forked writers, for the spies to see them)."""
    monkeypatch.setattr(forked, "CAN_FORK", False)
    seen = {"appended": [], "sheets": []}
    records, sheet = write.write_records, workbook._sheet

    def spy_records(columns, rows, path, after=None):
        if after is not None:
            seen["appended"].append(path.name)
        return records(columns, rows, path, after)

    def spy_sheet(book, formats, title, *rest):
        seen["sheets"].append(title)
        return sheet(book, formats, title, *rest)
    monkeypatch.setattr(write, "write_records", spy_records)
    monkeypatch.setattr(workbook, "_sheet", spy_sheet)
    return seen


def run(folder, out, *extra):
    assert cli.main(["extract", str(folder), "--out", str(out), "--workers", "1", "--quiet",
                     "--formats", "csv,xlsx", "--workbook-articles", "2", *extra]) == 0
    files = json.loads((out / "manifest.json").read_text())["files"]
    return {name: (out / name).read_bytes() for name in files}


PER_ARTICLE = ["articles.csv", "errors.csv", "links.csv", "memoranda.csv", "officials.csv",
               "places.csv", "regions.csv", "sums.csv"]
# People in the workbook are those of its first articles, as its per-article rows are.
CORPUS_SHEETS = ["network", "nodes", "note", "columns"]
EVERY_SHEET = ["articles", "regions", "officials", "sums", "memoranda", "links", "errors", "places",
               "network", "people", "nodes", "note", "columns"]


@pytest.mark.parametrize("added, appended, sheets", [
    # After every published id: the CSVs grow at their end, the first two articles' sheets stay.
    ("a7", PER_ARTICLE, CORPUS_SHEETS),
    # Among the first two: every CSV and sheet is written whole.
    ("a2", [], EVERY_SHEET),
    # After the first two, before the last: the sheets stay, the CSVs are written whole.
    ("a4", [], CORPUS_SHEETS),
])
def test_a_rerun_builds_on_what_did_not_change_and_gives_a_fresh_runs_bytes(
        folder, tmp_path, written, added, appended, sheets):
    out = tmp_path / "out"
    run(folder, out)
    (folder / f"{added}.txt").write_text(TEXT.format(n=9), encoding="utf-8")
    written["appended"].clear()
    written["sheets"].clear()
    rerun = run(folder, out)
    assert sorted(written["appended"]) == appended
    assert written["sheets"] == sheets
    assert rerun == run(folder, tmp_path / "fresh", "--no-cache")


def test_an_edited_csv_is_written_whole(folder, tmp_path, written):
    out = tmp_path / "out"
    run(folder, out)
    (out / "sums.csv").write_text("edited by hand\n", encoding="utf-8")
    (folder / "a7.txt").write_text(TEXT.format(n=9), encoding="utf-8")
    written["appended"].clear()
    rerun = run(folder, out)
    assert "sums.csv" not in written["appended"] and "regions.csv" in written["appended"]
    assert rerun == run(folder, tmp_path / "fresh", "--no-cache")


def test_a_damaged_published_workbook_is_written_whole(folder, tmp_path, written):
    out = tmp_path / "out"
    run(folder, out)
    manifest = json.loads((out / "manifest.json").read_text())
    (out / "extract.xlsx").write_bytes(b"PK not a zip")  # the manifest's stamp made to match it
    stat = (out / "extract.xlsx").stat()
    manifest["files"]["extract.xlsx"].update(bytes=stat.st_size, mtime_ns=stat.st_mtime_ns)
    write.write_manifest(out, manifest)
    (folder / "a7.txt").write_text(TEXT.format(n=9), encoding="utf-8")
    written["sheets"].clear()
    rerun = run(folder, out)
    assert written["sheets"] == CORPUS_SHEETS + EVERY_SHEET  # tried to copy, then wrote it whole
    assert rerun == run(folder, tmp_path / "fresh", "--no-cache")


def test_a_rerun_with_nothing_new_computes_no_corpus_table(folder, tmp_path, monkeypatch):
    out = tmp_path / "out"
    first = run(folder, out)
    rows = json.loads((out / "manifest.json").read_text())["files"]["people.csv"]["rows"]
    calls = []
    real = tables.corpus_tables
    monkeypatch.setattr(tables, "corpus_tables", lambda store: calls.append(1) or real(store))
    assert run(folder, out) == first
    assert calls == [] and rows == 2
    assert json.loads((out / "manifest.json").read_text())["files"]["people.csv"]["rows"] == rows
