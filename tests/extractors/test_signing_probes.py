"""The signing probes: short made-up interregional news, each with its gold in the format of the
gold files, scored whole through `pipeline.extract` as the hidden articles are. The rows marked
`holdout` were written before the rules were fixed and their misses read only after: their
floors say how the rules carry to text they were not written for.

- `signing_probe.jsonl`: forums, visits, signing ceremonies, plans, negations, quotes, city
  twinning, date lines and bylines (20 hold-out).
- `signing_probe2.jsonl`: other outlets (old wire copy, press releases, web pages with menus),
  who signs (akimats, governments, hokims, envoys, ministries, companies, cities), how
  (`скрепили подписями`, `стороны обменялись`, `с казахстанской стороны`, `X – Y`), regions by
  adjectives, abbreviations and former names, multilateral signings; its last quarter held out.
- `signing_probe3.jsonl`: long lists of partners (`с A, B и C, а также с D`), several bodies on
  one side (`между акиматами X и Y и правительством Z`), one document of several signatories,
  lone and bare signers (`аким подписал`), documents reported by their title, passive and
  impersonal signings, forum batches, first-level cities, China, Mongolia, Belarus, Central
  Asia and the new Kazakh regions, wire copy of 2001-2010 (bracketed countries, numbered lists
  of documents, names for offices, quotes), long reports of forums and visits where other
  regions trade, attend or signed before, and negatives (plans, talks, visits, interstate
  documents, companies); nine rounds, the last third of each held out (87 of 256).
- `signing_articles.jsonl`: whole long articles (visits, forums, business missions,
  intergovernmental commissions) with several documents, companies' and earlier agreements,
  quotes, related-news blocks and web chrome; rounds of the last third held out.
- `signing_probe4.jsonl`: heads of first-level cities (`мэр Оша`, `аким Алматы`, a bare `мэр`)
  and of other cities, documents acted on (`в соответствии с соглашением между X и Y`), a
  company side of the document joined after (`соглашение, а также меморандум с компанией`);
  five rounds, the last third of each held out.
"""
from pathlib import Path

import pytest

from .probes import article_scores, assert_article_floors, cases

HERE = Path(__file__).parent
# F1 floors per field, (all rows, hold-out rows): a little under the figures the rules reach.
FLOORS = {
    "signing_probe.jsonl": {"memoranda": (0.95, 0.9), "links": (0.97, 0.94), "published": (0.98, 0.98)},
    "signing_probe2.jsonl": {"memoranda": (0.98, 0.97), "links": (0.98, 0.95), "regions": (0.99, 0.98),
                             "published": (0.98, 0.98)},
    "signing_probe3.jsonl": {"memoranda": (0.98, 0.97), "links": (0.98, 0.97)},
    "signing_articles.jsonl": {"memoranda": (0.97, 0.97), "links": (0.95, 0.9), "regions": (0.98, 0.97)},
    "signing_probe4.jsonl": {"links": (0.97, 0.95)},
}


@pytest.fixture(scope="module")
def scores(tmp_path_factory):
    return {probe: article_scores(HERE / probe, tmp_path_factory.mktemp(probe.split(".")[0]))
            for probe in FLOORS}


@pytest.mark.parametrize("probe,field", [(p, f) for p, fields in FLOORS.items() for f in fields])
def test_probe_floor(scores, probe, field):
    assert_article_floors(scores[probe], field, FLOORS[probe][field])


def test_probes_hold_enough_articles_and_their_hold_out():
    first, second, third, articles, cities = (cases(HERE / probe) for probe in FLOORS)
    assert len(first) >= 60 and sum(r["holdout"] for r in first) == 20
    held_out = [r["holdout"] for r in second]
    assert len(second) >= 80 and sum(held_out) >= len(second) / 4
    assert held_out == sorted(held_out)  # the hold-out is the last quarter
    assert len(third) >= 100 and len(articles) >= 40
    for probe in (third, articles, cities):
        for round_ in {r["round"] for r in probe}:
            rows = [r["holdout"] for r in probe if r["round"] == round_]
            assert rows == sorted(rows) and sum(rows) >= len(rows) / 3 - 1  # the last third of each round
