import pandas as pd
import pytest

from pipeline.output.write import (FolderBusy, clean_stale, locked, publish, read_csv, read_manifest,
                                   staging_folder, text_cell, write_atomically, write_csv, write_manifest)


def test_csv_has_bom_and_unix_line_ends(tmp_path):
    path = tmp_path / "regions.csv"
    write_csv(pd.DataFrame({"region": ["Атырауская область"]}), path)
    assert path.read_bytes() == "\ufeffregion\nАтырауская область\n".encode("utf-8")


def test_interrupted_write_leaves_the_old_file_and_no_temp(tmp_path):
    path = tmp_path / "sums.csv"
    path.write_text("old", encoding="utf-8")

    def interrupted(tmp):
        tmp.write_text("half a ta", encoding="utf-8")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_atomically(path, interrupted)
    assert path.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["sums.csv"]


FORMULAS = [  # (cell as extracted, cell as written to the CSV)
    ('=HYPERLINK("http://example.org","жми")', '\'=HYPERLINK("http://example.org","жми")'),
    ("@SUM(1+1)*cmd|' /C calc'!A0", "'@SUM(1+1)*cmd|' /C calc'!A0"),
    ("- Мы подписали соглашение, - сказал аким.", "'- Мы подписали соглашение, - сказал аким."),
    ("+7 (701) 000-00-00", "'+7 (701) 000-00-00"),
    ("\tвкладка", "'\tвкладка"),
    ("'цитата'", "''цитата'"),  # the mark itself: escaped too, so one `'` off always undoes it
    ("Аким области", "Аким области"),
    ("-5", "-5"),  # a plain number stays a number
    ("1400000000000", "1400000000000"),
]


@pytest.mark.parametrize("text, written", FORMULAS)
def test_text_cells_are_formula_safe_and_read_back_unchanged(tmp_path, text, written):
    path = tmp_path / "t.csv"
    write_csv(pd.DataFrame({"title": [text], "start": pd.array([5], dtype="Int64")}), path)
    cell = pd.read_csv(path, encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert cell["title"][0] == written
    assert cell["start"][0] == "5"  # numbers are written as numbers
    assert read_csv(path)["title"][0] == text


def test_a_carriage_return_opening_a_cell_is_escaped_too():
    assert text_cell("\rвозврат") == "'\rвозврат"


def test_a_run_publishes_its_whole_set_with_a_manifest_and_drops_files_it_no_longer_writes(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "extract.xlsx").write_text("old workbook")
    write_manifest(out, {"status": "complete", "files": {"extract.xlsx": {"rows": None}}})
    staging = staging_folder(out)
    write_csv(pd.DataFrame({"a": ["x", "y"]}), staging / "regions.csv")
    manifest = publish(staging, out, {"regions.csv": 2}, {"code_version": "v1"})
    assert manifest["status"] == "complete"
    assert read_manifest(out) == {"code_version": "v1", "status": "complete",
                                  "files": {"regions.csv": {"rows": 2}}}
    assert sorted(p.name for p in out.iterdir()) == ["manifest.json", "regions.csv"]


def test_stale_staging_folders_and_temp_files_are_cleaned(tmp_path):
    (tmp_path / ".staging-abc").mkdir()
    (tmp_path / ".staging-abc" / "regions.csv").write_text("half")
    (tmp_path / ".sums.csv.x1y2.tmp").write_text("half")
    (tmp_path / "sums.csv").write_text("kept")
    clean_stale(tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == ["sums.csv"]


def test_a_second_run_cannot_take_the_folder(tmp_path):
    with locked(tmp_path):
        with pytest.raises(FolderBusy):
            with locked(tmp_path):
                pass
    with locked(tmp_path):  # released
        pass
