"""One article end to end: clean → nlp → layers → extractors → Extraction.

`extract_article` is pure and picklable: the local pool, the cache and Dask
all call this one function (through `extract_safely`, which turns a crash on
one article into an error row instead of stopping the batch). Its body is the
order of the stages and what each reads.
"""
from __future__ import annotations

import signal
import threading
import time
from contextlib import contextmanager

from ..corpus import duplicates
from ..extractors import dates, memoranda, offices, officials, regions, sums
from ..nlp import Doc, analyze
from ..read import clean, normalize
from ..records import Article, Extraction, ReadError

# Touches every model, grammar and rule file the extractors load lazily.
WARMUP = Article("warmup", "warmup",
                 "Аким Павлодарской области Нурлан Ногаев и губернатор Омской области Иван Петров "
                 "подписали 3 меморандума о сотрудничестве на сумму более 5 млрд тенге в Астане. "
                 "Ранее Ерлан Касымов был назначен акимом Туркестанской области.")  # the syntax models


def add_layers(doc: Doc) -> Doc:
    """The layers several extractors read, each computed once, in this order."""
    doc.regions = regions.find_mentions(doc)  # tokens, lemmas, NER → region mentions
    doc.offices = offices.find_offices(doc)  # tokens + regions → offices with their regions
    return doc


def extract_article(article: Article) -> Extraction:
    article, text = clean.clean(article)
    analysed = normalize.for_analysis(text)  # words whole; `restore` maps offsets back
    doc = add_layers(analyze(article, analysed.text))
    found_regions, places = regions.extract_regions(doc)  # reads regions
    found_officials = officials.extract_officials(doc)  # reads regions, offices, NER
    found_memoranda, links = memoranda.extract_memoranda(doc)  # reads regions
    article = dates.dated(article, doc)  # published, a batch row's date, or the event's
    return analysed.restore(Extraction(
        article, regions=found_regions, places=places, officials=found_officials,
        sums=sums.extract_sums(doc), memoranda=found_memoranda, links=links,
        fingerprint=duplicates.fingerprint(text)))


class ArticleTimeout(BaseException):
    """An article ran past its time budget (a BaseException: no extractor's `except Exception`
    may swallow it)."""


def _out_of_time(signum, frame):
    raise ArticleTimeout


@contextmanager
def time_budget(seconds: float | None):
    """Raises ArticleTimeout in this thread after `seconds` (SIGALRM, so only in a process's
    main thread: in-process runs and pool workers; elsewhere, e.g. a Dask worker thread, no
    budget). The alarm interrupts Python code, which is where extraction spends its time."""
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGALRM, _out_of_time)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def extract_safely(article: Article, timeout: float | None = None) -> Extraction | ReadError:
    """`extract_article`, or an error row naming the exception: one bad article never stops a run,
    nor does one that takes longer than `timeout` seconds."""
    try:
        with time_budget(timeout):
            return extract_article(article)
    except ArticleTimeout:
        return ReadError(article.article_id, article.source,
                         f"extraction took longer than {timeout:g} s (--article-timeout): skipped")
    except Exception as err:  # noqa: BLE001 - any extractor bug on one article
        return ReadError(article.article_id, article.source,
                         f"extraction failed: {type(err).__name__}: {err}")


def load_models() -> float:
    """Load every model and grammar of this process now; returns the seconds it took."""
    started = time.perf_counter()
    extract_article(WARMUP)
    return time.perf_counter() - started

