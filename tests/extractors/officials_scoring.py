"""The scorer of the officials probes (`officials_probe*.jsonl`): each case a made-up snippet
with its expected officials, the last ones marked `holdout` (written last, their misses not
read while fixing). Matching is the evaluator's (`gold_sets`: persons by surname and initial,
case and ё folded).
"""
import json
from pathlib import Path

from pipeline.tools.evaluate import Score, gold_sets

FIELDS = ["officials", "positions", "official_regions"]


def cases(probe: Path) -> list[dict]:
    return [json.loads(line) for line in probe.read_text(encoding="utf-8").splitlines() if line.strip()]


def score(make_doc, probe: Path, holdout: bool) -> tuple[dict[str, Score], list[str]]:
    from pipeline.extractors.officials import extract_officials
    scores, misses = {name: Score() for name in FIELDS}, []
    for case in cases(probe):
        if case["holdout"] != holdout:
            continue
        found = [{"person": o.person, "position": o.position, "region": o.region}
                 for o in extract_officials(make_doc(case["text"]))]
        expected, predicted = gold_sets({"officials": case["expected"]}), gold_sets({"officials": found})
        for name in FIELDS:
            e, p = expected[name], predicted[name]
            scores[name].tp += len(e & p)
            scores[name].fp += len(p - e)
            scores[name].fn += len(e - p)
        if expected["official_regions"] != predicted["official_regions"] or \
                expected["positions"] != predicted["positions"]:
            misses.append(f"{case['text']}\n   expected {case['expected']}\n   found    {found}")
    return scores, misses


def assert_floors(make_doc, probe: Path, holdout: bool, floors: dict[str, float]) -> None:
    scores, _ = score(make_doc, probe, holdout)
    for name in FIELDS:
        assert scores[name].f1 >= floors[name], (name, scores[name].f1)


def report(probe: Path, show_holdout_misses: bool = False) -> None:
    """Prints P/R/F1 of the tuned and the hold-out cases, and the misses of the tuned ones."""
    from pipeline.engine.run import add_layers
    from pipeline.nlp import analyze
    from pipeline.records import Article

    def make(text):
        return add_layers(analyze(Article("t", "t", text), ner=True))
    for holdout in (False, True):
        scores, misses = score(make, probe, holdout)
        print("holdout" if holdout else "tuned", {n: (round(s.precision, 3), round(s.recall, 3), round(s.f1, 3))
                                                   for n, s in scores.items()})
        if not holdout or show_holdout_misses:
            print("\n".join(misses))
