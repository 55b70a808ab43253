"""The outlet that published a piece, from how the text names it: `сообщает Kazinform`,
`по материалам «Курсив»`, datelines such as `Ташкент (UzDaily.uz) —`."""
from __future__ import annotations

import re

# Outlets: a verb of reporting, a role word, then a name that looks like one.
KNOWN = (r"РИА\s+«?Новости»?|ИНТЕРФАКС(?:-[А-ЯЁA-Z]+)?|Интерфакс(?:-[А-ЯЁA-Zа-яё]+)?|ТАСС|"
         r"БелТА|БЕЛТА|Казинформ|КазТАГ|Sputnik(?: [А-ЯЁ]\w+)?|REGNUM|Регнум|РБК|УзА|Кабар|"
         r"АКИpress|Синьхуа|Xinhua")

NAME = (rf"(?:{KNOWN}|[A-Za-z0-9][\w-]*(?:\.[\w-]+)*\.[A-Za-z]{{2,6}}(?!\w|\.\w)|"
        r"[«\"][^»\"\n]{2,40}[»\"]|[A-ZА-ЯЁ][A-ZА-ЯЁ0-9]{3,}(?:-[A-ZА-ЯЁ0-9]+)*\b|"
        r"[A-Z][\w-]+(?: [A-Z][\w-]+){0,2})")

ROLE = (r"(?:(?i:корреспондент|собкор|корр\.|агентство|информагентство|издание|портал|сайт|"
        r"газета|телеканал|ИА|МИА)\s+)?")

SITE = rf"(?:{KNOWN}|[A-Za-z0-9][\w-]*(?:\.[\w-]+)*\.[A-Za-z]{{2,6}}|[A-Z][\w-]+)"

OUTLET = [
    re.compile(rf"(?i:передает|передаёт|сообщает|сообщают|пишет|информирует)\s+{ROLE}({NAME})"),
    re.compile(rf"(?i:информационная служба|по материалам)\s+{ROLE}({NAME})"),
    # datelines: `Ташкент (UzDaily.uz) —`, `БАКУ /Trend/ -`, `СОЧИ, 28 фев — РИА Новости,`
    re.compile(rf"(?m)^[^\n]{{0,60}}?[(/]({SITE})[)/]?\s*[—–.-]"),
    re.compile(rf"(?m)^[^\n]{{0,60}}?[—–.]\s+(?:М?ИА\s+)?({KNOWN})(?=\s*[—–.,-])"),
]

def outlet(text: str) -> str | None:
    found = [(m.start(1), m.group(1)) for regex in OUTLET for m in regex.finditer(text)]
    if not found:
        return None
    name = min(found)[1]
    return re.sub(r"\s+", " ", name.replace("«", " ").replace("»", " ").replace('"', " ")).strip()
