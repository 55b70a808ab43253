"""The tables as one Excel workbook: a sheet per table, header frozen, autofilter on,
column widths that fit, numbers as numbers (amounts too), dates as Excel dates, Cyrillic as
is; then a `columns` sheet, the column dictionary (what each column means, its unit, when
it is empty).

Written with openpyxl's streaming (write-only) workbook, so memory stays flat
for large runs, and atomically like the CSVs.
"""
from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Callable, Iterable, NamedTuple

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES, ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from . import columns, write

# Stored as text in the CSVs (exact decimals), written as numbers here.
DECIMAL_COLUMNS = ("amount", "amount_max")
# ISO dates in the CSVs, Excel dates here (sortable, filterable by month and year).
DATE_COLUMNS = ("published", "date", "first_date", "last_date")
DATE_FORMAT = "yyyy-mm-dd"
MAX_ROWS = 1_048_576  # Excel's limit per sheet, header included
MAX_WIDTH, MIN_WIDTH = 60, 6
HEADER_FONT, HEADER_FILL = Font(bold=True), PatternFill("solid", fgColor="DDEBF7")


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


def _plain(value):
    """A DataFrame value as something openpyxl stores with the right type."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("\ufffd", value)
    if hasattr(value, "item"):  # numpy scalars
        value = value.item()
    if isinstance(value, float) and value != value:
        return None
    return value


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
            if _is_empty(value):
                continue
            text = str(value)
            size = len(text) + len(text) // 3 if decimal[i] else len(text.split("\n", 1)[0])
            if size > longest[i]:
                longest[i] = size
    widths = [min(MAX_WIDTH, max(MIN_WIDTH, len(str(c)) + 3, n + 2)) for c, n in zip(columns, longest)]
    return widths, count


def _cell(sheet, value, column: str):
    value = _number(value) if column in DECIMAL_COLUMNS else _plain(value)
    if isinstance(value, (int, float)) and column in DECIMAL_COLUMNS:
        cell = WriteOnlyCell(sheet, value)
        cell.number_format = "#,##0" if isinstance(value, int) else "#,##0.###"
        return cell
    day = _date(value) if column in DATE_COLUMNS else None
    if day is not None:
        cell = WriteOnlyCell(sheet, day)
        cell.number_format = DATE_FORMAT
        return cell
    if isinstance(value, str) and (write.looks_like_formula(value) or value in ERROR_CODES):
        cell = WriteOnlyCell(sheet, value)
        cell.data_type = "s"  # the CSVs' rule: a typed text cell needs no `'` to stay text
        return cell
    return value


def _sheet(book: Workbook, title: str, columns: list[str], records: Callable[[], Iterable[tuple]]) -> None:
    """A sheet of the rows `records()` gives (called twice: widths, then cells)."""
    sheet = book.create_sheet(title)
    widths, count = _widths(columns, records())
    for i, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = width
    sheet.freeze_panes = "A2"
    last = get_column_letter(max(1, len(columns)))
    sheet.auto_filter.ref = f"A1:{last}{count + 1}"
    header = []
    for name in columns:
        cell = WriteOnlyCell(sheet, name)
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
        cell.alignment = Alignment(vertical="top")
        header.append(cell)
    sheet.append(header)
    for record in records():
        sheet.append([_cell(sheet, value, column) for column, value in zip(columns, record)])


def _sheet_title(name: str, part: int) -> str:
    title = "".join("_" if c in "[]:*?/\\" else c for c in name)[:31]
    return title if part == 0 else f"{title[:26]} ({part + 1})"


class Table(NamedTuple):
    """A table the workbook reads in parts: its columns, its length, and `rows(offset, limit)`."""
    columns: list[str]
    length: int
    rows: Callable[[int, int], Iterable[tuple]]


def frame_table(frame: pd.DataFrame) -> Table:
    return Table([str(c) for c in frame.columns], len(frame),
                 lambda offset, limit: frame.iloc[offset:offset + limit].itertuples(index=False, name=None))


def build_workbook(tables: dict[str, pd.DataFrame | Table]) -> Workbook:
    """One sheet per table in the order given (a DataFrame, or a Table streamed from disk); a
    table longer than Excel allows continues on further sheets `name (2)`, `name (3)`, each
    with its own header. Last, the `columns` sheet describes the columns of every table shown."""
    book = Workbook(write_only=True)
    per_sheet = MAX_ROWS - 1
    tables = {name: t if isinstance(t, Table) else frame_table(t) for name, t in tables.items()}
    described = {name: t.columns for name, t in tables.items() if name in columns.TABLES}
    dictionary = pd.DataFrame(columns.rows(described), columns=["table", "column", *columns.Column._fields])
    for name, table in {**tables, "columns": frame_table(dictionary)}.items():
        for part, start in enumerate(range(0, max(table.length, 1), per_sheet)):
            _sheet(book, _sheet_title(name, part), table.columns,
                   lambda start=start, table=table: table.rows(start, per_sheet))
    return book


def write_workbook(tables: dict[str, pd.DataFrame | Table], path: Path) -> Path:
    path = Path(path)
    write.write_atomically(path, lambda tmp: build_workbook(tables).save(tmp))
    return path
