import pandas as pd
import pytest

from pipeline.output.write import (FolderBusy, OutputSet, clean_stale, fingerprint, locked, publish, read_csv,
                                   read_manifest, staging_folder, text_cell, write_atomically, write_csv,
                                   write_manifest)


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


def stage(out, files: dict[str, tuple[str, str]]):
    """One run's publishing of `files` (name → (fingerprint, text)); returns the names it wrote."""
    staged, written = OutputSet(staging_folder(out), out), []

    def writer(name, text):
        def write(path):
            written.append(name)
            path.write_text(text, encoding="utf-8")
            return {"articles": [text]}
        return write

    for name, (print_, text) in files.items():
        staged.add(name, print_, writer(name, text), keep=("articles",))
    publish(staged.staging, out, {}, {}, staged.stamps)
    return written


def test_a_file_of_the_same_fingerprint_is_the_published_file_kept_not_written_again(tmp_path):
    assert stage(tmp_path, {"a.csv": ("f1", "один"), "report/page-0001.html": ("p1", "страница")}) == \
        ["a.csv", "report/page-0001.html"]
    inode = (tmp_path / "report" / "page-0001.html").stat().st_ino
    assert stage(tmp_path, {"a.csv": ("f2", "два"), "report/page-0001.html": ("p1", "другая")}) == ["a.csv"]
    assert (tmp_path / "a.csv").read_text(encoding="utf-8") == "два"
    assert (tmp_path / "report" / "page-0001.html").read_text(encoding="utf-8") == "страница"
    assert (tmp_path / "report" / "page-0001.html").stat().st_ino == inode
    page = read_manifest(tmp_path)["files"]["report/page-0001.html"]
    assert page["fingerprint"] == "p1" and page["articles"] == ["страница"]  # kept from the first run
    assert not list(tmp_path.glob(".staging-*"))


@pytest.mark.parametrize("damage", [
    lambda path: path.write_text("правка", encoding="utf-8"),  # edited by hand
    lambda path: path.unlink(),  # deleted
])
def test_a_published_file_changed_since_is_written_again(tmp_path, damage):
    stage(tmp_path, {"a.csv": ("f1", "один")})
    damage(tmp_path / "a.csv")
    assert stage(tmp_path, {"a.csv": ("f1", "один")}) == ["a.csv"]
    assert (tmp_path / "a.csv").read_text(encoding="utf-8") == "один"


def test_pages_a_set_no_longer_has_are_removed_with_their_folder(tmp_path):
    stage(tmp_path, {"report.html": ("i1", "индекс"), "report/page-0001.html": ("p1", "1"),
                     "report/page-0002.html": ("p2", "2")})
    stage(tmp_path, {"report.html": ("i2", "всё на одной")})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["manifest.json", "report.html"]
    assert list(read_manifest(tmp_path)["files"]) == ["report.html"]


@pytest.mark.parametrize("a, b, same", [
    (("v1", ["k1", "k2"], []), ("v1", ["k1", "k2"], []), True),
    (("v1", ["k1", "k2"], []), ("v1", ["k2", "k1"], []), False),  # the order decides the reposts
    (("v1", ["k1"], []), ("v2", ["k1"], []), False),  # another code version
    (("v1", ["k1"], []), ("v1", ["k1"], [["bad", "bad.pdf", "not a text file"]]), False),
])
def test_fingerprint_changes_with_any_part(a, b, same):
    assert (fingerprint(*a) == fingerprint(*b)) is same
