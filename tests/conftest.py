import pytest

from pipeline.engine.run import add_layers
from pipeline.nlp import analyze
from pipeline.records import Article


@pytest.fixture(scope="session")
def make_doc():
    """A Doc with its layers for a short test text, NER included (models load once per session)."""
    def make(text: str, ner: bool = True):
        return add_layers(analyze(Article("t", "t", text), ner=ner))
    return make
