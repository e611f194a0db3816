"""Turn new measurements into new file contents: CSV rows in the file's dialect, or YAML
entries added through a ruamel.yaml round-trip that keeps comments, order and quoting.

An edit is computed in memory and checked before it is written: the new text must be
the old text plus added lines only. Anything else is refused and nothing is written.
"""

from __future__ import annotations

import csv
import difflib
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from nytta.write.validate import NewMeasurement

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


def csv_edit(path: Path, rows: list[NewMeasurement]) -> Edit:
    """Append rows to a measurements CSV, keeping its delimiter, decimal mark, BOM and newlines.

    A measurements file that does not exist yet is created with a comma-dialect header.
    """
    raw = path.read_bytes() if path.exists() else b""
    text = raw.decode("utf-8-sig") or NEW_CSV_HEADER
    header_line = re.split(r"\r\n|\r|\n", text, maxsplit=1)[0]
    delimiter = ";" if header_line.count(";") > header_line.count(",") else ","
    header = next(csv.reader([header_line], delimiter=delimiter))
    newline = "\r\n" if "\r\n" in text else "\r" if "\r" in text and "\n" not in text else "\n"
    lines = "".join(
        _csv_line([_csv_field(row, name.strip().lower(), delimiter) for name in header], delimiter, newline) for row in rows
    )
    separator = "" if text.endswith(("\n", "\r")) or not text else newline
    new_text = text + separator + lines
    prefix = BOM.encode() if raw.startswith(BOM.encode()) else b""
    return Edit(path, raw, prefix + new_text.encode("utf-8"))


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


def yaml_edit(path: Path, rows: list[NewMeasurement]) -> Edit:
    """Append rows to the indicators' inline `measurements` lists through a round-trip."""
    raw = path.read_bytes()
    text = raw.decode("utf-8-sig")
    prefix = BOM.encode() if raw.startswith(BOM.encode()) else b""
    problem = "the file could not be read for editing"
    plain = text.replace("\r\n", "\n")  # edited with LF newlines; CRLF is put back after
    for style in _STYLES:
        try:
            edited = _round_trip(plain, rows, style)
            _only_additions(plain, edited)
            new_text = _restore_newlines(text, edited)
        except EditRefused as exc:
            problem = str(exc)
            continue
        return Edit(path, raw, prefix + new_text.encode("utf-8"))
    raise EditRefused(problem)


def _round_trip(text: str, rows: list[NewMeasurement], style: tuple[int, int, int]) -> str:
    from ruamel.yaml import YAML

    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 1_000_000
    yaml.indent(mapping=style[0], sequence=style[1], offset=style[2])
    data = yaml.load(text)
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
    raise EditRefused(f"indicator '{indicator_id}' not found in the file")


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


def _only_additions(old: str, new: str) -> None:
    old_lines = old.splitlines()
    matcher = difflib.SequenceMatcher(a=old_lines, b=new.splitlines(), autojunk=False)
    for tag, i1, i2, _, _ in matcher.get_opcodes():
        if tag != "equal" and tag != "insert":
            changed = ", ".join(str(n + 1) for n in range(i1, min(i2, i1 + 5)))
            raise EditRefused(
                "adding the measurement would also rewrite other lines of the file "
                f"(line {changed}); nothing was written — add it by hand or use a measurements file"
            )
