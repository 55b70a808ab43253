"""What the reading tests share: a short article and reading one input."""
from pipeline.read.inputs import read_inputs

TEXT = ("Аким Павлодарской области и губернатор Омской области подписали меморандум "
        "о сотрудничестве в сфере сельского хозяйства.\nВторой абзац о торговле.\n")


def read_one(path, **kw):
    results = list(read_inputs([path], **kw))
    assert len(results) == 1
    return results[0]
