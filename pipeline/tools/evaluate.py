"""Gold JSON vs extracted tables → precision, recall and F1 per field.

Matching follows the SPEC: case and ё folded; persons by full name, else by
surname + first initial (so `С. Ахметов` matches `Серик Ахметов`). Each field
is a set per article; counts are summed over articles (micro-average).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..output import write

FIELDS = ["regions", "officials", "positions", "official_regions", "sums", "memoranda", "links",
          "published"]
UNSPECIFIED = "unspecified"


def fold(text) -> str:
    return re.sub(r"\s+", " ", str(text)).strip().lower().replace("ё", "е")


def person_key(name: str) -> tuple[str, str]:
    """(surname, first initial): `Юрий Берг`, `Ю.Берг` and `Ю. Берг` share one key."""
    words = re.findall(r"[^\s.]+", fold(name))
    if not words:
        return ("", "")
    return (words[-1], words[0][0] if len(words) > 1 else "")


def _amount(value) -> str:
    number = float(value)
    return str(int(number)) if number.is_integer() else repr(number)


def gold_sets(gold: dict) -> dict[str, set]:
    officials = gold.get("officials") or []
    memoranda = set(gold.get("memoranda") or [])
    if gold.get("memoranda_unspecified"):
        memoranda.add(UNSPECIFIED)
    return {
        "regions": {fold(r) for r in gold.get("regions") or []},
        "officials": {person_key(o["person"]) for o in officials},
        "positions": {(person_key(o["person"]), fold(o["position"])) for o in officials},
        "official_regions": {(person_key(o["person"]), fold(o["region"] or "-")) for o in officials},
        "sums": {(_amount(s["amount"]), s["currency"].upper()) for s in gold.get("sums") or []},
        "memoranda": memoranda,
        "links": {frozenset(map(fold, pair)) for pair in gold.get("links") or []},
        "published": {gold["published"]} if gold.get("published") else set(),
    }


def _rows(frame: pd.DataFrame, article_id: str) -> pd.DataFrame:
    return frame[frame["article_id"].astype(str) == article_id]


def _present(value) -> bool:
    return value is not None and not pd.isna(value) and str(value) != ""


def predicted_sets(tables: dict[str, pd.DataFrame], article_id: str) -> dict[str, set]:
    officials = _rows(tables["officials"], article_id)
    sums, links = _rows(tables["sums"], article_id), _rows(tables["links"], article_id)
    memoranda = _rows(tables["memoranda"], article_id)
    memoranda = memoranda[memoranda["document"].astype(str).str.contains("меморандум")]
    counts = {int(c) if _present(c) else UNSPECIFIED for c in memoranda["count"]}
    article = _rows(tables["articles"], article_id)
    published = article["published"].iloc[0] if len(article) else None
    return {
        "regions": {fold(r) for r in _rows(tables["regions"], article_id)["region"]},
        "officials": {person_key(p) for p in officials["person"]},
        "positions": {(person_key(p), fold(q)) for p, q in zip(officials["person"], officials["position"])},
        "official_regions": {(person_key(p), fold(r) if _present(r) else "-")
                             for p, r in zip(officials["person"], officials["region"])},
        "sums": {(_amount(a), c.upper()) for a, c in zip(sums["amount"], sums["currency"])},
        "memoranda": counts,
        "links": {frozenset((fold(a), fold(b))) for a, b in zip(links["region_a"], links["region_b"])},
        "published": {str(published)} if _present(published) else set(),
    }


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, expected: set, predicted: set) -> bool:
        """Counts one article's (or probe case's) sets; True where they differ."""
        self.tp += len(expected & predicted)
        self.fp += len(predicted - expected)
        self.fn += len(expected - predicted)
        return expected != predicted

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _show(item) -> str:
    if isinstance(item, frozenset):
        return " — ".join(sorted(item))
    if isinstance(item, tuple):
        return " ".join(_show(part) for part in item)
    return str(item)


def score(golds: list[dict], tables: dict[str, pd.DataFrame]) -> dict[str, Score]:
    scores = {name: Score() for name in FIELDS}
    for gold in sorted(golds, key=lambda g: g["article_id"]):
        article_id = str(gold["article_id"])
        expected, predicted = gold_sets(gold), predicted_sets(tables, article_id)
        for name in FIELDS:
            s, e, p = scores[name], expected[name], predicted[name]
            if s.add(e, p):
                missed = "; ".join(sorted(map(_show, e - p))) or "-"
                extra = "; ".join(sorted(map(_show, p - e))) or "-"
                s.misses.append(f"[{name}] {article_id} missed: {missed} | extra: {extra}")
    return scores


def read_tables(out_dir: Path) -> dict[str, pd.DataFrame]:
    names = ["articles", "regions", "officials", "sums", "memoranda", "links"]
    return {name: write.read_csv(out_dir / f"{name}.csv") for name in names}


def read_golds(gold_dir: Path) -> list[dict]:
    return [json.loads(path.read_text(encoding="utf-8")) for path in sorted(gold_dir.glob("*.json"))]


def format_scores(scores: dict[str, Score], title: str) -> str:
    lines = [title, f"{'field':<17}{'tp':>5}{'fp':>5}{'fn':>5}{'P':>7}{'R':>7}{'F1':>7}"]
    for name, s in scores.items():
        lines.append(f"{name:<17}{s.tp:>5}{s.fp:>5}{s.fn:>5}{s.precision:>7.3f}{s.recall:>7.3f}{s.f1:>7.3f}")
    return "\n".join(lines)


def main(gold_dir: Path, out_dir: Path, brief: bool = False) -> int:
    scores = score(read_golds(gold_dir), read_tables(out_dir))
    print(format_scores(scores, f"{out_dir} vs {gold_dir}"))
    if not brief:
        for s in scores.values():
            for line in s.misses:
                print(line)
    return 0
