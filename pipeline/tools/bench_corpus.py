"""The bench's corpus: real articles recombined, so every text is new.

Sources are the sample articles and the development set (`../shared/dev`)
when it is there. Each corpus article keeps one source's opening (header and
lead), fills up to that source's length with paragraphs drawn from all of
them, then gets fresh names, numbers and regions (so no cache of parses or
results can make one free); each is written as a .txt file.
"""
from __future__ import annotations

import random
import re
from pathlib import Path

from ..extractors.gazetteer import RULES

SAMPLES = Path(__file__).resolve().parents[2] / "data" / "articles"
# A paragraph longer than this is cut into pieces of whole sentences about half as long.
PARAGRAPH_CHARS = 1200

# Russian-type surnames: capitalised root + ов/ев/ин + case ending.
SURNAME = re.compile(r"\b([А-ЯЁ][а-яё]{2,}?)(ов|ев|ин)(а|у|ым|ом|е|ой|ых|ы)?\b")
# A capitalised word right before a surname: a first name.
FIRST_NAME = re.compile(r"\b([А-ЯЁ][а-яё]{2,})(?= [А-ЯЁ][а-яё]{2,}?(?:ов|ев|ин)(?:а|у|ым|ом|е|ой)?\b)")
# The case ending a masculine first name takes with the surname's ending.
NAME_ENDING = {"а": "а", "у": "у", "ым": "ом", "ом": "ом", "е": "е", None: ""}
REGION_ADJECTIVE = re.compile(r"\b([А-ЯЁ][а-яё]*(?:-[А-ЯЁ][а-яё]*)?ск)(ая|ой|ую|ою|ие|их|им|ими|ий|ого|ому|ом)\b")
DATE = re.compile(r"\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b|\b\d{4}-\d\d-\d\d\b")
NUMBER = re.compile(r"\d+")
VOWEL_END = re.compile(r"[аеёиоуыэюяйь]$")

FIRST_NAMES = ["Серик", "Марат", "Берик", "Нурлан", "Ерлан", "Айдар", "Руслан", "Тимур", "Максим",
               "Олег", "Игорь", "Бахыт", "Кайрат", "Асхат", "Дамир", "Ербол", "Азамат", "Роман",
               "Денис", "Вадим", "Артур", "Булат", "Ильдар", "Талгат", "Арман", "Самат", "Данияр",
               "Борис", "Глеб", "Станислав", "Ростислав", "Ислам", "Рустам", "Жандос", "Мурат"]
SYLLABLES = ["бек", "тур", "сал", "мах", "жан", "кур", "ос", "ман", "тас", "бай", "кен", "сер",
             "дос", "мед", "нур", "гал", "рах", "сей", "там", "ер", "жол", "кар", "лук", "мир",
             "пар", "сим", "тол", "шам", "ус", "вер", "гор", "дан", "зам", "кир", "лас", "нес"]


def _oblast_stems() -> list[str]:
    """`Курск`, `Павлодарск`, ...: stems of every `...ская область` in the gazetteer."""
    import csv
    stems = set()
    with open(RULES / "regions.csv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            for name in [row["name"], *row["aliases"].split(";")]:
                m = re.fullmatch(r"([А-ЯЁ][а-яё-]+ск)ая область", name.strip())
                if m:
                    stems.add(m.group(1))
    return sorted(stems)


def _surname_root(rng: random.Random, used: set[str]) -> str:
    while True:
        root = "".join(rng.choice(SYLLABLES) for _ in range(rng.choice((2, 2, 3)))).capitalize()
        if root not in used:
            used.add(root)
            return root


def vary(text: str, rng: random.Random, oblasts: list[str]) -> str:
    """A copy of `text` with other regions, people and numbers, grammatical where it matters."""
    # Regions: every oblast adjective stem maps to another one, consistently in this copy.
    known = set(oblasts)
    regions: dict[str, str] = {}

    def region(m: re.Match) -> str:
        stem = m.group(1)
        if stem not in known:
            return m.group(0)
        if stem not in regions:
            regions[stem] = rng.choice([s for s in oblasts if s not in regions.values()] or oblasts)
        return regions[stem] + m.group(2)

    text = REGION_ADJECTIVE.sub(region, text)
    # First names before surnames, then the surnames: same person, same new name, every case.
    names: dict[str, str] = {}

    def first_name(m: re.Match) -> str:
        word = m.group(1)
        following = SURNAME.match(text, m.end() + 1)
        ending = NAME_ENDING.get(following.group(3) if following else None)
        if ending is None or not word.endswith(ending) or \
                VOWEL_END.search(root := word[:len(word) - len(ending)] if ending else word):
            return word
        if root not in names:
            names[root] = rng.choice([n for n in FIRST_NAMES if n not in names.values()])
        return names[root] + ending

    text = FIRST_NAME.sub(first_name, text)
    roots: dict[str, str] = {}
    used: set[str] = set()

    def surname(m: re.Match) -> str:
        root = m.group(1)
        if root not in roots:
            roots[root] = _surname_root(rng, used)
        return roots[root] + m.group(2) + (m.group(3) or "")

    text = SURNAME.sub(surname, text)
    # Numbers: same number of digits, fresh digits; dates stay dates.
    dates = [m.span() for m in DATE.finditer(text)]

    def number(m: re.Match) -> str:
        if any(a <= m.start() < b for a, b in dates):
            return m.group(0)
        digits = m.group(0)
        if len(digits) == 4 and digits[:2] in ("19", "20"):
            return str(rng.randint(2005, 2023))
        new = "".join(rng.choice("0123456789") for _ in digits)
        return (str(rng.randint(1, 9)) + new[1:]) if digits[0] != "0" else new

    return NUMBER.sub(number, text)


def paragraphs(text: str) -> list[str]:
    """A text's paragraphs; a long one-line text (many news sites) in pieces of a few sentences."""
    from razdel import sentenize

    pieces = []
    for line in (line.strip() for line in text.splitlines()):
        if len(line) <= PARAGRAPH_CHARS:
            pieces.extend([line] if line else [])
            continue
        chunk = ""
        for sentence in sentenize(line):
            chunk = f"{chunk} {sentence.text}".strip()
            if len(chunk) >= PARAGRAPH_CHARS // 2:
                pieces.append(chunk)
                chunk = ""
        pieces.extend([chunk] if chunk else [])
    return pieces


def recombine(texts: list[str], i: int, rng: random.Random, pool: list[str]) -> str:
    """Article i: the opening paragraphs of source i (its header and lead), then paragraphs drawn
    from all sources until it is as long as source i: real sentences, a text never seen whole."""
    base = texts[i % len(texts)]
    own = paragraphs(base)
    chosen = own[:2]
    while sum(len(p) + 1 for p in chosen) < len(base):
        chosen.append(rng.choice(pool))
    return "\n".join(chosen) + "\n"


def source_folders() -> list[Path]:
    """The sample articles and, where it lies beside the project, the development set."""
    dev = SAMPLES.parents[2] / "shared" / "dev" / "articles"
    return [SAMPLES] + ([dev] if dev.is_dir() else [])


def make_corpus(folder: Path, n: int, sources: list[Path] | None = None, seed: int = 1,
                prefix: str = "bench") -> int:
    """Write n articles recombined from the real ones in `sources` (paragraphs of several
    articles, then fresh names, numbers and regions) to `folder` as .txt; returns their chars."""
    sources = sources or source_folders()
    files = sorted(p for folder_ in sources for p in Path(folder_).rglob("*.txt"))
    if not files:
        raise SystemExit(f"no .txt articles in {', '.join(map(str, sources))}")
    texts = [p.read_text(encoding="utf-8") for p in files]
    pool = [p for text in texts for p in paragraphs(text)]
    oblasts = _oblast_stems()
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    chars = 0
    for i in range(n):
        text = vary(recombine(texts, i, rng, pool), rng, oblasts)
        (folder / f"{prefix}_{i:06d}.txt").write_text(text, encoding="utf-8")
        chars += len(text)
    return chars
