"""The scorer of the officials probes (`officials_probe*.jsonl`): each case a made-up snippet
with its expected officials, the last ones marked `holdout` (written last, their misses not
read while fixing). Matching is the evaluator's (`gold_sets`: persons by surname and initial,
case and ё folded); cases and scores are the probes' shared ones (`probes.py`).
"""
from pathlib import Path

from pipeline.tools.evaluate import Score, gold_sets
from tests.extractors import probes

FIELDS = ["officials", "positions", "official_regions"]


def score(make_doc, probe: Path, holdout: bool) -> tuple[dict[str, Score], list[str]]:
    from pipeline.extractors.officials import extract_officials

    def found(case):
        officials = [{"person": o.person, "position": o.position, "region": o.region}
                     for o in extract_officials(make_doc(case["text"]))]
        return gold_sets({"officials": officials}), officials
    rows = [case for case in probes.cases(probe) if case["holdout"] == holdout]
    return probes.score(rows, FIELDS, lambda case: gold_sets({"officials": case["expected"]}), found)


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
        print("holdout" if holdout else "tuned", probes.report(scores))
        if not holdout or show_holdout_misses:
            print("\n".join(misses))
