"""The officials probes: made-up snippets, each with its expected officials, written before the
rules were tuned on them; the cases marked `holdout` (kept at the end of each file, a third of
each round of writing) were not looked at while fixing. Scored with the evaluator's matching
(`officials_scoring`).

- `officials_probe.jsonl`: general political and interregional news (40 hold-out).
- `officials_probe2.jsonl`: general political news only, wire-service style, every continent,
  every way Russian ties a name to its office, non-state people beside offices; three rounds
  (87 hold-out).
- `officials_probe3.jsonl`: the genres the first two barely have: regional press releases,
  parliament and maslikhat sessions, lists of participants and photo captions, quotes
  attributed after the quote, the name before its office, initials, district, city and rural
  heads, courts, Chinese, Mongolian, Turkic and Korean names, Kazakh patronymics, non-state
  people; three rounds (74 hold-out).
- `officials_probe4.jsonl`: general political and interregional news the first three barely
  have: offices and names joined respectively, plural offices, the office after the name (in
  brackets, after a dash or a comma, `занимающий пост`, `в должности`), acting, former and new
  holders, legislatures of many countries, long federal titles, heads of services, world
  leaders and monarchs, international organisations and party leaders (no office), Q&A, bylines,
  datelines and captions, then whole wire and interregional stories, military ranks, non-state
  people beside officials, Central Asian, Belarusian, Mongolian and Chinese regional offices;
  eleven rounds (149 hold-out).
- `officials_probe5.jsonl`: an independent blind set, every case held out (no rule was tuned on
  it): short items of every genre and country (225), longer world political news with wire
  datelines (61), multi-sentence items with the office in a later sentence beside opposition,
  expert, former and international figures (40).
- `officials_probe6.jsonl`: the classes probe 5 found: staff and envoys of an office
  (`помощник премьер-министра`, `глава офиса президента`), sought, future and honorary offices,
  place-named first names, Japanese and Korean names, decree-style names, audit, customs and
  joint-chiefs bodies, party-tagged legislators, plural offices for names joined before; five
  rounds (47 hold-out).
- `officials_probe7.jsonl`: appointments and current posts: the appointed name after the office
  and its place (`назначил акимом Павлодарской области Асаина Байханова`), an office taken up
  over the one beside the name, `, ныне` an office, `торага`, first names that are region
  names (`области Абай Сулейменов`); two rounds (11 hold-out).

- `officials_articles.jsonl`: whole made-up news articles (headline, dateline, lead, quotes,
  background, captions, bylines, related news, press-service sign-offs) of every country and
  2001-2025, scored through `pipeline.extract` against gold rows as the hidden articles are:
  a person named many ways, the office in the headline and the name later, past posts beside
  the present one, experts, party leaders and business people beside officials, dirty web
  pages with menus and popular-news blocks, long stories with many offices and names far apart;
  six rounds (81), the last third of each held out.

`python -m tests.extractors.test_officials_probes [officials_probe2.jsonl ...]` prints the
scores of each probe (all by default) and the misses of the cases that are not held out.
"""
import sys
from pathlib import Path

import pytest

from tests.extractors import probes
from tests.extractors.officials_scoring import assert_floors, report

HERE = Path(__file__).parent
# Floors a little under the figures measured when each probe was last tuned: tuned, hold-out.
FLOORS = {
    "officials_probe.jsonl": ({"officials": 0.97, "positions": 0.96, "official_regions": 0.97},
                              {"officials": 0.95, "positions": 0.93, "official_regions": 0.93}),
    "officials_probe2.jsonl": ({"officials": 0.98, "positions": 0.97, "official_regions": 0.98},
                               {"officials": 0.97, "positions": 0.93, "official_regions": 0.97}),
    "officials_probe3.jsonl": ({"officials": 0.98, "positions": 0.98, "official_regions": 0.98},
                               {"officials": 0.95, "positions": 0.93, "official_regions": 0.93}),
    "officials_probe4.jsonl": ({"officials": 0.975, "positions": 0.97, "official_regions": 0.97},
                               {"officials": 0.94, "positions": 0.94, "official_regions": 0.91}),
    # Blind when written (0.952 / 0.919 / 0.949); its misses were read and probe 6's classes fixed.
    "officials_probe5.jsonl": ({"officials": 0.96, "positions": 0.94, "official_regions": 0.96},
                               {"officials": 0.96, "positions": 0.94, "official_regions": 0.96}),
    "officials_probe6.jsonl": ({"officials": 0.95, "positions": 0.92, "official_regions": 0.95},
                               {"officials": 0.93, "positions": 0.85, "official_regions": 0.91}),
    "officials_probe7.jsonl": ({"officials": 0.97, "positions": 0.97, "official_regions": 0.97},
                               {"officials": 0.87, "positions": 0.87, "official_regions": 0.87}),
}


@pytest.mark.parametrize("probe", FLOORS)
@pytest.mark.parametrize("holdout", [False, True], ids=["tuned", "holdout"])
def test_probe_f1_floors(make_doc, probe, holdout):
    if not any(case["holdout"] == holdout for case in probes.cases(HERE / probe)):
        pytest.skip("no cases of this kind: an empty set would pass any floor")
    assert_floors(make_doc, HERE / probe, holdout, FLOORS[probe][holdout])


# Whole articles: F1 floors per field, (all rows, hold-out rows), a little under the figures reached.
ARTICLE_FLOORS = {
    "officials_articles.jsonl": {"officials": (0.97, 0.96), "positions": (0.96, 0.94),
                                 "official_regions": (0.97, 0.95)},
}


@pytest.fixture(scope="module")
def article_scores(tmp_path_factory):
    return {probe: probes.article_scores(HERE / probe, tmp_path_factory.mktemp(probe.split(".")[0]))
            for probe in ARTICLE_FLOORS}


@pytest.mark.parametrize("probe,field", [(p, f) for p, fields in ARTICLE_FLOORS.items() for f in fields])
def test_article_probe_floor(article_scores, probe, field):
    probes.assert_article_floors(article_scores[probe], field, ARTICLE_FLOORS[probe][field])


@pytest.mark.parametrize("probe", ARTICLE_FLOORS)
def test_article_probe_holds_out_the_last_third_of_each_round(probe):
    rows = probes.cases(HERE / probe)
    for round_ in {r["round"] for r in rows}:
        held_out = [r["holdout"] for r in rows if r["round"] == round_]
        assert held_out == sorted(held_out) and sum(held_out) >= len(held_out) / 3 - 1


if __name__ == "__main__":
    for name in sys.argv[1:] or FLOORS:
        print(name)
        report(HERE / name)
