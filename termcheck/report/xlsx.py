"""The findings as an Excel workbook (XLSX), written with openpyxl: one sheet "Findings" with
the columns of termcheck.report.table, a frozen header row with a filter, and a sheet "Rules"
with the rules of those findings.

openpyxl writes a workbook from Python without Excel or LibreOffice, and its files open in
Excel, LibreOffice and Google Sheets; desks sort and share findings in spreadsheets. The bytes
are the same on every run (fixed document dates and zip timestamps), as termcheck's other
reports are.
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime
from typing import TYPE_CHECKING

from termcheck.report.table import COLUMNS, rows
from termcheck.results import RunResult

if TYPE_CHECKING:
    from termcheck.rules import Rule

FIXED_TIME = datetime(2000, 1, 1)  # no clock in a report: the same input gives the same bytes
WIDTHS = {"path": 40, "line": 7, "column": 7, "code": 8, "name": 22, "severity": 9, "text": 22, "message": 70,
          "suggestions": 28, "fix": 8, "entry": 18}
_ILLEGAL = {c: " " for c in range(32) if c not in (9, 10, 13)}  # control characters XML 1.0 cannot hold


def _cell(value: str | int) -> str | int:
    if isinstance(value, int):
        return value
    value = value.translate(_ILLEGAL)
    # Text is text: a cell openpyxl would store as a formula is stored as a string.
    return value


def render(result: RunResult, rules: list[Rule] | None = None) -> bytes:
    """The workbook's bytes; its sheet "Rules" explains the rules of the findings (of `rules`,
    default all of termcheck's)."""
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.worksheet import Worksheet
    from openpyxl.writer.excel import ExcelWriter

    if rules is None:
        from termcheck.rules import all_rules

        rules = all_rules()
    wb = Workbook()
    ws = wb.active
    assert isinstance(ws, Worksheet)
    ws.title = "Findings"
    ws.append(list(COLUMNS))
    for n, r in enumerate(rows(result), start=2):
        values = [_cell(v) for v in r]
        ws.append(values)
        for col, v in enumerate(values, start=1):
            if isinstance(v, str) and v.startswith("="):  # openpyxl would store a formula: keep it text
                ws.cell(row=n, column=col).data_type = "s"
    for i, name in enumerate(COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(i)].width = WIDTHS.get(name, 12)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{ws.max_row}"
    sheet = wb.create_sheet("Rules")
    sheet.append(["code", "name", "severity", "summary"])
    used = {f.code for _, f in result.findings}
    for rule in rules:
        if rule.code in used:
            sheet.append([rule.code, rule.name, rule.severity.value, _cell(rule.summary)])
    wb.properties.creator = "termcheck"
    wb.properties.created = wb.properties.modified = FIXED_TIME
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        ExcelWriter(wb, archive).save()  # not wb.save(), which stamps the clock into "modified"
    return _fixed_zip(raw.getvalue())


def _fixed_zip(data: bytes) -> bytes:
    """The same zip with every entry's timestamp fixed (openpyxl stamps them with the clock)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o600 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()
