"""Scoring of the made-up probe articles (`signing_probe*.jsonl`), shared by their tests.

Each row is an article with its gold in the format of the gold files; rows marked
`holdout` were written before the rules were fixed and their misses read only
after, so their figures say how the rules carry to text they were not written for.
"""
import json
from pathlib import Path

from pipeline.api import extract
from pipeline.tools.evaluate import score


def probe_rows(probe: Path) -> list[dict]:
    return [json.loads(line) for line in probe.read_text(encoding="utf-8").splitlines()]


def probe_scores(probe: Path, folder: Path) -> dict[str, dict]:
    """Scores of all rows, of the tuned ones and of the hold-out ones."""
    rows = probe_rows(probe)
    for row in rows:
        (folder / f"{row['article_id']}.txt").write_text(row["text"], encoding="utf-8")
    tables = extract(folder)
    return {"all": score(rows, tables),
            "tuned": score([r for r in rows if not r["holdout"]], tables),
            "holdout": score([r for r in rows if r["holdout"]], tables)}


def assert_floors(scores: dict[str, dict], field: str, floors: tuple[float, float]):
    """F1 of `field` over all rows and over the hold-out rows at least the floors."""
    floor_all, floor_holdout = floors
    assert scores["all"][field].f1 >= floor_all, scores["all"][field].misses
    assert scores["holdout"][field].f1 >= floor_holdout, scores["holdout"][field].misses
