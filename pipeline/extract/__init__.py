"""The extractors, one module per thing found: regions (gazetteer, places), officials
(offices, names), sums, memoranda (parties, links).

The package is also the notebook API: `pipeline.extract(paths, workers=1)` runs the whole
pipeline (`pipeline/api.py`). Python sets a package's attribute `extract` to this
subpackage whenever one of its modules is imported, so a function of that name in
`pipeline/__init__.py` would be replaced; a callable package keeps both meanings.
"""
import sys
from types import ModuleType


class _CallablePackage(ModuleType):
    def __call__(self, paths, workers: int = 1, **options):
        """`pipeline.api.extract`: the tables of the articles in `paths` as DataFrames by name."""
        from ..api import extract
        return extract(paths, workers, **options)


sys.modules[__name__].__class__ = _CallablePackage
