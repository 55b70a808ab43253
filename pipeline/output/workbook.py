"""The tables as one Excel workbook: a sheet per table, header frozen, autofilter on,
column widths that fit, numbers as numbers (amounts too), dates as Excel dates, Cyrillic as
is; then a `columns` sheet, the column dictionary (what each column means, its unit, when
it is empty).

Written with XlsxWriter in constant-memory mode (each row goes to disk as it is written,
so memory stays flat for large runs; 0.70-0.73 of the CPU time of openpyxl's write-only mode
on the same 444k cells), atomically like the CSVs, and reproducibly: the same tables give the same
bytes (fixed creation date; XlsxWriter fixes the zip members' dates), so a rerun can tell
an unchanged workbook from a new one.

A rerun copies the sheets that did not change from the published workbook instead of writing
their cells again: a table says what its rows are made from (`Table.made_of`), the manifest
keeps each sheet's title and hash, and a sheet whose hash and place are the published one's is
written empty (its title and autofilter go into the workbook's own parts) and then takes the
published sheet's XML. Styles are numbered before any cell is written, so a copied sheet's
style numbers mean what they meant; the copy is checked against the styles and gives the
bytes of a workbook written whole.
"""
from __future__ import annotations

import re
import shutil
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Callable, Iterable, NamedTuple
from zipfile import ZIP_DEFLATED, BadZipFile, ZipFile, ZipInfo

import pandas as pd
import xlsxwriter

from . import columns, write

# Stored as text in the CSVs (exact decimals), written as numbers here.
DECIMAL_COLUMNS = ("amount", "amount_max")
# ISO dates in the CSVs, Excel dates here (sortable, filterable by month and year).
DATE_COLUMNS = ("published", "date", "first_date", "last_date")
DATE_FORMAT = "yyyy-mm-dd"
MAX_ROWS = 1_048_576  # Excel's limit per sheet, header included
MAX_WIDTH, MIN_WIDTH = 60, 6
HEADER = {"bold": True, "bg_color": "#DDEBF7", "pattern": 1, "valign": "top"}
# Control characters XML 1.0 forbids: Excel would call the file damaged. Shown as U+FFFD.
ILLEGAL_CHARACTERS = re.compile(r"[\000-\010\013\014\016-\037]")
EXCEL_EPOCH = date(1899, 12, 30)  # day 0 of Excel's 1900 date system (past its 1900 leap-day bug)
# The workbook's creation date property: fixed, so that the file depends on its tables only.
CREATED = datetime(2000, 1, 1)
OPTIONS = {"constant_memory": True,
           # Every text is a text: never a formula, a link or a number (the CSVs' rule of
           # formula-safe cells, without a `'`: a typed text cell needs none).
           "strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}


def _number(value) -> int | float | None:
    """'1400000000000' → 1400000000000 (int where whole, else float); empty → None."""
    if value is None or value == "" or (not isinstance(value, str) and pd.isna(value)):
        return None
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return None
    return int(number) if number == number.to_integral_value() else float(number)


def _date(value) -> date | None:
    """'2018-08-29' → that date; anything else (a time stamp too) None, and the text stays."""
    try:
        return date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else None
    except ValueError:
        return None


def _is_empty(value) -> bool:
    return value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and value != value)


def _widths(columns: list[str], records: Iterable[tuple]) -> tuple[list[float], int]:
    """Each column's width (its longest first line, amounts with their separators) and the
    number of records: one pass."""
    longest, count = [0] * len(columns), 0
    decimal = [column in DECIMAL_COLUMNS for column in columns]
    for record in records:
        count += 1
        for i, value in enumerate(record):
            if value.__class__ is not str:  # most cells are texts: no conversion, no test
                if _is_empty(value):
                    continue
                value = str(value)
            if decimal[i]:
                size = len(value) + len(value) // 3
            else:
                line = value.find("\n")
                size = len(value) if line < 0 else line
            if size > longest[i]:
                longest[i] = size
    widths = [min(MAX_WIDTH, max(MIN_WIDTH, len(str(c)) + 3, n + 2)) for c, n in zip(columns, longest)]
    return widths, count


class Formats(NamedTuple):
    header: object
    whole: object
    fraction: object
    day: object


def _formats(book) -> Formats:
    formats = Formats(book.add_format(HEADER), book.add_format({"num_format": "#,##0"}),
                      book.add_format({"num_format": "#,##0.###"}), book.add_format({"num_format": DATE_FORMAT}))
    for cell_format in formats:  # numbered now, in this order, not at first use: see the module's doc
        cell_format._get_xf_index()
    return formats


def _put_plain(sheet, row: int, col: int, value, formats: Formats) -> None:
    """A text, number or flag as its own type; an empty value leaves the cell empty."""
    if value.__class__ is str:  # most cells: tested first
        if value:
            sheet.write_string(row, col, ILLEGAL_CHARACTERS.sub("\ufffd", value))
    elif _is_empty(value):
        return
    elif isinstance(value, bool):
        sheet.write_boolean(row, col, value)
    elif hasattr(value, "item"):  # numpy scalars
        _put_plain(sheet, row, col, value.item(), formats)
    elif isinstance(value, (int, float)):
        sheet.write_number(row, col, value)
    else:
        sheet.write_string(row, col, ILLEGAL_CHARACTERS.sub("\ufffd", str(value)))


def _put_amount(sheet, row: int, col: int, value, formats: Formats) -> None:
    number = _number(value)
    if number is not None:
        sheet.write_number(row, col, number, formats.whole if isinstance(number, int) else formats.fraction)


def _put_date(sheet, row: int, col: int, value, formats: Formats) -> None:
    day = _date(value)
    if day is None:
        _put_plain(sheet, row, col, value, formats)
    else:
        sheet.write_number(row, col, (day - EXCEL_EPOCH).days, formats.day)


def _put(column: str) -> Callable:
    """How a column's cells are written: chosen once per column, not per cell."""
    return _put_amount if column in DECIMAL_COLUMNS else _put_date if column in DATE_COLUMNS else _put_plain


def _sheet(book, formats: Formats, title: str, columns: list[str],
           records: Callable[[], Iterable[tuple]]) -> None:
    """A sheet of the rows `records()` gives (called twice: widths, then cells)."""
    widths, count = _widths(columns, records())
    sheet = _empty_sheet(book, title, columns, count)
    for i, width in enumerate(widths):  # constant-memory mode: before the first row
        sheet.set_column(i, i, width)
    for i, name in enumerate(columns):
        sheet.write_string(0, i, name, formats.header)
    puts = [_put(column) for column in columns]
    for row, record in enumerate(records(), start=1):
        for col, (put, value) in enumerate(zip(puts, record)):
            put(sheet, row, col, value, formats)


def _empty_sheet(book, title: str, columns: list[str], count: int):
    """A sheet with its header frozen and an autofilter over `count` rows, no cells yet."""
    sheet = book.add_worksheet(title)
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, count, max(1, len(columns)) - 1)
    return sheet


def _sheet_title(name: str, part: int) -> str:
    title = "".join("_" if c in "[]:*?/\\" else c for c in name)[:31]
    return title if part == 0 else f"{title[:26]} ({part + 1})"


class Table(NamedTuple):
    """A table the workbook reads in parts: its columns, its length, `rows(offset, limit)`, and
    a hash of what its rows are made from (None: not known, the sheets are always written)."""
    columns: list[str]
    length: int
    rows: Callable[[int, int], Iterable[tuple]]
    made_of: str | None = None


def frame_table(frame: pd.DataFrame, made_of: str | None = None) -> Table:
    return Table([str(c) for c in frame.columns], len(frame),
                 lambda offset, limit: frame.iloc[offset:offset + limit].itertuples(index=False, name=None), made_of)


def save_workbook(tables: dict[str, pd.DataFrame | Table], path: Path, published: Path | None = None,
                  published_sheets: list | None = None) -> list[list]:
    """One sheet per table in the order given (a DataFrame, or a Table streamed from disk); a
    table longer than Excel allows continues on further sheets `name (2)`, `name (3)`, each
    with its own header. Last, the `columns` sheet describes the columns of every table shown.
    A sheet whose title, place and hash `published_sheets` gives is copied from the workbook
    `published`. Returns each sheet's [title, hash] (the hash None where not known)."""
    per_sheet = MAX_ROWS - 1
    tables = {name: t if isinstance(t, Table) else frame_table(t) for name, t in tables.items()}
    described = {name: t.columns for name, t in tables.items() if name in columns.TABLES}
    dictionary = pd.DataFrame(columns.rows(described), columns=["table", "column", *columns.Column._fields])
    earlier = [tuple(sheet) for sheet in published_sheets or ()] if published else []
    sheets, copied = [], []
    with xlsxwriter.Workbook(str(path), OPTIONS) as book:
        book.set_properties({"created": CREATED})
        formats = _formats(book)
        for name, table in {**tables, "columns": frame_table(dictionary)}.items():
            for part, start in enumerate(range(0, max(table.length, 1), per_sheet)):
                title = _sheet_title(name, part)
                made_of = table.made_of and write.fingerprint(table.made_of, title, table.columns,
                                                              xlsxwriter.__version__)
                if made_of and len(earlier) > len(sheets) and earlier[len(sheets)] == (title, made_of):
                    copied.append(f"xl/worksheets/sheet{len(sheets) + 1}.xml")
                    _empty_sheet(book, title, table.columns, min(per_sheet, table.length - start))
                else:
                    _sheet(book, formats, title, table.columns,
                           lambda start=start, table=table: table.rows(start, per_sheet))
                sheets.append([title, made_of])
    if copied and not _take_sheets(path, published, copied):
        return save_workbook(tables, path)  # the published workbook is not one this code wrote
    return sheets


def _take_sheets(path: Path, published: Path, members: list[str]) -> bool:
    """The workbook at `path` with its `members` (sheets written empty) replaced by those of
    the workbook `published`, every zip entry as XlsxWriter made it; False, and `path` left as
    it is, where the two number their styles differently."""
    copy = path.with_suffix(".sheets.tmp")
    try:
        with ZipFile(path) as written, ZipFile(published) as source:
            if written.read("xl/styles.xml") != source.read("xl/styles.xml"):
                return False
            with ZipFile(copy, "w", compression=ZIP_DEFLATED) as out:
                for entry in written.infolist():
                    origin = source if entry.filename in members else written
                    same = ZipInfo(entry.filename, entry.date_time)
                    same.external_attr, same.compress_type = entry.external_attr, ZIP_DEFLATED
                    same.file_size = origin.getinfo(entry.filename).file_size
                    with origin.open(entry.filename) as data, out.open(same, "w") as target:
                        shutil.copyfileobj(data, target, 1 << 20)
    except (OSError, KeyError, BadZipFile):  # edited, truncated, not a workbook: write it whole
        copy.unlink(missing_ok=True)
        return False
    copy.replace(path)
    return True


def write_workbook(tables: dict[str, pd.DataFrame | Table], path: Path, published: Path | None = None,
                   published_sheets: list | None = None) -> list[list]:
    """`save_workbook` into `path` atomically; returns its sheets' titles and hashes."""
    path = Path(path)
    sheets = []
    write.write_atomically(path, lambda tmp: sheets.extend(save_workbook(tables, tmp, published, published_sheets)))
    return sheets
