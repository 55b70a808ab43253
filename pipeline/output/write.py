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


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_atomically(path: Path, write: Callable[[Path], None]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        write(Path(tmp))
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; give the usual file mode
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


def write_parquet(tables: dict[str, pd.DataFrame], out_dir: Path) -> list[Path]:
    """One <name>.parquet per table (pyarrow); amounts as float64 numbers, exact digits stay in the CSVs."""
    paths = []
    for name, frame in tables.items():
        typed = frame.copy()
        for column in ("amount", "amount_max"):
            if column in typed:
                typed[column] = pd.to_numeric(typed[column], errors="coerce").astype("float64")
        path = out_dir / f"{name}.parquet"
        write_atomically(path, lambda tmp, typed=typed: typed.to_parquet(tmp, index=False))
        paths.append(path)
    return paths
