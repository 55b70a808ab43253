"""What the probe tests share: their made-up cases (JSON lines, each with `holdout`: written
before the rules were fixed, their misses read only after, so their figures say how the
rules carry to text they were not written for) and the evaluator's matching.

Two ways to score: case by case over `gold_sets`-style sets (`score`: the officials and sums
probes, one stage on one snippet), or whole articles through `pipeline.extract` against rows
in the gold files' format (`article_scores`: the signing probes)."""
import json
from pathlib import Path
from typing import Callable

from pipeline.tools.evaluate import Score


def cases(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def score(rows: list[dict], fields: list[str], expected_sets: Callable[[dict], dict],
          found: Callable[[dict], tuple[dict, object]]) -> tuple[dict[str, Score], list[str]]:
    """Scores per field over `rows`, and a line per case whose sets differ.

    `expected_sets(case)` and the first item of `found(case)` map each field to a set;
    the second item of `found(case)` is what a miss shows as found."""
    scores, misses = {name: Score() for name in fields}, []
    for case in rows:
        expected, (predicted, shown) = expected_sets(case), found(case)
        differ = [name for name in fields if scores[name].add(expected[name], predicted[name])]
        if differ:
            misses.append(f"{case['text']!r}\n   expected {case['expected']}\n   found    {shown}")
    return scores, misses


def report(scores: dict[str, Score]) -> dict[str, tuple[float, float, float]]:
    return {n: (round(s.precision, 3), round(s.recall, 3), round(s.f1, 3)) for n, s in scores.items()}


def article_scores(probe: Path, folder: Path) -> dict[str, dict]:
    """The evaluator's scores of a probe of whole articles, written to `folder` and extracted:
    of all rows, of the tuned ones and of the hold-out ones."""
    from pipeline.api import extract
    from pipeline.tools.evaluate import score as score_tables
    rows = cases(probe)
    for row in rows:
        (folder / f"{row['article_id']}.txt").write_text(row["text"], encoding="utf-8")
    tables = extract(folder)
    return {"all": score_tables(rows, tables),
            "tuned": score_tables([r for r in rows if not r["holdout"]], tables),
            "holdout": score_tables([r for r in rows if r["holdout"]], tables)}


def assert_article_floors(scores: dict[str, dict], field: str, floors: tuple[float, float]):
    """F1 of `field` over all rows and over the hold-out rows at least the floors."""
    floor_all, floor_holdout = floors
    assert scores["all"][field].f1 >= floor_all, scores["all"][field].misses
    assert scores["holdout"][field].f1 >= floor_holdout, scores["holdout"][field].misses
