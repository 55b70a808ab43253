"""The Excel workbook (read back with openpyxl and pandas), parquet, and --formats on the command line."""
import datetime
from decimal import Decimal

import openpyxl
from openpyxl.utils import get_column_letter
import pandas as pd
import pytest

from pipeline.cli import main
from pipeline.output import columns, tables, workbook
from pipeline.records import Article, Extraction, ReadError, Region, Sum

ARTICLE = ("Аким Павлодарской области Болат Бакауов и губернатор Омской области Виктор Назаров "
           "подписали меморандум о сотрудничестве. Товарооборот превысил 400 млн долларов.")


TEXT = "Атырауская область: 1 трлн 400 млрд тенге и 477,6 млн рублей. =SUM(A1) #N/A"


def frames():
    ex = Extraction(
        Article("a1", "in/a1.txt", TEXT, title="Заголовок\x0bс управляющим символом", published="2018-08-29"),
        regions=[Region("Атырауская область", "KZ-23", "KZ", 1, ("Атырауская область",), 0, 18,
                        "=SUM(A1)")],
        sums=[Sum(Decimal("1400000000000"), None, "KZT", None, "1 трлн 400 млрд тенге", 20, 41, "s"),
              Sum(Decimal("477600000.5"), Decimal("500000000"), "RUB", "около", "x", 44, 60, "#N/A")])
    return tables.build_tables([ex], [ReadError("bad", "in/bad.pdf", "not a text file")])


def letter(table: str, column: str) -> str:
    return get_column_letter(tables.COLUMNS[table].index(column) + 1)


@pytest.fixture()
def book(tmp_path):
    path = tmp_path / "extract.xlsx"
    workbook.write_workbook(frames(), path)
    return openpyxl.load_workbook(path)


def test_one_sheet_per_table_in_order(book):
    assert book.sheetnames == ["articles", "regions", "officials", "sums", "memoranda", "links",
                               "errors", "places", "network", "people", "nodes", "columns"]


def test_header_frozen_and_autofilter_over_the_data(book):
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2"
    assert book["sums"].auto_filter.ref == "A1:I3"
    assert book["articles"].auto_filter.ref == f"A1:{letter('articles', tables.COLUMNS['articles'][-1])}3"
    assert book["officials"].auto_filter.ref == "A1:J1"  # empty table: header only
    assert [c.value for c in book["officials"][1]] == tables.COLUMNS["officials"]


def test_amounts_and_counts_are_numbers(book):
    sums = book["sums"]
    assert [c.value for c in sums[1]][:4] == ["article_id", "amount", "amount_max", "currency"]
    big, fraction = sums["B2"], sums["B3"]
    assert big.value == 1400000000000 and isinstance(big.value, int) and big.data_type == "n"
    assert big.number_format == "#,##0"
    assert fraction.value == pytest.approx(477600000.5) and sums["C3"].value == 500000000
    assert sums["C2"].value is None
    assert sums["G2"].value == 20 and isinstance(sums["G2"].value, int)  # start
    assert book["articles"][f"{letter('articles', 'n_chars')}2"].value == len(TEXT)


def test_dates_are_excel_dates(book):
    published = book["articles"]["D2"]
    assert published.value == datetime.datetime(2018, 8, 29) and published.is_date
    assert published.number_format == "yyyy-mm-dd"
    assert book["articles"]["D3"].value is None  # the error row has no date


def test_columns_sheet_describes_every_column_of_every_table(book):
    rows = list(book["columns"].iter_rows(values_only=True))
    assert rows[0] == ("table", "column", "meaning", "unit", "empty_when")
    described = {(table, column) for table, column, *_ in rows[1:]}
    assert described == {(t, c) for t, names in tables.COLUMNS.items() for c in names}
    amount = next(r for r in rows if r[:2] == ("sums", "amount"))
    assert amount[2:4] == (columns.describe("sums", "amount").meaning, "units of `currency`")
    assert all(meaning for _, _, meaning, *_ in rows[1:])


def test_cyrillic_formula_lookalikes_and_control_characters_survive(book):
    regions = book["regions"]
    assert regions["B2"].value == "Атырауская область"
    assert regions["I2"].value == "=SUM(A1)" and regions["I2"].data_type == "s"
    assert book["sums"]["I3"].value == "#N/A" and book["sums"]["I3"].data_type == "s"
    assert book["articles"]["C2"].value == "Заголовок\ufffdс управляющим символом"


def test_column_widths_fit_the_contents(book):
    sums = book["sums"]
    assert sums.column_dimensions["A"].width >= len("article_id")
    assert sums.column_dimensions["B"].width >= len("1 400 000 000 000")
    assert sums.column_dimensions["I"].width <= workbook.MAX_WIDTH
    assert book["regions"].column_dimensions["B"].width >= len("Атырауская область")


def test_long_tables_continue_on_further_sheets(tmp_path, monkeypatch):
    monkeypatch.setattr(workbook, "MAX_ROWS", 3)
    frame = pd.DataFrame({"article_id": ["a", "b", "c", "d", "e"]})
    workbook.write_workbook({"errors": frame}, tmp_path / "x.xlsx")
    book = openpyxl.load_workbook(tmp_path / "x.xlsx")
    assert book.sheetnames == ["errors", "errors (2)", "errors (3)", "columns"]
    assert [r[0] for r in book["errors (3)"].iter_rows(values_only=True)] == ["article_id", "e"]


def cell_text(value):
    """How a workbook value reads in the CSV."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def test_cli_writes_workbook_report_and_parquet_that_match_the_csvs(tmp_path):
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    (folder / "one.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "two.txt").write_text(ARTICLE.replace("400 млн", "5 млрд"), encoding="utf-8")
    code = main(["extract", str(folder), "--out", str(out), "--workers", "1", "--quiet",
                 "--formats", "csv,xlsx,html,parquet"])
    assert code == 0
    assert (out / "report.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    book = openpyxl.load_workbook(out / "extract.xlsx")
    for name in tables.COLUMNS:
        if name == "articles":  # its dates are Excel dates: checked in test_dates_are_excel_dates
            continue
        csv = pd.read_csv(out / f"{name}.csv", encoding="utf-8-sig", dtype=str, keep_default_na=False)
        rows = list(book[name].iter_rows(values_only=True))
        assert list(rows[0]) == list(csv.columns), name
        assert [[cell_text(v) for v in row] for row in rows[1:]] == csv.values.tolist(), name
        assert len(pd.read_parquet(out / f"{name}.parquet")) == len(csv)
    sheet = pd.read_excel(out / "extract.xlsx", sheet_name="sums")
    assert sorted(sheet["amount"]) == [400000000, 5000000000]
    assert pd.read_parquet(out / "sums.parquet")["amount"].dtype == "float64"


def test_default_formats_are_csv_xlsx_html_and_the_graphs(tmp_path):
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    (folder / "one.txt").write_text(ARTICLE, encoding="utf-8")
    assert main(["extract", str(folder), "--out", str(out), "--workers", "1", "--quiet"]) == 0
    assert (out / "extract.xlsx").exists() and (out / "report.html").exists()
    assert (out / "network.gexf").exists() and (out / "network.graphml").exists()
    assert not list(out.glob("*.parquet"))
    out2 = tmp_path / "out2"
    main(["extract", str(folder), "--out", str(out2), "--workers", "1", "--quiet", "--formats", "csv"])
    tables_written = [p.suffix for p in out2.iterdir() if p.is_file() and p.name != "manifest.json"
                      and not p.name.startswith(".")]  # the manifest, the lock
    assert tables_written == [".csv"] * len(tables.COLUMNS)


def test_unknown_format_is_a_usage_error(tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["extract", str(tmp_path), "--formats", "csv,pdf"])
    assert exit_.value.code == 2
    assert "unknown format pdf (choose from csv, xlsx, html, gexf, graphml, parquet)" in capsys.readouterr().err


OTHER_ARTICLE = "Аким Карагандинской области Ермаган Булекбаев открыл завод в Темиртау."


@pytest.mark.parametrize("limit, shown, people", [
    ("2", ["a", "a", "b", "b"], ["Болат Бакауов", "Виктор Назаров"]),
    ("0", ["a", "a", "b", "b", "c"], ["Болат Бакауов", "Виктор Назаров", "Ермаган Булекбаев"])])
def test_a_large_corpus_shows_the_first_articles_rows_and_says_so(tmp_path, limit, shown, people):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in (("c", OTHER_ARTICLE), ("a", ARTICLE), ("b", ARTICLE)):
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["extract", str(folder), "--out", str(out), "--workers", "1", "--quiet",
                 "--workbook-articles", limit]) == 0
    book = openpyxl.load_workbook(out / "extract.xlsx")
    assert [row[0] for row in book["regions"].iter_rows(min_row=2, values_only=True)] == shown
    assert pd.read_csv(out / "regions.csv")["article_id"].tolist() == ["a", "a", "b", "b", "c"]
    # People over the same articles as the per-article sheets; people.csv over all of them.
    assert [row[0] for row in book["people"].iter_rows(min_row=2, values_only=True)] == people
    assert len(pd.read_csv(out / "people.csv")) == 3
    if limit == "0":
        assert "note" not in book.sheetnames
    else:
        assert book["note"]["A2"].value.startswith("The per-article sheets and `people` hold the rows of the first 2 articles")
