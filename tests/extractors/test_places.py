"""rules/centres.csv: every regional centre names a region of the gazetteer, once."""
import csv

from pipeline.extractors.gazetteer import RULES, gazetteer
from pipeline.extractors.places import regional_centres


def test_every_centre_is_in_a_region_of_the_gazetteer():
    with open(RULES / "centres.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert {row["region"] for row in rows} <= set(gazetteer().by_name)
    assert len({row["city"] for row in rows}) == len(rows)
    assert not {row["city"] for row in rows} & set(gazetteer().by_name)  # a first-level city is a region


def test_centres_fold_case_and_yo():
    assert regional_centres()["орел"] == "Орловская область"
    assert regional_centres()["усть-каменогорск"] == "Восточно-Казахстанская область"
