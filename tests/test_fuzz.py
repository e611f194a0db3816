"""Generated hostile plans: check, status, calc and report never crash on any of them.

The plans are built as Python data from a small valid base (the rule examples' base plan
with a benefit calculation, a dis-benefit and a risk added) and then mutated: wrong types
in any field, keys removed, unknown keys, odd Unicode, huge and tiny numbers, NaN and
infinities, deep nesting, empty lists and mappings, far-away dates, duplicate ids,
dangling references, measurements on one date, odd measurements files and odd CSV
content. Whole files that are not data at all (empty, a BOM, comments, stray documents)
are generated as text. Each plan is written into a temporary folder and run through the
command line in-process; every run must end with exit code 0, 1 or 2, and a run that
cannot go on says so in exactly one line that is not an internal error. The JSON outputs
must stay strict JSON (no NaN or Infinity) and every finding must be located.
"""

from __future__ import annotations

import copy
import datetime as _dt
import io
import json
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from conftest import run_cli
from nytta.rules.examples import BASE_PLAN

Tree = Any
TreePath = tuple[str | int, ...]

# -- the base plan ---------------------------------------------------------------------------

_VALUATION = "    valuation: {unit_value: 6000, volume: 2, attribution: 0.5}\n    indicators:"
_DISBENEFIT = """\
  - id: fler-samtal
    name: Fler supportsamtal
    polarity: disbenefit
    owner: karin
    recipients: [{stakeholder: sokande, share: 0.5}]
    goals: [service]
    category: redeployment
    alternative_use: Ingen
    realisation: {start: 2025-06-01}
    valuation: {unit_value: 100}
    indicators:
      - id: samtal
        name: Supportsamtal
        unit: cases
        direction: maintain
        tolerance: 5
        method: Räkning
        source: Växeln
        follow_up_dates: [2026-06-30, 2027-06-30]
        measured_by: karin
        primary: true
        baseline: {value: 100, date: 2024-12-31}
        targets: [{date: 2027-12-31, value: 103}]
        measurements: [{date: 2026-06-30, value: 104}]
costs:
  - {id: bygge, name: Bygge, kind: investment, amounts: {2025: 500000, 2026: 100000}}
calculation: {base_year: 2025, first_year: 2025, last_year: 2029, discount_rate: 0.03}
risks:
  - {id: risk-1, description: Låg användning, affects: [kortare-tid], owner: karin,
     probability: low, impact: high, mitigation: Kampanj}
revisions:
  - {date: 2025-03-01, by: karin, reason: Första versionen}
"""
BASE_TEXT = BASE_PLAN.replace("    indicators:", _VALUATION, 1) + _DISBENEFIT


def _yaml() -> YAML:
    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    yaml.allow_unicode = True
    yaml.width = 4096
    return yaml


def base_plan() -> dict[str, Any]:
    """A fresh copy of the base plan as plain Python data."""
    return copy.deepcopy(_BASE)


_BASE: dict[str, Any] = _yaml().load(BASE_TEXT)

# -- hostile values --------------------------------------------------------------------------

ODD_STRINGS = (
    "",
    " ",
    "\u200f\u05e9\u05dc\u05d5\u05dd\u200e",
    "\u202eevil\u202c",
    "🎉💥",
    "e\u0301\u0301\u0301",
    "\u0007\u001b\u0085",
    "\u2028\u2029",
    "\ufeff",
    "\ufffe",
    "1,5",
    "1 234,5",
    "nan",
    ".inf",
    "~",
    "null",
    "true",
    "0x1F",
    "9999-12-31",
    "0001-01-01",
    "2026-02-30",
    "2026-13-01",
    "--",
    "../x",
    "{a: b}",
    "[",
    "*alias",
    "&anchor",
    "!!python/object/apply:os.system ['true']",
    "# nytta: ignore[schema]",
    "x" * 5000,
    "ö" * 300,
    "karin",
    "sokande",
    "service",
    "kortare-tid",
    "dagar",
)
EXTREME_NUMBERS = (
    10**30,
    -(10**30),
    2**63,
    -(2**63) - 1,
    1e308,
    -1e308,
    1.7976931348623157e308,
    1e-320,
    -1e-320,
    5e-324,
    0,
    0.0,
    -0.0,
    1,
    -1,
    0.5,
    float("nan"),
    float("inf"),
    float("-inf"),
    10**400,
)
EXTREME_DATES = (
    _dt.date(1, 1, 1),
    _dt.date(1, 1, 31),
    _dt.date(9999, 12, 31),
    _dt.date(9999, 12, 1),
    _dt.date(9999, 10, 31),
    _dt.date(2000, 2, 29),
    _dt.date(2024, 12, 31),
    _dt.date(2026, 11, 27),
    _dt.date(2026, 11, 28),
)
AS_OF_DATES = ("2026-11-27", "0001-01-01", "9999-12-31", "2025-06-01")
REFERENCE_KEYS = {
    "owner",
    "goals",
    "leads_to",
    "recipients",
    "measured_by",
    "by",
    "change_owner",
    "project_manager",
    "parent",
    "affects",
    "stakeholder",
}
DATE_KEYS = {"date", "start", "end", "follow_up_dates"}
NUMBER_KEYS = {
    "value",
    "unit_value",
    "volume",
    "attribution",
    "discount_rate",
    "tolerance",
    "share",
    "amounts",
    "on_track",
    "at_risk",
    "base_year",
    "first_year",
    "last_year",
    "price_level_year",
    "size",
    "nytta",
}
KNOWN_KEYS = (
    "id",
    "name",
    "nmae",
    "owner",
    "ownr",
    "category",
    "phase",
    "value",
    "date",
    "indicators",
    "targets",
    "measurements",
    "baseline",
    "frequency",
    "kind",
    "<<",
    "plan",
    "nytta",
    "thresholds",
    "tags",
)

text_values = st.one_of(
    st.sampled_from(ODD_STRINGS),
    st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), max_size=40),
)
number_values = st.one_of(
    st.sampled_from(EXTREME_NUMBERS),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
)
date_values = st.one_of(
    st.sampled_from(EXTREME_DATES),
    st.dates(min_value=_dt.date(1, 1, 1), max_value=_dt.date(9999, 12, 31)),
    st.datetimes(min_value=_dt.datetime(1, 1, 1), max_value=_dt.datetime(9999, 12, 31)),
)
scalars = st.one_of(text_values, number_values, date_values, st.sampled_from([True, False, None]))
keys = st.one_of(text_values, st.sampled_from(KNOWN_KEYS), st.integers(-5, 3000), st.sampled_from(EXTREME_DATES), st.booleans())
values = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=3),
        st.dictionaries(keys, children, max_size=3),
    ),
    max_leaves=8,
)


def deep(depth: int, leaf: Any = "x", mapping: bool = True) -> Any:
    """A value nested ``depth`` levels deep."""
    for _ in range(depth):
        leaf = {"k": leaf} if mapping else [leaf]
    return leaf


hostile_values = st.one_of(
    values,
    st.builds(deep, st.integers(1, 90), scalars, st.booleans()),
    st.sampled_from([{}, [], [{}], [[]], {"": None}]),
)

# -- the tree --------------------------------------------------------------------------------


def walk(tree: Tree, path: TreePath = ()) -> Iterator[TreePath]:
    """Every path below ``tree`` (not the root itself), parents before children."""
    if isinstance(tree, dict):
        items: list[tuple[str | int, Any]] = list(tree.items())
    elif isinstance(tree, list):
        items = list(enumerate(tree))
    else:
        return
    for key, child in items:
        yield (*path, key)
        yield from walk(child, (*path, key))


def get(tree: Tree, path: TreePath) -> Any:
    for part in path:
        tree = tree[part]
    return tree


def under(tree: Tree, wanted: set[str]) -> list[TreePath]:
    """The paths whose own key, or whose list's key, is one of ``wanted``."""
    found = []
    for path in walk(tree):
        named = [p for p in path if isinstance(p, str)]
        if named and named[-1] in wanted:
            found.append(path)
    return found


Mutation = Callable[[st.DrawFn, dict[str, Any]], None]


def _pick(draw: st.DrawFn, paths: list[TreePath]) -> TreePath | None:
    return draw(st.sampled_from(paths)) if paths else None


def _set(tree: Tree, path: TreePath, value: Any) -> None:
    get(tree, path[:-1])[path[-1]] = value


def replace_value(draw: st.DrawFn, tree: dict[str, Any]) -> None:
    """Any field gets a value of any type."""
    path = _pick(draw, list(walk(tree)))
    if path is not None:
        _set(tree, path, draw(hostile_values))


def remove_key(draw: st.DrawFn, tree: dict[str, Any]) -> None:
    """A key or a list item disappears."""
    path = _pick(draw, list(walk(tree)))
    if path is not None:
        del get(tree, path[:-1])[path[-1]]


def add_unknown_key(draw: st.DrawFn, tree: dict[str, Any]) -> None:
    """A mapping gains a key nobody expects (or a misspelt known one)."""
    mappings = [p for p in walk(tree) if isinstance(get(tree, p), dict)]
    target = get(tree, draw(st.sampled_from(mappings))) if mappings and draw(st.booleans()) else tree
    key = draw(keys)
    if key not in target:
        target[key] = draw(hostile_values)


def duplicate_item(draw: st.DrawFn, tree: dict[str, Any]) -> None:
    """A list item is repeated: duplicate ids, duplicate measurements."""
    lists = [p for p in walk(tree) if isinstance(get(tree, p), list) and get(tree, p)]
    path = _pick(draw, lists)
    if path is not None:
        items = get(tree, path)
        items.append(copy.deepcopy(draw(st.sampled_from(items))))


def dangle_reference(draw: st.DrawFn, tree: dict[str, Any]) -> None:
    """A reference names nothing, or the wrong kind of thing."""
    path = _pick(draw, under(tree, REFERENCE_KEYS))
    if path is not None:
        _set(tree, path, draw(st.sampled_from(["ghost", "dagar", "kortare-tid", "service", "karin", "sokande", "e-tjanst", 7])))


def odd_date(draw: st.DrawFn, tree: dict[str, Any]) -> None:
    """A date moves to year 1, year 9999 or anywhere in between."""
    path = _pick(draw, under(tree, DATE_KEYS))
    if path is not None:
        _set(tree, path, draw(date_values))


def dates_near(draw: st.DrawFn, tree: dict[str, Any]) -> None:
    """Many dates move together to one far-away day (or its neighbours): year 1, year 9999 …"""
    day = draw(st.sampled_from(EXTREME_DATES))
    for path in under(tree, DATE_KEYS):
        if draw(st.booleans()) and not isinstance(get(tree, path), (list, dict)):
            offset = draw(st.integers(-40, 40))
            try:
                _set(tree, path, day + _dt.timedelta(days=offset))
            except OverflowError:
                _set(tree, path, day)


def odd_number(draw: st.DrawFn, tree: dict[str, Any]) -> None:
    """A number becomes huge, tiny, NaN or infinite."""
    path = _pick(draw, under(tree, NUMBER_KEYS))
    if path is not None:
        _set(tree, path, draw(number_values))


def same_date_measurements(draw: st.DrawFn, tree: dict[str, Any]) -> None:
    """An indicator gets several measurements on one date."""
    indicators = [p for p in walk(tree) if len(p) >= 2 and p[-2] == "indicators" and isinstance(get(tree, p), dict)]
    path = _pick(draw, indicators)
    if path is None:
        return
    day = draw(date_values)
    rows = [
        {"date": day, "value": draw(number_values), "kind": draw(st.sampled_from(["actual", "forecast", "prognos"]))}
        for _ in range(draw(st.integers(2, 4)))
    ]
    indicator = get(tree, path)
    existing = indicator.get("measurements")
    indicator["measurements"] = (existing if isinstance(existing, list) else []) + rows


def odd_calculation(draw: st.DrawFn, tree: dict[str, Any]) -> None:
    """A figure of the calculation, a valuation or the thresholds becomes extreme."""
    path = _pick(draw, [p for p in walk(tree) if len(p) >= 2 and p[-2] in ("calculation", "valuation", "thresholds", "amounts")])
    if path is not None:
        _set(tree, path, draw(st.one_of(number_values, st.sampled_from([-1, -2, 1e-300, 10**11, -(10**11), 9999, 1]))))
    if isinstance(tree.get("plan"), dict) and draw(st.booleans()):
        tree["plan"]["thresholds"] = {"on_track": draw(number_values), "at_risk": draw(number_values)}


def empty_container(draw: st.DrawFn, tree: dict[str, Any]) -> None:
    """A list or mapping becomes empty (or the other kind of empty)."""
    containers = [p for p in walk(tree) if isinstance(get(tree, p), (list, dict))]
    path = _pick(draw, containers)
    if path is not None:
        _set(tree, path, draw(st.sampled_from([{}, [], None])))


MUTATIONS: tuple[Mutation, ...] = (
    replace_value,
    remove_key,
    add_unknown_key,
    duplicate_item,
    dangle_reference,
    odd_date,
    dates_near,
    odd_number,
    same_date_measurements,
    odd_calculation,
    empty_container,
)

# -- cases -----------------------------------------------------------------------------------

MEASUREMENT_FILES = (
    "m.csv",
    "./m.csv",
    "folder/../m.csv",
    "empty.csv",
    "bom.csv",
    "folder",
    "folder/",
    ".",
    "",
    "missing.csv",
    "../m.csv",
    "../../../etc/passwd",
    "/etc/passwd",
    "C:/x.csv",
    "\\\\server\\share\\x.csv",
    "link.csv",
    "loop.csv",
    "m\x00.csv",
    "a" * 300,
    "a" * 5000 + "/b.csv",
    "ünïcødé 🎉.csv",
    "m.csv\n",
)
CSV_HEADERS = (
    "indicator,date,value",
    "indicator;date;value",
    "indicator,date,value,source,note,kind",
    "indicator;date;value;source;note;kind",
    "\ufeffindicator,date,value",
    "date,value",
    "",
    "indicator,date,value,extra",
)
CSV_VALUES = ("25", "25.5", "25,5", "nan", "NaN", "inf", "-inf", "1e400", "-1e400", "1e308", "-1e308", "1e-320", "", "x", '"1,5"')
CSV_DATES = ("2026-09-30", "2026-10-31", "0001-01-01", "9999-12-31", "2026-02-30", "31/12/2026", "", "2026-9-30")


@st.composite
def csv_texts(draw: st.DrawFn) -> str:
    """A measurements CSV: a header, rows of odd values, odd separators and quoting."""
    header = draw(st.sampled_from(CSV_HEADERS))
    delimiter = ";" if header.count(";") > header.count(",") else ","
    width = max(1, header.count(delimiter) + 1)
    rows = []
    for _ in range(draw(st.integers(0, 6))):
        fields = [
            draw(st.sampled_from(["dagar", "samtal", "ghost", "", "DAGAR"])),
            draw(st.sampled_from(CSV_DATES)),
            draw(st.one_of(st.sampled_from(CSV_VALUES), text_values.filter(lambda s: "\n" not in s and "\r" not in s))),
            *[
                draw(st.sampled_from(["actual", "forecast", "utfall", "whatever", "", '"a\nb"', "a\u2028b", "n" * 200_000]))
                for _ in range(width - 3)
            ],
        ]
        if draw(st.booleans()):
            fields.append("extra")
        rows.append(draw(st.sampled_from([delimiter, ",", ";", "\t"])).join(fields))
    ending = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    return ending.join([header, *rows]) + draw(st.sampled_from(["", ending]))


@dataclass(frozen=True)
class Case:
    """One generated input: the plan (data, or text written as is), its measurements file and
    where it lives (``repo``: in a subfolder of a git repository, else in a plain folder)."""

    plan: Any
    csv: str = "indicator,date,value\n"
    repo: bool = False
    as_of: str = "2026-11-27"
    extra: dict[str, str] = field(default_factory=dict)


@st.composite
def mutated_plans(draw: st.DrawFn) -> Case:
    tree = base_plan()
    for _ in range(draw(st.integers(0, 4))):
        draw(st.sampled_from(MUTATIONS))(draw, tree)
    if draw(st.booleans()) and isinstance(tree.get("plan"), dict):
        tree["plan"]["measurements_file"] = draw(st.sampled_from(MEASUREMENT_FILES))
    written = sorted({d.isoformat() for d in (get(tree, path) for path in walk(tree)) if type(d) is _dt.date})
    as_of = draw(st.sampled_from(AS_OF_DATES + tuple(written)))  # often a day the plan itself names
    return Case(tree, draw(csv_texts()), draw(st.booleans()), as_of)


ODD_FILES = (
    "",
    "\n",
    "   \n\t\n",
    "\ufeff",
    "\ufeff\n",
    "---\n",
    "---\n...\n",
    "# comment only\n",
    "~\n",
    "nytta\n",
    "nytta:\n",
    "nytta: 1\n",
    "nytta: 1\nplan:\n",
    "nytta: 1\nplan: []\n",
    "nytta: 1\n---\nnytta: 1\n",
    "nytta: 1\nplan: {id: x, title: y, phase: plan}\n...\n--- junk\n",
    "%YAML 1.2\n---\nnytta: 1\n",
    "nytta: 1\r\nplan: {id: x, title: y, phase: plan}\r\n",
    "nytta: 1\rplan: {id: x}\r",
    "nytta: !!str 1\n",
    "nytta: 0x" + "f" * 5000 + "\n",
    "nytta: 1\nplan: {id: -0o" + "7" * 6000 + ", title: y, phase: plan}\n",
    "nytta: 1\nplan: &p {id: x, title: y, phase: plan, x: *p}\n",
    "? nytta\n: 1\n",
    "nytta: 1\nplan: {<<: {id: x}}\n",
)


@st.composite
def odd_files(draw: st.DrawFn) -> Case:
    """Files that are hardly plans: empty, a BOM, comments, stray documents, odd line ends."""
    text = draw(
        st.one_of(
            st.sampled_from(ODD_FILES),
            st.builds(lambda a, b: a + b, st.sampled_from(ODD_FILES), text_values),
            text_values,
        )
    )
    return Case(text, repo=draw(st.booleans()))


# -- running ---------------------------------------------------------------------------------

COMMANDS: tuple[tuple[str, ...], ...] = (
    ("check", "--format", "json"),
    ("check",),
    ("status", "--format", "json"),
    ("calc", "--format", "json"),
    ("report", "--format", "md"),
    ("report",),
)

#: Run on the plan's folder: the portfolio report and status.
FOLDER_COMMANDS: tuple[tuple[str, ...], ...] = (("report", "--format", "md"), ("status", "--format", "json"))


def dump(data: Any) -> str:
    stream = io.StringIO()
    _yaml().dump(data, stream)
    return stream.getvalue()


def write_case(folder: Path, case: Case) -> Path:
    """Write the plan and everything around it into ``folder``; returns the plan's path."""
    home = folder
    if case.repo:
        (folder / ".git").mkdir()
        home = folder / "plans"
        home.mkdir()
        (folder / "m.csv").write_text(case.csv, encoding="utf-8")
    (home / "folder").mkdir()
    (home / "m.csv").write_text(case.csv, encoding="utf-8")
    (home / "empty.csv").write_bytes(b"")
    (home / "bom.csv").write_bytes(b"\xef\xbb\xbf")
    (home / "link.csv").symlink_to(home / "m.csv")
    (home / "loop.csv").symlink_to("loop.csv")
    for name, text in case.extra.items():
        (home / name).write_text(text, encoding="utf-8")
    plan = home / "plan.yaml"
    plan.write_text(case.plan if isinstance(case.plan, str) else dump(case.plan), encoding="utf-8")
    return plan


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def assert_clean(argv: list[str], code: int, out: str, err: str) -> None:
    """The run ended as the product promises: 0, 1 or a one-line 2, never an internal error."""
    shown = f"{' '.join(a[:80] for a in argv)} -> {code}\nstderr: {err[:2000]}"
    assert code in (0, 1, 2), shown
    assert "internal error" not in err and "Traceback" not in err, shown
    if code == 2:
        lines = err.splitlines()
        assert len(lines) == 1 and lines[0].startswith("nytta: "), shown
    if "json" in argv and out.strip():
        document = json.loads(out, parse_constant=_no_constants)
        for finding in document.get("findings", []):
            assert finding["line"] >= 1 and finding["column"] >= 1, finding


def run_all(case: Case, capsys: pytest.CaptureFixture[str]) -> None:
    with tempfile.TemporaryDirectory(prefix="nytta-fuzz-") as tmp:
        plan = write_case(Path(tmp), case)
        runs = [[*command, str(plan)] for command in COMMANDS]
        runs += [[*command, str(plan.parent)] for command in FOLDER_COMMANDS]
        for run in runs:
            argv = [*run, "--as-of", case.as_of]
            assert_clean(argv, *run_cli(argv, capsys))


FUZZ = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.filter_too_much,
    ],
)


def changed(*edits: tuple[TreePath, Any]) -> dict[str, Any]:
    """The base plan with the value at each path replaced."""
    tree = base_plan()
    for path, value in edits:
        _set(tree, path, value)
    return tree


def _with_measurements_file(name: str) -> dict[str, Any]:
    return changed((("plan", "measurements_file"), name))


DAGAR = ("benefits", 0, "indicators", 0)
SAMTAL = ("benefits", 1, "indicators", 0)


def test_the_base_plan_is_clean(capsys: pytest.CaptureFixture[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        plan = write_case(Path(tmp), Case(base_plan()))
        code, out, _ = run_cli(["check", str(plan), "--format", "json", "--as-of", "2026-11-27"], capsys)
    assert code == 0, out
    assert json.loads(out)["errors"] == 0


# Each explicit example is an input that once ended in an internal error or in output that
# was not JSON; the comment names what went wrong.
@FUZZ
@given(case=mutated_plans())
# ValueError "embedded null byte" resolving the measurements file
@example(case=Case(_with_measurements_file("m\x00.csv")))
# OSError "File name too long" from Path.is_file
@example(case=Case(_with_measurements_file("a" * 300)))
@example(case=Case(_with_measurements_file("a" * 5000 + "/b.csv"), repo=True))
@example(case=Case(_with_measurements_file("loop.csv")))
# ZeroDivisionError: discount factor 1 / 0 ** n
@example(case=Case(changed((("calculation", "discount_rate"), -1))))
# OverflowError: (1 + 1e308) ** n
@example(case=Case(changed((("calculation", "discount_rate"), 1e308))))
# ZeroDivisionError: 1.03 ** -(10**11) underflows to 0
@example(case=Case(changed((("calculation", "base_year"), 10**11))))
# Infinity in the calc JSON: 1e308 × 1e308
@example(case=Case(changed((("benefits", 0, "valuation", "unit_value"), 1e308), (("benefits", 0, "valuation", "volume"), 1e308))))
# ValueError "year 10000 is out of range": next due = a measurement in 9999-10 plus a quarter
@example(case=Case(changed(((*DAGAR, "measurements", 0, "date"), _dt.date(9999, 10, 31))), as_of="9999-12-31"))
# … and from a baseline in 9999-12 when no measurement is dated before the as-of date
@example(case=Case(changed(((*DAGAR, "baseline", "date"), _dt.date(9999, 12, 20))), as_of="2025-06-01"))
# OverflowError: a due date of 9999-12-31 plus the grace period (check), plus 30 days (portfolio)
@example(
    case=Case(
        changed(
            ((*SAMTAL, "follow_up_dates"), [_dt.date(9999, 12, 31)]),
            (("benefits", 1, "realisation", "end"), _dt.date(9999, 12, 31)),
        ),
        as_of="9999-12-31",
    )
)
# NaN in the status JSON: planned(t) between -1e308 and 1e308 overflows
@example(case=Case(changed(((*DAGAR, "baseline", "value"), -1e308), ((*DAGAR, "targets", 0, "value"), 1e308))))
def test_mutated_plans_never_crash(case: Case, capsys: pytest.CaptureFixture[str]) -> None:
    run_all(case, capsys)


@FUZZ
@given(case=odd_files())
# ValueError "Exceeds the limit (4300 digits) for integer string conversion": repr() of 0xfff…
@example(case=Case("nytta: 0x" + "f" * 5000 + "\n"))
def test_odd_files_never_crash(case: Case, capsys: pytest.CaptureFixture[str]) -> None:
    run_all(case, capsys)


@settings(FUZZ, max_examples=20)
@given(csv=csv_texts(), name=st.sampled_from(["m.csv", "../m.csv", "bom.csv", "link.csv"]), repo=st.booleans())
# NaN and Infinity in the status and calc JSON: float() reads "nan", "inf" and "1e400"
@example(csv="indicator,date,value\ndagar,2026-10-30,nan\ndagar,2026-10-31,inf\n", name="m.csv", repo=False)
@example(csv="indicator;date;value\ndagar;2026-10-31;-1e400\n", name="m.csv", repo=False)
def test_measurement_files_never_crash(csv: str, name: str, repo: bool, capsys: pytest.CaptureFixture[str]) -> None:
    run_all(Case(_with_measurements_file(name), csv, repo), capsys)
