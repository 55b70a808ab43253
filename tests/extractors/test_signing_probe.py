"""A held-out probe of made-up interregional news, scored as the hidden articles are.

`signing_probe.jsonl` holds short articles written for this test (forums,
visits, signing ceremonies, plans, negations, quotes, city twinning, date lines
and bylines), each with its gold in the format of the gold files. The rows marked
`holdout` were written before the rules were fixed and their misses read only after:
their floors say how the rules carry to text they were not written for.
"""
from pathlib import Path

import pytest

from .probes import article_scores, assert_article_floors, cases

PROBE = Path(__file__).with_name("signing_probe.jsonl")
FIELDS = ("memoranda", "links", "published")
# F1 floors: (all rows, hold-out rows), a little under the figures the rules reach.
FLOORS = {"memoranda": (0.95, 0.9), "links": (0.97, 0.94), "published": (0.98, 0.98)}


@pytest.fixture(scope="module")
def scores(tmp_path_factory):
    return article_scores(PROBE, tmp_path_factory.mktemp("probe"))


def test_probe_has_enough_articles():
    rows = cases(PROBE)
    assert len(rows) >= 60 and sum(r["holdout"] for r in rows) == 20


@pytest.mark.parametrize("field", FIELDS)
def test_probe_floor(scores, field):
    assert_article_floors(scores, field, FLOORS[field])
