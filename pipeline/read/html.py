"""A saved web page → its article: text, title, publication date, site name.

trafilatura extracts the article text, dropping menus, ads, widgets and
footers. libxml2 (under trafilatura) stops building a page's tree 256
levels deep, so a page nested deeper looks empty: it is parsed again with
lxml's huge_tree (2048 levels), and past that its text is taken from a
plain reading of the markup (every text outside scripts and styles, a line
a block).
"""
from __future__ import annotations

import re
from html.parser import HTMLParser

from ..records import Article
from .files import BadInput
from .normalize import as_read, one_line

LIBXML_DEPTH = 255  # libxml2's default nesting limit
UNCLOSED_LOOKBACK = 64
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
        "source", "track", "wbr"}
HIDDEN = {"script", "style", "noscript", "template", "head"}
BLOCKS = {"p", "div", "br", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "section",
          "article", "header", "footer", "blockquote", "pre", "table", "ul", "ol", "dl", "dt",
          "dd", "figcaption", "main", "aside", "nav", "form", "title"}


def html_article(stem: str, source: str, html: str) -> Article:
    doc = _extract(html)
    if not _has_text(doc):
        plain = _PlainText(html)
        if plain.depth <= LIBXML_DEPTH:
            raise BadInput("no article text found in the HTML page")
        doc = _extract(_huge_tree(html))  # libxml2 cut the tree short: build it whole
        if not _has_text(doc):
            return Article(stem, source, as_read(plain.text()), title=one_line(plain.title))
    return Article(stem, source, as_read(doc.text), title=one_line(doc.title),
                   published=one_line(doc.date), outlet=one_line(doc.sitename),
                   url=one_line(doc.url))


def _has_text(doc) -> bool:
    return doc is not None and bool((doc.text or "").strip())


def _extract(html):
    import trafilatura  # heavy import, paid only when a page is read

    return trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False,
        # Only a date the page states (meta tags, markup), never a guess from
        # the URL or the body text, which may be any date in the story.
        date_extraction_params={"extensive_search": False, "original_date": True})


def _huge_tree(html: str):
    from lxml import html as lxml_html

    parser = lxml_html.HTMLParser(huge_tree=True, collect_ids=False, remove_comments=True,
                                  remove_pis=True)
    return lxml_html.document_fromstring(html, parser=parser)


class _PlainText(HTMLParser):
    """The page's visible text, a line a block, and how deep its elements nest."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title = ""
        self.open: list[str] = []
        self.depth = self.hidden = 0
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        if tag in BLOCKS:
            self.parts.append("\n")
        if tag not in VOID:
            self.open.append(tag)
            self.depth = max(self.depth, len(self.open))
            self.hidden += tag in HIDDEN

    def handle_endtag(self, tag):
        # Close it and whatever was left open inside it; an end tag that closes nothing
        # near is a stray one (looking further would be quadratic on a deep page).
        recent = self.open[-UNCLOSED_LOOKBACK:]
        if tag in recent:
            for _ in range(len(recent) - recent[::-1].index(tag) - 1, len(recent)):
                self.hidden -= self.open.pop() in HIDDEN
        if tag in BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if self.open and self.open[-1] == "title":
            self.title += data
        elif not self.hidden:
            self.parts.append(data)

    def text(self) -> str:
        lines = (re.sub(r"[ \t\r\f\v]+", " ", line).strip() for line in "".join(self.parts).split("\n"))
        text = "\n".join(line for line in lines if line)
        if not text:
            raise BadInput("no article text found in the HTML page")
        return text
