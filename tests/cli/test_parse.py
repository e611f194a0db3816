"""Option parsing apart from running: each command's ``run`` is replaced by a fake that
records the options it receives, and ``emit`` by one that records the chosen format."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import run_cli
from nytta.app import calc, check, diff, export, init, record, report, status
from nytta.diagnostics import CheckResult
from nytta.render.register import Register, RegisterExport
from nytta.results.calc import CalcReport
from nytta.results.check import CheckReport
from nytta.results.diff import DiffReport
from nytta.results.status import StatusReport
from nytta.write.measurements import Outcome

AS_OF = _dt.date(2026, 11, 27)
TODAY = _dt.date.today()
P = Path

#: For each command: the attribute its command line calls, and a minimal result of that call.
FAKES: dict[str, tuple[str, object]] = {
    "check": ("nytta.app.check.run", CheckReport(CheckResult(files=(), diagnostics=()), {}, (), False)),
    "status": ("nytta.app.status.run", StatusReport(AS_OF, (), ())),
    "calc": ("nytta.app.calc.run", CalcReport(None, ())),
    "report": ("nytta.app.report.run", report.ReportResult(None, ())),
    "export": ("nytta.app.export.run", export.ExportResult(RegisterExport(Register(AS_OF), "sv"), ())),
    "diff": ("nytta.app.diff.run", diff.DiffResult(DiffReport((), "old", "new"))),
    "record": ("nytta.app.record.record", record.WriteResult(P("p.yaml"), Outcome())),
    "import": ("nytta.app.record.import_rows", record.WriteResult(P("p.yaml"), Outcome())),
    "init": ("nytta.app.init.run", init.InitResult(P("nyttoplan.yaml"), "identify")),
}
CLI_MODULES = ("check", "follow", "report", "info")

Run = Callable[[list[str]], tuple[int, list[object], str]]


@pytest.fixture(autouse=True)
def in_a_folder_with_a_plan_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``p.yaml`` exists (calc and record check that the plan is a file before parsing on)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "p.yaml").write_text("", encoding="utf-8")


@pytest.fixture
def emitted(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str, Path | None]]:
    """(kind, format, output) of every ``emit``; nothing is rendered or written."""
    calls: list[tuple[str, str, Path | None]] = []

    def fake(kind: str, fmt: str, result: object, output: Path | None, templates: Path | None = None) -> None:
        calls.append((kind, fmt, output))

    for module in CLI_MODULES:
        monkeypatch.setattr(f"nytta.cli.{module}.emit", fake)
    return calls


@pytest.fixture
def nytta(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], emitted: list[object]) -> Run:
    """Run the command line with the command's ``run`` faked: (exit code, options received, stderr)."""

    def run(argv: list[str]) -> tuple[int, list[object], str]:
        target, result = FAKES[argv[0]]
        received: list[object] = []

        def fake(options: object, progress: object = None) -> object:
            received.append(options)
            return result

        monkeypatch.setattr(target, fake)
        code, _, err = run_cli(argv, capsys)
        return code, received, err

    return run


OPTIONS = [
    (["check", "a.yaml", "dir"], check.Options((P("a.yaml"), P("dir")), TODAY)),
    (
        [
            "check",
            "a.yaml",
            "--as-of",
            "2026-11-27",
            "--config",
            "n.toml",
            "--select",
            "a,b",
            "--select",
            "c",
            "--ignore",
            "d,",
            "--strict",
            "--only-plans",
            "--since",
            "HEAD~1",
        ],
        check.Options((P("a.yaml"),), AS_OF, P("n.toml"), frozenset({"a", "b", "c"}), frozenset({"d"}), True, True, "HEAD~1"),
    ),
    (["status", "plans"], status.Options((P("plans"),), TODAY)),
    (
        ["status", "a.yaml", "b.yaml", "--as-of", "2026-11-27", "--config", "c.toml"],
        status.Options((P("a.yaml"), P("b.yaml")), AS_OF, P("c.toml")),
    ),
    (["calc", "p.yaml"], calc.Options(P("p.yaml"), TODAY, None)),
    (["calc", "p.yaml", "--rate", "0,05", "--as-of", "2026-11-27"], calc.Options(P("p.yaml"), AS_OF, 0.05)),
    (["calc", "p.yaml", "--rate", "0"], calc.Options(P("p.yaml"), TODAY, 0.0)),
    (["calc", "p.yaml", "--rate", "1"], calc.Options(P("p.yaml"), TODAY, 1.0)),
    (["report", "p.yaml"], report.Options((P("p.yaml"),), TODAY)),
    (
        ["report", "plans", "x", "--lang", "en", "--as-of", "2026-11-27", "--config", "c.toml"],
        report.Options((P("plans"), P("x")), AS_OF, "en", P("c.toml")),
    ),
    (["export", "plans"], export.Options((P("plans"),), TODAY)),
    (
        ["export", "plans", "--lang", "sv", "--as-of", "2026-11-27", "--config", "c.toml"],
        export.Options((P("plans"),), AS_OF, "sv", P("c.toml")),
    ),
    (["diff", "old.yaml", "new.yaml"], diff.Options(P("old.yaml"), P("new.yaml"), None)),
    (["diff", "p.yaml", "--rev", "HEAD~2"], diff.Options(P("p.yaml"), None, "HEAD~2")),
    (["record", "p.yaml", "ind", "12,5"], record.RecordOptions(P("p.yaml"), "ind", "12,5", None)),  # None: today
    (["record", "p.yaml", "ind", "-3"], record.RecordOptions(P("p.yaml"), "ind", "-3", None)),
    (
        [
            "record",
            "p.yaml",
            "ind",
            "7",
            "--date",
            "2026-11-27",
            "--kind",
            "forecast",
            "--source",
            "s",
            "--note",
            "n",
            "--dry-run",
        ],
        record.RecordOptions(P("p.yaml"), "ind", "7", AS_OF, "forecast", "s", "n", True),
    ),
    (["import", "p.yaml", "m.csv"], record.ImportOptions(P("p.yaml"), P("m.csv"), False)),
    (["import", "p.yaml", "m.csv", "--dry-run"], record.ImportOptions(P("p.yaml"), P("m.csv"), True)),
    (["init"], init.Options(P("nyttoplan.yaml"), "sv", "identify")),
    (["init", "new/", "--lang", "en", "--phase", "plan"], init.Options(P("new"), "en", "plan")),
]


@pytest.mark.parametrize(("argv", "expected"), OPTIONS, ids=[" ".join(argv) for argv, _ in OPTIONS])
def test_options_reach_run_exactly(nytta: Run, argv: list[str], expected: object) -> None:
    code, received, err = nytta(argv)
    assert received == [expected], err
    assert code == (1 if argv[0] in {"calc", "report"} else 0)  # their fake result has no plan to render


FORMATS = {"check": "text, json, github, sarif, gitlab, junit", "status": "text, json, csv", "calc": "text, json, csv",
           "report": "html, md", "diff": "text, md, json", "export": "csv, xlsx, json"}  # fmt: skip
REFUSED = [
    *[([command, "p.yaml", "-f", "x"], f"--format 'x' is not one of {choices}") for command, choices in FORMATS.items()],
    (["status", "p.yaml", "--format", "TEXT"], "--format 'TEXT' is not one of text, json, csv"),
    *[
        ([command, "p.yaml", "--as-of", "2026-13-01"], "--as-of '2026-13-01' is not a date written YYYY-MM-DD")
        for command in ("check", "status", "calc", "report", "export")
    ],
    (["status", "p.yaml", "--as-of", "2026-1-1"], "--as-of '2026-1-1' is not a date written YYYY-MM-DD"),
    (["record", "p.yaml", "ind", "5", "--date", "27/11/2026"], "--date '27/11/2026' is not a date written YYYY-MM-DD"),
    (["calc", "p.yaml", "--rate", "2"], "--rate 2 is outside 0–1 (write 3 % as 0.03)"),
    (["calc", "p.yaml", "--rate", "-0.1"], "--rate -0.1 is outside 0–1 (write 3 % as 0.03)"),
    (["calc", "p.yaml", "--rate", "tre"], "--rate 'tre' is not a number (write 3 % as 0.03)"),
    (["report", "p.yaml", "--lang", "de"], "--lang 'de' is not one of sv, en"),
    (["export", "p.yaml", "--lang", "de"], "--lang 'de' is not one of sv, en"),
    (["export", "p.yaml", "-f", "xlsx"], "--format xlsx writes a binary file: give --output FILE.xlsx"),
    (["report", "p.yaml", "--templates", "no-such-folder"], "no such templates folder: no-such-folder"),
    (["check", "p.yaml", "--strikt"], "no such option: --strikt; did you mean --strict?"),
    (["status"], "missing argument 'paths'"),
]


@pytest.mark.parametrize(("argv", "message"), REFUSED, ids=[" ".join(argv) for argv, _ in REFUSED])
def test_bad_options_exit_2_with_one_line_and_never_run(nytta: Run, argv: list[str], message: str) -> None:
    code, received, err = nytta(argv)
    assert (code, received, err) == (2, [], f"nytta: error: {message}\n")


DEFAULTS = [
    (["check", "p.yaml"], ("check", "text", None)),
    (["status", "p.yaml"], ("status", "text", None)),
    (["diff", "a.yaml", "b.yaml"], ("diff", "text", None)),
    (["status", "p.yaml", "-f", "csv", "-o", "s.csv"], ("status", "csv", P("s.csv"))),
    (["diff", "a.yaml", "b.yaml", "--format", "md"], ("diff", "md", None)),
    (["export", "p"], ("register", "csv", None)),
    (["export", "p", "-o", "x.xlsx"], ("register", "xlsx", P("x.xlsx"))),
    (["export", "p", "-o", "X.XLSX"], ("register", "xlsx", P("X.XLSX"))),
    (["export", "p", "-o", "x.json"], ("register", "json", P("x.json"))),
    (["export", "p", "-o", "x.txt"], ("register", "csv", P("x.txt"))),
    (["export", "p", "-f", "json", "-o", "x.xlsx"], ("register", "json", P("x.xlsx"))),
    (["export", "p", "-f", "json"], ("register", "json", None)),
]


@pytest.mark.parametrize(("argv", "expected"), DEFAULTS, ids=[" ".join(argv) for argv, _ in DEFAULTS])
def test_format_is_chosen_from_the_option_or_the_output_suffix(
    nytta: Run, emitted: list[object], monkeypatch: pytest.MonkeyPatch, argv: list[str], expected: object
) -> None:
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    code, received, _ = nytta(argv)
    assert (code, len(received), emitted) == (0, 1, [expected])


@pytest.mark.parametrize(
    ("env", "argv", "fmt"),
    [
        ("true", [], "github"),
        ("true", ["-f", "text"], "text"),
        ("true", ["-f", "sarif"], "sarif"),
        ("false", [], "text"),
        ("1", [], "text"),
        ("", [], "text"),
    ],
)
def test_github_actions_makes_github_the_default_of_check(
    nytta: Run, emitted: list[object], monkeypatch: pytest.MonkeyPatch, env: str, argv: list[str], fmt: str
) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", env)
    code, _, _ = nytta(["check", "p.yaml", *argv])
    assert (code, emitted) == (0, [("check", fmt, None)])


def test_export_to_a_file_names_it_and_counts_the_rows(nytta: Run, tmp_path: Path) -> None:
    code, _, err = nytta(["export", "p", "-o", str(tmp_path / "r.xlsx")])
    assert (code, err) == (0, f"Wrote {tmp_path / 'r.xlsx'} (0 indicators).\n")
    assert not (tmp_path / "r.xlsx").exists()  # emit is faked: nothing was written


def test_verbose_check_names_the_skipped_files(nytta: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    result = CheckReport(CheckResult(files=(), diagnostics=()), {}, ("other.yaml",), False)
    monkeypatch.setitem(FAKES, "check", (FAKES["check"][0], result))
    assert nytta(["check", "p.yaml", "-v"])[2] == "skipped (not a plan): other.yaml\n"
    assert nytta(["check", "p.yaml"])[2] == ""
