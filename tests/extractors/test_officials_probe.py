"""A held-out probe of the whole officials path: made-up sentences of general political news
and of interregional news, written before the rules were tuned on them. The last 40 cases
(`holdout`) were written last and not looked at while fixing (scorer: `officials_scoring`).

`python -m tests.extractors.test_officials_probe` prints the scores and the misses of the
cases that are not held out.
"""
from pathlib import Path

import pytest

from tests.extractors.officials_scoring import assert_floors, report

PROBE = Path(__file__).with_name("officials_probe.jsonl")
# Floors a little under the figures measured when the probe was last tuned.
FLOORS = {False: {"officials": 0.97, "positions": 0.96, "official_regions": 0.97},
          True: {"officials": 0.95, "positions": 0.93, "official_regions": 0.93}}


@pytest.mark.parametrize("holdout", [False, True], ids=["tuned", "holdout"])
def test_probe_f1_floors(make_doc, holdout):
    assert_floors(make_doc, PROBE, holdout, FLOORS[holdout])


if __name__ == "__main__":
    report(PROBE)
