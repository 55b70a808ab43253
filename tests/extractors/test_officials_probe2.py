"""A second probe of the officials path: made-up snippets of general political news only
(wire-service style, every continent, every way Russian ties a name to its office, and
non-state people named beside offices), written in three rounds, each before the rules
were fixed for it. The 87 cases marked `holdout` (a third of each round, kept at the end)
were not looked at while fixing (scorer: `officials_scoring`).

`python -m tests.extractors.test_officials_probe2` prints the scores and the misses of the
cases that are not held out.
"""
from pathlib import Path

import pytest

from tests.extractors.officials_scoring import assert_floors, report

PROBE = Path(__file__).with_name("officials_probe2.jsonl")
# Floors a little under the figures measured when the probe was last tuned.
FLOORS = {False: {"officials": 0.98, "positions": 0.97, "official_regions": 0.98},
          True: {"officials": 0.97, "positions": 0.93, "official_regions": 0.97}}


@pytest.mark.parametrize("holdout", [False, True], ids=["tuned", "holdout"])
def test_probe_f1_floors(make_doc, holdout):
    assert_floors(make_doc, PROBE, holdout, FLOORS[holdout])


if __name__ == "__main__":
    report(PROBE)
