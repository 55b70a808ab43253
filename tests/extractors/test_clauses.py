"""clauses.py: where the clause of a signing begins and ends."""
import pytest

from pipeline.extractors.clauses import clause, clause_tokens, own_words


@pytest.mark.parametrize("text,at,expected", [
    # a contrastive `, а` with a document of its own starts another clause
    ("Омская область подписала соглашение, а Томская область — меморандум.", "меморандум",
     "Томская область — меморандум."),
    # without one it continues the clause
    ("Омская область подписала соглашение с Павлодарской, а Томская — с Курганской.", "соглашение",
     "Омская область подписала соглашение с Павлодарской, а Томская — с Курганской."),
    # comma-joined clauses, each with a document and a predicate of its own
    ("Меморандум подписан, соглашение пока готовится.", "соглашение", ", соглашение пока готовится."),
    ("Меморандум подписан, соглашение пока готовится.", "Меморандум", "Меморандум подписан"),
    # a relative clause or a list item splits nothing
    ("Стороны подписали меморандум, который готовился два года.", "меморандум",
     "Стороны подписали меморандум, который готовился два года."),
    # a line break before a capital ends a title
    ("Области подписали соглашение\nГубернатор и аким обсудили туризм.", "Губернатор",
     "Губернатор и аким обсудили туризм."),
])
def test_clause(make_doc, text, at, expected):
    doc = make_doc(text, ner=False)
    start, end = clause(doc, text.index(at))
    assert doc.text[start:end].strip() == expected.strip()


@pytest.mark.parametrize("text,document,expected", [
    # a document joined to this one takes the words after it
    ("Стороны подписали соглашение, а также меморандум с компанией «Каспий».", "соглашение",
     "Стороны подписали соглашение , а также"),
    ("Стороны подписали соглашение и двусторонний меморандум с заводом.", "соглашение",
     "Стороны подписали соглашение и двусторонний"),
    # one in a clause of its own (`в Петропавловске – соглашение`) does not
    ("В Костанае заключены договоры, в Петропавловске – соглашение с фирмой.", "договоры",
     "В Костанае заключены договоры , в Петропавловске – соглашение с фирмой ."),
])
def test_own_words_end_at_the_next_joined_document(make_doc, text, document, expected):
    doc = make_doc(text, ner=False)
    at = text.index(document)
    words = own_words(clause_tokens(doc, 0, len(text)), (at, at + len(document)))
    assert " ".join(t.text for t in words) == expected
