"""Turn new measurements into new file contents: CSV rows in the file's dialect, or YAML
entries added through a ruamel.yaml round-trip that keeps comments, order and quoting.

An edit is computed in memory and checked before it is written: the new text must be
the old text plus added lines only, apart from the lines of the measurements it replaces
(``--replace``). Anything else is refused and nothing is written.
"""

from __future__ import annotations

import csv
import difflib
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from nytta.i18n import _
from nytta.load.csv import column_name, delimiter_of
from nytta.write.validate import NewMeasurement, Replacement

BOM = "\ufeff"


class EditRefused(Exception):
    """The change cannot be made without touching more than the added lines."""


@dataclass(frozen=True)
class Edit:
    """A whole-file change: the file, its old and its new text (as bytes on disk)."""

    path: Path
    old: bytes
    new: bytes

    def diff(self, label: str) -> str:
        old = self.old.decode("utf-8-sig").splitlines(keepends=True)
        new = self.new.decode("utf-8-sig").splitlines(keepends=True)
        return "".join(difflib.unified_diff(old, new, f"a/{label}", f"b/{label}"))


# -- CSV -----------------------------------------------------------------------------------

NEW_CSV_HEADER = "indicator,date,value,source,note,kind\n"


def csv_edit(path: Path, rows: list[NewMeasurement], replacements: tuple[Replacement, ...] = ()) -> Edit:
    """Append rows to a measurements CSV, keeping its delimiter, decimal mark, BOM and newlines;
    a replaced measurement's row is rewritten in place, with its other fields as they were.

    A measurements file that does not exist yet is created with a comma-dialect header.
    """
    raw = path.read_bytes() if path.exists() else b""
    text = raw.decode("utf-8-sig") or NEW_CSV_HEADER
    header_line = re.split(r"\r\n|\r|\n", text, maxsplit=1)[0]
    delimiter = delimiter_of(header_line)
    columns = [column_name(name) for name in next(csv.reader([header_line], delimiter=delimiter))]
    newline = "\r\n" if "\r\n" in text else "\r" if "\r" in text and "\n" not in text else "\n"
    _kinds_fit(path, columns, [*rows, *(item.new for item in replacements)])
    if replacements:
        text = _rows_replaced(text, replacements, columns, delimiter)
    lines = "".join(_csv_line([_csv_field(row, name, delimiter) for name in columns], delimiter, newline) for row in rows)
    separator = "" if text.endswith(("\n", "\r")) or not text or not lines else newline
    new_text = text + separator + lines
    prefix = BOM.encode() if raw.startswith(BOM.encode()) else b""
    return Edit(path, raw, prefix + new_text.encode("utf-8"))


def _kinds_fit(path: Path, columns: list[str], rows: list[NewMeasurement]) -> None:
    """A forecast needs a ``kind`` column: without one it would be read back as an actual value."""
    if "kind" not in columns and any(row.kind.value != "actual" for row in rows):
        raise EditRefused(
            _(
                "{file} has no column 'kind' (typ), so a forecast written there would be read as an actual "
                "measurement; add the column 'kind' to its first line, or record actual measurements only",
                file=path.name,
            )
        )


def _rows_replaced(text: str, replacements: tuple[Replacement, ...], columns: list[str], delimiter: str) -> str:
    """``text`` with the row of each replaced measurement rewritten, its line endings kept."""
    pieces = re.split(r"(\r\n|\r|\n)", text)  # line, ending, line, ending, …, last line
    for item in sorted(replacements, key=lambda r: -_row_of(r)[0]):
        first, last = _row_of(item)
        old = "".join(pieces[2 * (first - 1) : 2 * last - 1])
        fields = next(csv.reader(io.StringIO(old, newline=""), delimiter=delimiter))
        for index, name in enumerate(columns[: len(fields)]):
            if name == "value" or (name in ("source", "note") and getattr(item.new, name) != getattr(item.old, name)):
                fields[index] = _csv_field(item.new, name, delimiter)
        pieces[2 * (first - 1) : 2 * last - 1] = [_csv_line(fields, delimiter, "")]
    return "".join(pieces)


def _row_of(item: Replacement) -> tuple[int, int]:
    """The first and last physical line of a replaced measurement's CSV row."""
    row = item.old.csv_row
    if row is None:
        raise EditRefused(_("the measurement to replace is not in the measurements file"))
    return row.line, max(row.line, row.last_line)


def _csv_line(fields: list[str], delimiter: str, newline: str) -> str:
    """One CSV row ending in ``newline``; a field holding the delimiter, a quote, CR or LF
    is quoted (with ``\\r\\n`` as the writer's terminator, any CR or LF counts)."""
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerow(fields)
    return buffer.getvalue().removesuffix("\r\n") + newline


def _csv_field(row: NewMeasurement, column: str, delimiter: str) -> str:
    if column == "value":
        return format_number(row.value, decimal_comma=delimiter == ";")
    if column == "date":
        return row.date.isoformat()
    if column == "kind":
        return "" if row.kind.value == "actual" else row.kind.value
    value = getattr(row, column, None)
    return "" if value is None else str(value)


def format_number(value: float | str, *, decimal_comma: bool = False) -> str:
    """``12.0`` → ``12``, ``12.5`` → ``12.5`` (``12,5`` with a decimal comma); text unchanged."""
    if isinstance(value, str):
        return value
    text = str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    return text.replace(".", ",") if decimal_comma else text


# -- YAML ----------------------------------------------------------------------------------

#: Indentation styles tried in turn (mapping, sequence, dash offset); the first one that
#: reproduces the file's other lines exactly is used.
_STYLES = ((2, 4, 2), (2, 2, 0), (4, 4, 2), (4, 6, 4), (4, 4, 0), (3, 3, 1))


def yaml_edit(
    path: Path, rows: list[NewMeasurement], replacements: tuple[Replacement, ...] = (), lines: frozenset[int] = frozenset()
) -> Edit:
    """Append rows to the indicators' inline `measurements` lists through a round-trip, and
    give replaced measurements their new values; ``lines`` are the (1-based) lines of the
    replaced measurements, the only ones that may change."""
    raw = path.read_bytes()
    text = raw.decode("utf-8-sig")
    prefix = BOM.encode() if raw.startswith(BOM.encode()) else b""
    problem = _("the file could not be read for editing")
    plain = text.replace("\r\n", "\n")  # edited with LF newlines; CRLF is put back after
    for style in _STYLES:
        try:
            edited = _round_trip(plain, rows, replacements, style)
            _only_additions(plain, edited, lines)
            new_text = _restore_newlines(text, edited)
        except EditRefused as exc:
            problem = str(exc)
            continue
        return Edit(path, raw, prefix + new_text.encode("utf-8"))
    raise EditRefused(problem)


def _round_trip(text: str, rows: list[NewMeasurement], replacements: tuple[Replacement, ...], style: tuple[int, int, int]) -> str:
    from ruamel.yaml import YAML

    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 1_000_000
    yaml.indent(mapping=style[0], sequence=style[1], offset=style[2])
    data = yaml.load(text)
    for item in replacements:
        _replace(data, item)
    for row in rows:
        _append(_indicator_node(data, row.indicator), row)
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def _indicator_node(data: Any, indicator_id: str) -> Any:
    for benefit in data.get("benefits") or []:
        for indicator in benefit.get("indicators") or []:
            if indicator.get("id") == indicator_id:
                return indicator
    raise EditRefused(_("indicator '{id}' not found in the file", id=indicator_id))


def _replace(data: Any, item: Replacement) -> None:
    """Give the replaced measurement's entry its new value (and source and note, if new)."""
    entry = data
    try:
        for part in item.old.yaml_path or ():
            entry = entry[part]
    except (KeyError, IndexError, TypeError):
        entry = None
    if not hasattr(entry, "get") or entry.get("date") != item.old.date:
        raise EditRefused(_("the measurement to replace is no longer where it was in the file"))
    entry["value"] = _yaml_value(item.new.value)
    for key in ("source", "note"):
        if getattr(item.new, key) != getattr(item.old, key) and getattr(item.new, key):
            entry[key] = _text(getattr(item.new, key))


def _append(indicator: Any, row: NewMeasurement) -> None:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    entry = CommentedMap([("date", row.date), ("value", _yaml_value(row.value))])
    for key in ("source", "note"):
        if getattr(row, key):
            entry[key] = _text(getattr(row, key))
    if row.kind.value != "actual":
        entry["kind"] = row.kind.value
    entry.fa.set_flow_style()
    existing = indicator.get("measurements")
    if existing is None:
        indicator["measurements"] = CommentedSeq([entry])
    else:
        existing.append(entry)


def _text(value: str) -> str:
    """Text as the emitter should write it: quoted where, plain, it would begin a flow
    mapping's key or value indicator (``?x``, ``: k``), which the emitter leaves plain."""
    from ruamel.yaml.scalarstring import SingleQuotedScalarString

    return SingleQuotedScalarString(value) if value[:1] in ("?", ":") else value


def _yaml_value(value: float | str) -> int | float | str:
    if isinstance(value, str):
        return _text(value)
    if value.is_integer() and abs(value) < 1e15:
        return int(value)
    return value


def _restore_newlines(old: str, new: str) -> str:
    return new.replace("\r\n", "\n").replace("\n", "\r\n") if "\r\n" in old else new


def _only_additions(old: str, new: str, allowed: frozenset[int] = frozenset()) -> None:
    """``new`` is ``old`` with lines added, and changed only on the ``allowed`` lines (1-based)."""
    old_lines = old.splitlines()
    matcher = difflib.SequenceMatcher(a=old_lines, b=new.splitlines(), autojunk=False)
    for tag, i1, i2, _j1, _j2 in matcher.get_opcodes():
        if tag == "replace" and all(n + 1 in allowed for n in range(i1, i2)):
            continue
        if tag != "equal" and tag != "insert":
            changed = ", ".join(str(n + 1) for n in range(i1, min(i2, i1 + 5)))
            raise EditRefused(
                _(
                    "adding the measurement would also rewrite other lines of the file "
                    "(line {lines}); nothing was written — add it by hand or use a measurements file",
                    lines=changed,
                )
            )
