"""Which currency a name that several currencies share means where it stands: `рублей` is
RUB, but BYN in news about Belarus (`В Гродненской области направят 12 млн рублей`), and
`манат` TMT, but AZN in news about Azerbaijan (rules/currencies.csv: `home`, `country`)."""
from __future__ import annotations

from collections import Counter
from functools import cached_property, lru_cache

from ..nlp import Doc, Sentence
from .gazetteer import gazetteer
from .places import regional_centres


@lru_cache(maxsize=1)
def centre_countries() -> dict[str, str]:
    """A regional centre (folded, `витебск`) → its country (`BY`): a city names its home too."""
    countries = {unit.name: unit.country for unit in gazetteer().units}
    return {city: countries[region] for city, region in regional_centres().items()
            if region in countries}


class Homes:
    """The countries an article names, read once, the first time a shared name needs them."""

    def __init__(self, doc: Doc):
        self.doc = doc

    @cached_property
    def named(self) -> list[tuple[int, str]]:
        """(offset, currency) of each mention of a currency's home, in text order: its words,
        its regions and their centres (`в Витебске`)."""
        from rules.money import COUNTRIES, HOME_WORDS

        centres = centre_countries()
        found = [(t.start, HOME_WORDS.get(t.lemma) or HOME_WORDS.get(t.text.lower()) or
                  t.text[:1].isupper() and COUNTRIES.get(centres.get(t.lemma.replace('ё', 'е'))))
                 for t in self.doc.tokens]
        found += [(m.start, COUNTRIES.get(m.unit.country)) for m in self.doc.regions or ()]
        return sorted((offset, code) for offset, code in found if code)

    def currency(self, sentence: Sentence, start: int, end: int, currency: str) -> str:
        """The currency the sum at `start`–`end` (offsets in the doc) means: a bare shared name
        takes the home its sentence names, else the one the article names most, else stays."""
        from rules.money import HOME_WORDS, SHARED, SIGNS

        if currency not in SHARED:
            return currency
        tokens = self.doc.tokens[self.doc.token_index(start):self.doc.token_index(end)]
        if any(t.text.lower() in SIGNS or t.lemma in HOME_WORDS for t in tokens):
            return currency  # named in full: `RUB`, `₽`, `российских рублей`
        group = SHARED[currency] | {currency}
        for scope_start, scope_end in ((sentence.start, sentence.end), (0, len(self.doc.text))):
            counts = Counter(code for offset, code in self.named
                             if scope_start <= offset < scope_end and code in group).most_common(2)
            if counts and (len(counts) == 1 or counts[0][1] > counts[1][1]):
                return counts[0][0]
            if counts:  # a tie: both homes named, the name stays the common one
                return currency
        return currency
