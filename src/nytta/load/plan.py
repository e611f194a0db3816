"""Load one plan file: bytes → YAML with positions → validated model → merged measurements.

Everything that goes wrong while loading (encoding, YAML syntax, not a plan, version,
shape, the measurements file) becomes a located Diagnostic; the result always carries
whatever could be salvaged so that the rules can run on it. Two slips are forgiven after
they are reported, so that nothing follows from them: a comma inside ``{…}`` (``{value:
0,5}`` is read as 0.5, ``{note: 1,9 mkr}`` as the text) and a Swedish word written as a
key (``nyttoägare:`` is read as ``owner``).
"""

from __future__ import annotations

import datetime as _dt
import errno
import os
import stat
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path as FsPath
from typing import Any

from nytta.diagnostics import Diagnostic, format_path
from nytta.i18n import _
from nytta.load.csv import CsvRow, not_utf8, physical_lines, read_measurements
from nytta.load.yaml import CommaSlip, LoadError, Positions, YamlDocument, parse_yaml
from nytta.model.enums import MeasurementKind, parse_enum
from nytta.model.plan import Indicator, Plan
from nytta.model.types import number_hint
from nytta.model.validate import expects_text, validate_plan

Path = tuple[str | int, ...]

#: A plan file larger than this is refused before parsing.
MAX_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Observation:
    """A measurement of an indicator, inline or from the CSV file, with where it was written."""

    indicator: str
    date: _dt.date
    value: float | str
    kind: MeasurementKind
    source: str | None
    note: str | None
    yaml_path: Path | None = None
    csv_row: CsvRow | None = None
    #: For a row not yet written (``record``, ``import``): the file it was given in (empty
    #: for the command line), its line there (0: none) and each field's column.
    origin: tuple[str, int, Mapping[str, int]] | None = None

    @property
    def is_actual(self) -> bool:
        return self.kind is MeasurementKind.ACTUAL


@dataclass
class PlanDocument:
    """A loaded plan file and everything known about where its parts are written."""

    file: str
    source: FsPath | None = None
    yaml: YamlDocument | None = None
    plan: Plan | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    dropped_ids: set[str] = field(default_factory=set)
    dropped_paths: set[Path] = field(default_factory=set)
    observations: list[Observation] = field(default_factory=list)
    csv_file: str | None = None
    csv_lines: list[str] = field(default_factory=list)
    #: Indicators some of whose measurements could not be read (the measurements file, or
    #: rows of it naming them): what the plan seems to lack of them may just be unread.
    unread_measurements: set[str] = field(default_factory=set)
    _by_indicator: dict[str, list[Observation]] | None = field(default=None, repr=False)

    # -- locating -------------------------------------------------------------------
    def at(self, rule: str, path: Path, message: str, *, at_key: bool = False, **extra: Any) -> Diagnostic:
        """A finding about the YAML node at ``path`` (its key when ``at_key``)."""
        line, column = (1, 1)
        source = None
        if self.yaml is not None:
            positions = self.yaml.positions
            line, column = positions.key(path) if at_key else positions.value(path)
            source = self.yaml.line_text(line)
        return Diagnostic(self.file, line, column, rule, message, path=format_path(path), source_line=source, **extra)

    def at_csv(self, rule: str, line: int, column: int, message: str) -> Diagnostic:
        source = self.csv_lines[line - 1] if 0 < line <= len(self.csv_lines) else None
        return Diagnostic(self.csv_file or self.file, line, column, rule, message, source_line=source)

    def at_observation(self, rule: str, obs: Observation, field_name: str, message: str) -> Diagnostic:
        if obs.origin is not None:
            file, line, columns = obs.origin
            return Diagnostic(file, line, columns.get(field_name, 1) if line else 0, rule, message)
        if obs.csv_row is not None:
            return self.at_csv(rule, obs.csv_row.line, obs.csv_row.columns.get(field_name, 1), message)
        return self.at(rule, (*(obs.yaml_path or ()), field_name), message)

    def observations_of(self, indicator: str) -> list[Observation]:
        if self._by_indicator is None:
            self._by_indicator = {}
            for obs in self.observations:
                self._by_indicator.setdefault(obs.indicator, []).append(obs)
        return self._by_indicator.get(indicator, [])

    def was_dropped(self, path: Path) -> bool:
        """Whether something at or under ``path`` was left out for a shape error."""
        return path in self.dropped_paths


def is_plan_data(data: Any) -> bool:
    return isinstance(data, dict) and "nytta" in data


def read_text(
    path: FsPath, display: str, *, not_utf8: Callable[[int, int], str] | None = None
) -> tuple[str | None, Diagnostic | None]:
    """Read a UTF-8 file (BOM tolerated); a problem becomes a Diagnostic of ``yaml-syntax``.
    ``not_utf8(byte, line)`` says what to do about a file in another encoding, when the kind
    of file has its own advice (a CSV file from Excel).

    Only regular files are read: a pipe or a device named as a plan would block or never end.
    """
    try:
        raw = _read_regular(path)
    except OSError as exc:
        return None, Diagnostic(display, 1, 1, "yaml-syntax", _("cannot read the file: {reason}", reason=_reason(exc)))
    if isinstance(raw, int):
        return None, Diagnostic(display, 1, 1, "yaml-syntax", _("file is too large ({size} bytes)", size=raw))
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        if not_utf8 is not None:
            return None, Diagnostic(display, line, column, "yaml-syntax", not_utf8(raw[exc.start], line))
        return None, Diagnostic(
            display,
            line,
            column,
            "yaml-syntax",
            _("the file is not UTF-8 (byte 0x{byte}); save it as UTF-8", byte=format(raw[exc.start], "02x")),
        )


def _read_regular(path: FsPath) -> bytes | int:
    """The bytes of a regular file, or its size when that is above MAX_BYTES.

    Opened without blocking, so that a FIFO cannot stall the read; raises OSError for
    anything that is not a regular file.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise OSError(errno.EINVAL, _("it is not a regular file (a folder, pipe or device)"))
        if info.st_size > MAX_BYTES:
            return info.st_size
        chunks = [handle.read(info.st_size + 1)]  # one read, sized to the file
        size = len(chunks[0])
        while size > info.st_size and size <= MAX_BYTES:  # it grows while being read
            chunk = handle.read(min(1 << 20, MAX_BYTES + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    return size if size > MAX_BYTES else b"".join(chunks)


def load_plan(path: FsPath, display: str, *, explicit: bool = True) -> PlanDocument | None:
    """Load a plan; None when the file is YAML but not a plan and was found by search."""
    doc = PlanDocument(display, path)
    text, problem = read_text(path, display)
    if problem is not None:
        doc.diagnostics.append(problem)
        return doc
    try:
        doc.yaml = parse_yaml(text or "")
    except LoadError as exc:
        line_text = (text or "").splitlines()[exc.line - 1 : exc.line]
        doc.diagnostics.append(
            Diagnostic(display, exc.line, exc.column, "yaml-syntax", exc.message, source_line=line_text[0] if line_text else None)
        )
        return doc
    data = doc.yaml.data
    if not is_plan_data(data):
        if not explicit:
            return None
        doc.diagnostics.append(doc.at("not-a-plan", (), _("the file has no top-level 'nytta' key, so it is not a benefit plan")))
        return doc
    if data["nytta"] != 1 or isinstance(data["nytta"], bool):
        doc.diagnostics.append(
            doc.at(
                "unsupported-version",
                ("nytta",),
                _("format version {version} is not supported; this nytta reads version 1", version=repr(data["nytta"])),
            )
        )
        return doc
    _validate(doc, data)
    if doc.plan is not None:
        _collect_inline(doc, doc.plan)
        if doc.plan.plan.measurements_file:
            _load_csv(doc, path, doc.plan.plan.measurements_file)
    return doc


def _validate(doc: PlanDocument, data: dict[Any, Any]) -> None:
    assert doc.yaml is not None
    doc.diagnostics.extend(_comma_slip(doc, data, slip) for slip in doc.yaml.slips)
    result = validate_plan(data)
    doc.plan = result.plan
    doc.dropped_ids = result.dropped_ids
    doc.dropped_paths = {path[:n] for path in result.dropped_paths for n in range(1, len(path) + 1)}
    for new, old in result.renamed.items():
        _alias_positions(doc.yaml.positions, old, new)
    doc.diagnostics.extend(doc.at("schema", i.path, i.message, at_key=i.at_key) for i in result.issues)


def _comma_slip(doc: PlanDocument, data: dict[Any, Any], slip: CommaSlip) -> Diagnostic:
    """The finding for a value a comma cut in two inside ``{…}``; a decimal comma where a
    number belongs is then read as the number, anything else as the text written."""
    key = slip.path[-1]
    number = number_hint(slip.text)
    if number is not None and not expects_text(slip.path):
        _parent(data, slip.path)[key] = float(number)
        message = _(
            "decimal comma in '{key}: {text}': inside {{…}} a comma separates entries; write {key}: {number}",
            key=key,
            text=slip.text,
            number=number,
        )
    else:
        message = _(
            "text containing a comma inside {{…}} must be quoted: write {key}: {quoted}", key=key, quoted=_quoted(slip.text)
        )
    return doc.at("schema", slip.path, message)


def _parent(data: Any, path: Path) -> Any:
    for part in path[:-1]:
        data = data[part]
    return data


def _quoted(text: str) -> str:
    """``text`` as a YAML quoted value: in double quotes, or in single ones when it holds ``"`` or ``\\``."""
    if '"' not in text and "\\" not in text:
        return f'"{text}"'
    return "'" + text.replace("'", "''") + "'"


def _alias_positions(positions: Positions, old: Path, new: Path) -> None:
    """Locate ``new`` (and what lies under it) where ``old`` is written."""
    for table in (positions.values, positions.keys):
        for path, position in list(table.items()):
            if path[: len(old)] == old:
                table.setdefault((*new, *path[len(old) :]), position)


def _collect_inline(doc: PlanDocument, plan: Plan) -> None:
    for benefit in plan.benefits:
        for indicator in benefit.indicators:
            doc.observations.extend(_inline(indicator))


def _inline(indicator: Indicator) -> list[Observation]:
    return [
        Observation(indicator.id, m.date, m.value, m.kind, m.source, m.note, yaml_path=m.path) for m in indicator.measurements
    ]


def _load_csv(doc: PlanDocument, plan_path: FsPath, relative: str) -> None:
    where = ("plan", "measurements_file")
    assert doc.plan is not None
    doc.unread_measurements = {i.id for b in doc.plan.benefits for i in b.indicators}  # until the file is read
    target, problem = resolve_inside(plan_path, relative)
    if problem:
        doc.diagnostics.append(doc.at("measurements-file", where, problem))
        return
    assert target is not None
    doc.csv_file = _display(doc.file, relative)
    try:
        regular = target.is_file()
    except OSError as exc:  # e.g. a file name longer than the system allows
        doc.diagnostics.append(doc.at("measurements-file", where, _unreadable(_reason(exc))))
        return
    if not regular:
        if target.exists():
            missing = _("the measurements file '{name}' is not a regular file (a folder, pipe or device)", name=relative)
        else:
            missing = _("the measurements file '{name}' does not exist", name=relative)
        doc.diagnostics.append(doc.at("measurements-file", where, missing))
        return
    text, read_problem = read_text(target, doc.csv_file, not_utf8=not_utf8)
    if read_problem is not None:
        doc.diagnostics.append(doc.at("measurements-file", where, _unreadable(read_problem.message)))
        return
    table = read_measurements(text or "")
    if table.unread is not None:  # every row was read, or failed on its own
        doc.unread_measurements = set(table.unread)
    doc.csv_lines = physical_lines((text or "").removeprefix("\ufeff"))
    for problem_row in table.problems:
        doc.diagnostics.append(doc.at_csv("measurements-file", problem_row.line, problem_row.column, problem_row.message))
    for row in table.rows:
        _add_row(doc, row)


def _add_row(doc: PlanDocument, row: CsvRow) -> None:
    try:
        kind = parse_enum(MeasurementKind, row.kind) if row.kind else MeasurementKind.ACTUAL
    except ValueError as exc:
        doc.diagnostics.append(
            doc.at_csv("measurements-file", row.line, row.columns.get("kind", 1), _("kind {problem}", problem=exc))
        )
        doc.unread_measurements.add(row.indicator)
        return
    doc.observations.append(Observation(row.indicator, row.date, row.value, kind, row.source, row.note, csv_row=row))


def _unreadable(reason: str) -> str:
    return _("the measurements file cannot be read: {reason}", reason=reason)


def _display(plan_display: str, relative: str) -> str:
    parent = FsPath(plan_display).parent
    return (parent / relative).as_posix() if str(parent) != "." else FsPath(relative).as_posix()


def resolve_inside(plan_path: FsPath, relative: str) -> tuple[FsPath | None, str | None]:
    """Resolve a path relative to the plan, refusing one that leaves its repository or folder."""
    if "\0" in relative:
        return None, _("the measurements file name contains a NUL character")
    if FsPath(relative).is_absolute() or relative.startswith(("/", "\\")) or ":" in relative[:3]:
        return None, _("the measurements file must be a path relative to the plan, not '{name}'", name=relative)
    try:
        folder = plan_path.resolve().parent
        root = repository_root(folder) or folder
        target = (folder / relative).resolve()
    except (OSError, RuntimeError) as exc:  # a name too long, a symlink loop …
        return None, _("the measurements file '{name}' cannot be found: {reason}", name=relative, reason=_reason(exc))
    if target == plan_path.resolve():
        return None, _("the measurements file '{name}' is the plan itself; name a CSV file beside it", name=relative)
    if not target.is_relative_to(root):
        if root != folder:
            return None, _("the measurements file '{name}' lies outside the repository; nothing outside is read", name=relative)
        return None, _("the measurements file '{name}' lies outside the plan's folder; nothing outside is read", name=relative)
    return target, None


def _reason(exc: BaseException) -> str:
    """An OS error's own words, without the (possibly very long) file name."""
    return getattr(exc, "strerror", None) or str(exc).splitlines()[0][:200] or type(exc).__name__


def repository_root(folder: FsPath) -> FsPath | None:
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return None
