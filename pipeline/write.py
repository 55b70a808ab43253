"""Atomic writing: a temp file in the target folder, then rename over the old file.

An interrupted run therefore leaves either the old file or the new one, never
half a CSV.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Callable

import pandas as pd


def write_atomically(path: Path, write: Callable[[Path], None]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        write(Path(tmp))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_csv(frame: pd.DataFrame, path: Path) -> None:
    """UTF-8 with BOM so Excel shows Cyrillic; '\\n' line ends so reruns give identical bytes."""
    write_atomically(path, lambda tmp: frame.to_csv(tmp, index=False, encoding="utf-8-sig",
                                                    lineterminator="\n"))


def write_tables(tables: dict[str, pd.DataFrame], out_dir: Path) -> list[Path]:
    paths = []
    for name, frame in tables.items():
        path = out_dir / f"{name}.csv"
        write_csv(frame, path)
        paths.append(path)
    return paths
