"""Atomic writing: a temp file in the target folder, then rename over the old file;
the whole output set staged, then published with a manifest; formula-safe CSV cells.

An interrupted run therefore leaves either the old file or the new one, never
half a CSV. A run writes every file into a staging folder inside `--out`, then
renames each into place and writes `manifest.json` (status, files and their
row counts, code version, times) last: while it runs, and after it failed,
the manifest says so, so old tables never look like the new run's.

A rerun rewrites only what changed: each file of the set has a fingerprint of
exactly what it is made from (`fingerprint`), which the manifest records with
the file's size and modification time; a staged file whose fingerprint equals
the published one's, the published file intact, is that file linked (or copied)
instead of being written again (`OutputSet`). The files are the same bytes
either way: every writer gives the same bytes for the same input.
"""
from __future__ import annotations

import csv
import fcntl
import hashlib
import json
import os
import re
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterable

import pandas as pd

from . import forked

# A cell opening with one of these is a formula to Excel, LibreOffice and Google Sheets.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?")
TEXT_MARK = "'"
MANIFEST, LOCK_NAME, STAGING_PREFIX = "manifest.json", ".lock", ".staging-"


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


def looks_like_formula(text: str) -> bool:
    """A spreadsheet would run this text as a formula (`=HYPERLINK(...)`, `@SUM(...)`) or show
    `#NAME?` for it (direct speech `- Мы подписали...`); a plain number (`-5`) is a number."""
    return text.startswith(FORMULA_STARTS) and not PLAIN_NUMBER.fullmatch(text)


def text_cell(text: str) -> str:
    """A CSV text cell Excel shows as text: a formula-like text, or one that already opens with
    the mark, gets a leading `'` (OWASP), so removing one leading `'` always gives the text back."""
    return TEXT_MARK + text if looks_like_formula(text) or text.startswith(TEXT_MARK) else text


def formula_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with `text_cell` applied to every text value; numbers are left as they are."""
    safe = frame.copy()
    for column in safe.columns:
        if pd.api.types.is_object_dtype(safe[column]) or pd.api.types.is_string_dtype(safe[column]):
            safe[column] = safe[column].map(lambda v: text_cell(v) if isinstance(v, str) else v)
    return safe


def read_csv(path: Path) -> pd.DataFrame:
    """A table as written here, every cell a string (empty: NaN), the `'` of `text_cell` removed."""
    frame = pd.read_csv(path, encoding="utf-8-sig", dtype=str, keep_default_na=False, na_values=[""])
    for column in frame.columns:
        frame[column] = frame[column].map(
            lambda v: v[len(TEXT_MARK):] if isinstance(v, str) and v.startswith(TEXT_MARK) else v)
    return frame


def write_csv(frame: pd.DataFrame, path: Path) -> None:
    """UTF-8 with BOM so Excel shows Cyrillic; '\\n' line ends so reruns give identical bytes;
    text cells formula-safe (`text_cell`)."""
    write_atomically(path, lambda tmp: formula_safe(frame).to_csv(
        tmp, index=False, encoding="utf-8-sig", lineterminator="\n"))


def write_records(columns: list[str], records: Iterable[tuple], path: Path, after: Path | None = None) -> None:
    """`write_csv` for rows streamed as tuples (never all in memory): the same bytes. With
    `after`, a CSV of the same columns whose rows come first: its bytes, then `records`."""
    def write(tmp: Path) -> None:
        if after is not None:
            shutil.copyfile(after, tmp)
        with open(tmp, "a" if after else "w", encoding="utf-8" if after else "utf-8-sig", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            if after is None:
                writer.writerow(columns)
            writer.writerows([text_cell(v) if isinstance(v, str) else v for v in record]
                             for record in records)
    write_atomically(path, write)


def write_parquet(frame: pd.DataFrame, path: Path) -> None:
    """A table as parquet (pyarrow); amounts as float64 numbers, exact digits stay in the CSVs."""
    typed = frame.copy()
    for column in ("amount", "amount_max"):
        if column in typed:
            typed[column] = pd.to_numeric(typed[column], errors="coerce").astype("float64")
    write_atomically(path, lambda tmp: typed.to_parquet(tmp, index=False))


class FolderBusy(Exception):
    """Another run holds the output folder's lock."""


@contextmanager
def locked(out_dir: Path):
    """Holds `out_dir/.lock` (fcntl, released by the kernel if the process dies) for a run;
    raises FolderBusy at once when another run holds it."""
    out_dir.mkdir(parents=True, exist_ok=True)
    with open(out_dir / LOCK_NAME, "a") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise FolderBusy(str(out_dir)) from None
        yield


def clean_stale(out_dir: Path) -> None:
    """Temp files and staging folders a killed run left behind (call with the lock held)."""
    for path in out_dir.glob(f"{STAGING_PREFIX}*"):
        shutil.rmtree(path, ignore_errors=True)
    for path in out_dir.glob(".*.tmp"):
        path.unlink(missing_ok=True)


def staging_folder(out_dir: Path) -> Path:
    """A fresh folder inside `out_dir` where a run writes its whole output set first."""
    return Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=out_dir))


def read_manifest(out_dir: Path) -> dict:
    try:
        return json.loads((out_dir / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def write_manifest(out_dir: Path, manifest: dict) -> None:
    text = json.dumps(manifest, ensure_ascii=False, indent=2) + "\n"
    write_atomically(out_dir / MANIFEST, lambda tmp: tmp.write_text(text, encoding="utf-8"))


def fingerprint(*parts) -> str:
    """A hash of `parts` (strings, numbers, lists of them: what a file is made from)."""
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False).encode()).hexdigest()[:32]


class OutputSet:
    """The files a run stages, each under a fingerprint of what it is made from: a file whose
    published version (as the last manifest lists it) has the same fingerprint and is intact
    (the size and modification time the manifest recorded: not edited since) is hard-linked
    into the staged set, or copied where links fail, instead of being written again; a
    writer may also build on an intact published file whose fingerprint differs (`previous`:
    a CSV appended to, a workbook's unchanged sheets copied); `reuse=False` (`--no-cache`)
    writes every file from scratch. Files may be staged in forked children (`background`)
    while this process stages others; `wait` collects them."""

    def __init__(self, staging: Path, out_dir: Path, reuse: bool = True):
        self.staging, self.out_dir = staging, out_dir
        self.published = read_manifest(out_dir).get("files", {}) if reuse else {}
        self.stamps: dict[str, dict] = {}
        self.reused: list[str] = []
        self.children: list[tuple[str, forked.Forked]] = []

    def background(self, what: str, stage: Callable[[], None], prepare: Callable[[], None] | None) -> None:
        """Runs `stage` (which stages files with `add`) in a forked child, after `prepare` there
        (its own database connections); here and now where there is no `prepare` or no fork.
        `what` names it in an error."""
        if prepare is None or not forked.CAN_FORK:
            stage()
            return
        before, reused = set(self.stamps), len(self.reused)

        def work() -> tuple[dict, list]:
            stage()
            return {n: s for n, s in self.stamps.items() if n not in before}, self.reused[reused:]
        self.children.append((what, forked.Forked(work, prepare)))

    def wait(self) -> None:
        """The files the children staged, in the order they were started; the first failure raised."""
        try:
            for what, child in self.children:
                try:
                    stamps, reused = child.result()
                except forked.ChildFailed as err:
                    raise RuntimeError(f"writing {what}: {err}") from err
                self.stamps.update(stamps)
                self.reused.extend(reused)
        finally:
            self.cancel()  # after a failure, the children still running

    def cancel(self) -> None:
        """Stops the children still running (an interrupted or failed run)."""
        children, self.children = self.children, []
        for _, child in children:
            child.cancel()

    def needs(self, name: str, fingerprint: str) -> bool:
        """Would `add` write `name` (its published file not reusable under `fingerprint`)?"""
        return not self._reusable(name, fingerprint)

    def add(self, name: str, fingerprint: str, write: Callable[[Path], object], keep: tuple[str, ...] = ()) -> None:
        """Stages `name` (a path inside the set: `report/page-0001.html`), written by
        `write(path)` unless the published file can be reused. `keep` names what the manifest
        records of the file beside its stamp: `write` returns it as a dict; a reused file
        keeps the published record's (and is reused only where that has them)."""
        target = self.staging / name
        target.parent.mkdir(parents=True, exist_ok=True)
        record = self.published.get(name) or {}
        if self._reusable(name, fingerprint) and all(key in record for key in keep):
            try:
                os.link(self.out_dir / name, target)
            except OSError:
                shutil.copy2(self.out_dir / name, target)
            self.reused.append(name)
            kept = {key: record[key] for key in keep}
        else:
            written = write(target)
            kept = {key: written[key] for key in keep}
        stat = target.stat()
        self.stamps[name] = {"fingerprint": fingerprint, "bytes": stat.st_size, "mtime_ns": stat.st_mtime_ns,
                             **kept}

    def previous(self, name: str) -> dict | None:
        """The published file's manifest record, where the file is as that run left it (the
        size and modification time it recorded): a writer may build on it (`outputs`)."""
        record = self.published.get(name)
        try:
            stat = (self.out_dir / name).stat()
        except OSError:
            return None
        intact = record and (record.get("bytes"), record.get("mtime_ns")) == (stat.st_size, stat.st_mtime_ns)
        return record if intact else None

    def _reusable(self, name: str, fingerprint: str) -> bool:
        return (self.previous(name) or {}).get("fingerprint") == fingerprint


def publish(staging: Path, out_dir: Path, rows: dict[str, int], manifest: dict,
            stamps: dict[str, dict] | None = None) -> dict:
    """Moves every file of `staging` (subfolders too) into `out_dir` (each rename atomic; a
    reused file, already the published one, stays), removes the files the previous manifest
    listed that this set lacks (a stale extract.xlsx must not look current), then writes the
    manifest: status complete, files with their row counts and `stamps` (`OutputSet`)."""
    previous = set(read_manifest(out_dir).get("files", {}))
    files = {}
    for path in sorted(p for p in staging.rglob("*") if not p.is_dir()):
        name = path.relative_to(staging).as_posix()
        target = out_dir / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.exists() and os.path.samefile(path, target):
            path.unlink()
        else:
            os.replace(path, target)
        files[name] = {"rows": rows.get(name), **(stamps or {}).get(name, {})}
    for name in previous - set(files):
        stale = out_dir / name
        stale.unlink(missing_ok=True)
        if stale.parent != out_dir and stale.parent.is_dir() and not any(stale.parent.iterdir()):
            stale.parent.rmdir()  # report/ once the report is one page again
    shutil.rmtree(staging)  # its subfolders, empty now
    manifest = {**manifest, "status": "complete", "files": files}
    write_manifest(out_dir, manifest)
    return manifest
