import pandas as pd
import pytest

from pipeline.output.write import write_atomically, write_csv


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
