"""The extractors, one module per thing found: regions (gazetteer, places), officials
(offices, names, holders), sums, memoranda (parties, signatories, one document once), dates.

Named `extractors`, not `extract`: `pipeline.extract` is the notebook API (`pipeline/api.py`),
and a subpackage of that name would replace it whenever one of its modules is imported.
"""
