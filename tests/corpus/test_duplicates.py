"""Reposts: MinHash LSH over word shingles finds a story's copies, not articles on other stories."""
import subprocess
import sys

import pytest

from pipeline.corpus import duplicates
from pipeline.corpus.duplicates import Reposts, fingerprint, shingles

STORY = ("Аким Павлодарской области Болат Бакауов и губернатор Омской области Виктор Назаров "
         "подписали меморандум о сотрудничестве в сфере сельского хозяйства. Стороны договорились "
         "увеличить поставки зерна и мяса, открыть торговый дом в Омске и провести ярмарку "
         "осенью. Товарооборот между регионами в прошлом году превысил 400 млн долларов.")
OTHER = ("В Караганде открыли новый завод по выпуску тракторов. Предприятие будет выпускать "
         "до двух тысяч машин в год для фермеров страны и на экспорт в соседние государства, "
         "сообщили в пресс-службе акимата. На заводе работают триста человек.")


@pytest.mark.parametrize("copy", [
    STORY,
    "Новости Павлодара | Главная\n" + STORY + "\nПодписывайтесь на наш канал. Все права защищены.",
    "ОМСК, 5 марта. " + STORY.replace("400 млн", "450 млн").replace("осенью", "в сентябре"),
    STORY.upper(),
])
def test_a_copy_with_another_header_footer_or_small_edits_is_a_repost(copy):
    reposts = Reposts()
    assert reposts.add("original", fingerprint(STORY)) is None
    assert reposts.add("copy", fingerprint(copy)) == "original"


def test_an_unrelated_article_is_not_a_repost():
    reposts = Reposts()
    assert reposts.add("a", fingerprint(STORY)) is None
    assert reposts.add("b", fingerprint(OTHER)) is None
    alone = Reposts()
    alone.add("a", fingerprint(STORY))
    assert alone.add("c", fingerprint(STORY.split(".")[0] + ". " + OTHER)) is None  # one shared sentence


def test_copies_point_to_the_first_read_and_a_copy_of_a_copy_too():
    reposts = Reposts()
    first = "Источник: КазТАГ\n" + STORY
    assert [reposts.add("first", fingerprint(first)), reposts.add("second", fingerprint(STORY)),
            reposts.add("third", fingerprint(STORY + " Фото пресс-службы."))] == [None, "first", "first"]


def test_the_same_article_twice_and_an_empty_text_are_not_reposts():
    reposts = Reposts()
    assert reposts.add("a", fingerprint(STORY)) is None
    assert reposts.add("a", fingerprint(STORY)) is None
    assert fingerprint("  ... ") == b"" and reposts.add("e", b"") is None


def test_shingles_fold_case_and_yo():
    assert shingles("Ещё один день") == shingles("ЕЩЕ ОДИН ДЕНЬ") == {"еще один день".encode()}
    assert len(shingles(STORY)) == len(STORY.split()) - 3


def test_the_bands_are_datasketchs_choice_for_the_threshold():
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=duplicates.THRESHOLD, num_perm=duplicates.NUM_PERM)
    assert (duplicates.BAND_COUNT, duplicates.BAND_VALUES) == (lsh.b, lsh.r) == (32, 4)


def test_the_tables_process_never_imports_datasketch():
    code = "import sys, pipeline.cli; print('datasketch' in sys.modules, 'scipy' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "False"]


def test_candidates_are_checked_all_at_once_as_one_by_one():
    story, copy, other = fingerprint(STORY), fingerprint("ОМСК. " + STORY), fingerprint(OTHER)
    others = [copy, other, b"", story, copy[:-4]]  # an empty and a truncated signature: never similar
    assert duplicates.similar_to(story, others) == [True, False, False, True, False]
    assert duplicates.similar_to(b"", others) == [False] * 5
    assert [duplicates.similar(story, o) for o in others] == [True, False, False, True, False]
