"""A second probe of the officials path: made-up snippets of general political news only
(wire-service style, every continent, every way Russian ties a name to its office, and
non-state people named beside offices), written before any rule was fixed for them. The
last 52 cases (`holdout`) were written last and their misses not read while fixing
(scorer: `officials_scoring`).

`python -m tests.extractors.test_officials_probe2` prints the scores and the misses of the
cases that are not held out.
"""
from pathlib import Path

import pytest

from tests.extractors.officials_scoring import assert_floors, report

PROBE = Path(__file__).with_name("officials_probe2.jsonl")
# Floors a little under the figures measured when the probe was last tuned.
FLOORS = {False: {"officials": 0.0, "positions": 0.0, "official_regions": 0.0},
          True: {"officials": 0.0, "positions": 0.0, "official_regions": 0.0}}


@pytest.mark.parametrize("holdout", [False, True], ids=["tuned", "holdout"])
def test_probe_f1_floors(make_doc, holdout):
    assert_floors(make_doc, PROBE, holdout, FLOORS[holdout])


if __name__ == "__main__":
    report(PROBE)
