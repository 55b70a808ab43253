"""A second probe of made-up interregional news, written before its rules were fixed.

`signing_probe2.jsonl` varies what the first probe holds fixed: the outlets (old wire
copy with datelines, regional press releases, web pages with menus and `Читайте
также`, Kazakh-inflected names), who signs (akimats, governments, governors, hokims,
heads of republics, envoys, ministries, companies, cities), how (`скрепили подписями`,
`стороны обменялись`, `с казахстанской стороны`, `в присутствии`, `X с Y`, `X – Y`),
how regions are named (adjectives, abbreviations, former and informal names, `столица`),
multilateral signings, several documents with different pairs, and negatives (plans,
drafts, postponed, not signed, a meeting without signing). Its last quarter is the
hold-out, scored as in `test_signing_probe.py`.
"""
from pathlib import Path

import pytest

from .probes import article_scores, assert_article_floors, cases

PROBE = Path(__file__).with_name("signing_probe2.jsonl")
FIELDS = ("memoranda", "links", "regions", "published")
# F1 floors: (all rows, hold-out rows), a little under the figures the rules reach.
FLOORS = {"memoranda": (0.98, 0.97), "links": (0.98, 0.95), "regions": (0.99, 0.98),
          "published": (0.98, 0.98)}


@pytest.fixture(scope="module")
def scores(tmp_path_factory):
    return article_scores(PROBE, tmp_path_factory.mktemp("probe2"))


def test_probe_has_enough_articles_and_a_quarter_held_out():
    rows = cases(PROBE)
    held_out = [r["holdout"] for r in rows]
    assert len(rows) >= 80 and sum(held_out) >= len(rows) / 4
    assert held_out == sorted(held_out)  # the hold-out is the last quarter


@pytest.mark.parametrize("field", FIELDS)
def test_probe_floor(scores, field):
    assert_article_floors(scores, field, FLOORS[field])
