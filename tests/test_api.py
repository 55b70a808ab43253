"""`pipeline.extract` for notebooks: the tables as DataFrames, the same as the CSVs."""
import json

import pandas as pd
import pytest

import pipeline
from pipeline.cli import main
from pipeline.output import tables

ARTICLE = ("Аким Павлодарской области Болат Бакауов и губернатор Омской области Виктор Назаров "
           "подписали меморандум о сотрудничестве. Товарооборот превысил 400 млн долларов.")


@pytest.fixture()
def inputs(tmp_path):
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "one.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4")
    batch = tmp_path / "file.jsonl"
    batch.write_text(json.dumps({"id": "j1", "text": ARTICLE.replace("400 млн", "5 млрд"),
                                 "url": "https://example.kz/a", "date": "2019-03-05"}, ensure_ascii=False),
                     encoding="utf-8")
    return [str(folder), str(batch)]


def as_csv_text(frame: pd.DataFrame) -> list[list[str]]:
    """A DataFrame's cells as its CSV reads back: empty for a missing value, numbers as digits."""
    return [["" if pd.isna(v) else str(v) for v in row] for row in frame.astype(object).values.tolist()]


def test_extract_returns_every_table_equal_to_its_csv(inputs, tmp_path):
    found = pipeline.extract(inputs, workers=1)
    assert list(found) == list(tables.COLUMNS)
    out = tmp_path / "out"
    main(["extract", *inputs, "--out", str(out), "--workers", "1", "--quiet", "--formats", "csv"])
    for name, frame in found.items():
        csv = pd.read_csv(out / f"{name}.csv", encoding="utf-8-sig", dtype=str, keep_default_na=False)
        assert list(frame.columns) == list(csv.columns), name
        assert as_csv_text(frame) == csv.values.tolist(), name
    assert found["regions"]["region"].tolist().count("Павлодарская область") == 2
    assert found["errors"]["article_id"].tolist() == ["scan"]
    articles = found["articles"].set_index("article_id")
    assert articles.loc["j1", ["url", "published"]].tolist() == ["https://example.kz/a", "2019-03-05"]


def test_a_single_path_and_a_cache_folder(inputs, tmp_path):
    first = pipeline.extract(inputs[1], cache_dir=tmp_path / "cache")
    again = pipeline.extract(inputs[1], cache_dir=tmp_path / "cache")
    assert first["sums"].equals(again["sums"]) and len(first["sums"]) == 1


def test_a_missing_path_raises(tmp_path):
    with pytest.raises(FileNotFoundError, match="no such file or folder"):
        pipeline.extract([tmp_path / "nowhere"])
