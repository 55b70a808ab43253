"""What the probe tests share: their made-up cases (JSON lines, each with `holdout`) and
the evaluator's matching, case by case (`Score.add` over `gold_sets`-style sets)."""
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
