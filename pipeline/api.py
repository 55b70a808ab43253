"""The Python API for notebooks: `pipeline.extract(paths)` → the tables as DataFrames."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Iterable

if TYPE_CHECKING:
    import pandas as pd


def extract(paths: Iterable[str | Path] | str | Path, workers: int = 1, *, engine: str = "local",
            scheduler: str | None = None, cache_dir: str | Path | None = None) -> dict[str, "pd.DataFrame"]:
    """Extract the articles of files and folders; returns the tables by name (`articles`,
    `regions`, `officials`, `sums`, `memoranda`, `links`, `errors`, `places`, `network`,
    `people`, `nodes`), each a DataFrame with the columns and rows of its CSV.

    `workers` processes (1: in this process); `cache_dir`: a folder whose cache spares a
    rerun the articles already extracted (None: no cache). Articles that cannot be read are
    rows of `errors`, as in errors.csv; a path that does not exist raises FileNotFoundError."""
    # Imported here: `import pipeline` stays cheap for the worker processes that import its modules.
    from .engine import batch
    from .engine.cache import Cache
    from .engine.input_index import InputIndex
    from .output import tables
    from .read.inputs import read_inputs

    paths = [Path(paths)] if isinstance(paths, (str, Path)) else [Path(p) for p in paths]
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise FileNotFoundError(f"no such file or folder: {', '.join(missing)}")
    cache = Cache(Path(cache_dir)) if cache_dir is not None else None
    try:
        index = None if cache is None else InputIndex(cache)
        with batch.run(read_inputs(paths, index=index), cache, workers=workers, engine=engine,
                       scheduler=scheduler) as extractions:
            return tables.build_tables(extractions, extractions.errors)
    finally:
        if cache is not None:
            cache.close()
