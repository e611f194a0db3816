"""`record`, `import` and `init` for a Swedish analyst: messages in English and Swedish,
correcting a value with `--replace`, a date that does not exist, the date chosen when none is
given, the file that was (or was not) written, and folders that `init` creates."""

from __future__ import annotations

import datetime as _dt
import shutil
import types
from pathlib import Path

import pytest

from conftest import DATA, run_cli
from nytta.rules.examples import BASE_PLAN

CSV_PLAN = BASE_PLAN.replace("  approvals:", "  measurements_file: matningar.csv\n  approvals:").replace(
    "        measurements:\n          - {date: 2026-09-30, value: 25}\n", ""
)
#: A measurements file as Swedish Excel saves "CSV UTF-8 (kommaavgränsad)": BOM, CRLF,
#: semicolons, decimal commas, Swedish column names.
SWEDISH_CSV = "\ufeffIndikator;Datum;Värde;Källa;Kommentar\r\ndagar;2026-06-30;30,5;Ärendesystemet;Före semestern\r\n"
LANGS = ["en", "sv"]


def _nytta(lang: str, argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    return run_cli(["--lang", lang, *argv], capsys)


@pytest.fixture
def inline(tmp_path: Path) -> Path:
    """A plan with comments and inline measurements: dagar at 2026-06-30 (30) and 2026-09-30 (25, line 54)."""
    target = tmp_path / "plan.yaml"
    shutil.copy(DATA / "record" / "commented.yaml", target)
    return target


@pytest.fixture
def csv_plan(tmp_path: Path) -> tuple[Path, Path]:
    """A plan (in a folder of its own) with its measurements in a Swedish Excel CSV."""
    (tmp_path / "csv").mkdir()
    plan = tmp_path / "csv" / "plan.yaml"
    plan.write_text(CSV_PLAN, encoding="utf-8")
    csv = tmp_path / "csv" / "matningar.csv"
    csv.write_bytes(SWEDISH_CSV.encode("utf-8"))
    return plan, csv


# -- correcting a value: --replace ----------------------------------------------------------

REPLACED_INLINE = {
    "en": "Replaced dagar (2026-09-30): 25 → 26,5 in plan.yaml.\n".replace("26,5", "26.5"),
    "sv": "Ersatte dagar (2026-09-30): 25 → 26,5 i plan.yaml.\n",
}


@pytest.mark.parametrize("lang", LANGS)
def test_replace_an_inline_value_changes_that_line_only_and_shows_old_and_new(inline: Path, lang: str, capsys) -> None:
    before = inline.read_text(encoding="utf-8")
    code, out, err = _nytta(lang, ["record", str(inline), "dagar", "26,5", "--date", "2026-09-30", "--replace"], capsys)
    assert (code, out, err) == (0, REPLACED_INLINE[lang], "")
    expected = before.replace("          - {date: 2026-09-30, value: 25}\n", "          - {date: 2026-09-30, value: 26.5}\n")
    assert inline.read_text(encoding="utf-8") == expected  # comments, blank lines and order kept


@pytest.mark.parametrize("lang", LANGS)
def test_replace_a_value_in_a_swedish_excel_csv_rewrites_its_row_only(csv_plan: tuple[Path, Path], lang: str, capsys) -> None:
    plan, csv = csv_plan
    argv = ["record", str(plan), "dagar", "31.25", "--date", "2026-06-30", "--replace", "--note", "Rättat"]
    code, out, err = _nytta(lang, argv, capsys)
    shown = {"en": "30.5 → 31.25 in", "sv": "30,5 → 31,25 i"}[lang]
    assert (code, out, err) == (
        0,
        f"{ {'en': 'Replaced', 'sv': 'Ersatte'}[lang] } dagar (2026-06-30): {shown} matningar.csv.\n",
        "",
    )
    assert (
        csv.read_bytes() == SWEDISH_CSV.replace("30,5;Ärendesystemet;Före semestern\r", "31,25;Ärendesystemet;Rättat\r").encode()
    )


def test_replace_keeps_the_rows_other_fields_and_a_quoted_line_break(csv_plan: tuple[Path, Path], capsys) -> None:
    plan, csv = csv_plan
    text = SWEDISH_CSV + 'dagar;2026-09-30;25;Ärendesystemet;"två\r\nrader"\r\ndagar;2026-10-31;24;;\r\n'
    csv.write_bytes(text.encode())
    code, out, _ = run_cli(["record", str(plan), "dagar", "26", "--date", "2026-09-30", "--replace"], capsys)
    assert (code, out) == (0, "Replaced dagar (2026-09-30): 25 → 26 in matningar.csv.\n")
    assert csv.read_bytes() == text.replace("2026-09-30;25;", "2026-09-30;26;").encode()


NOTHING_TO_REPLACE = {
    "en": "nytta: error: --replace: 'dagar' has no measurement dated 2026-10-31 in {file} to replace; "
    "nothing was written — to add it, leave out --replace\n",
    "sv": "nytta: fel: --replace: 'dagar' har ingen mätning daterad 2026-10-31 i {file} att ersätta; "
    "inget skrevs — utelämna --replace för att lägga till den\n",
}


@pytest.mark.parametrize("lang", LANGS)
def test_replace_with_nothing_to_replace_is_a_usage_error_and_writes_nothing(
    inline: Path, csv_plan: tuple[Path, Path], lang: str, capsys
) -> None:
    """Decided: exit 2 (the command cannot run as asked), like an unknown --kind; nothing is
    added, since a mistyped date would otherwise add a second value instead of correcting one."""
    plan, csv = csv_plan
    for target, written in ((inline, inline), (plan, csv)):
        before = written.read_bytes()
        code, out, err = _nytta(lang, ["record", str(target), "dagar", "26", "--date", "2026-10-31", "--replace"], capsys)
        assert (code, out, err) == (2, "", NOTHING_TO_REPLACE[lang].format(file=written.as_posix()))
        assert written.read_bytes() == before


CONFLICT = {
    "en": "nytta: refused: 'dagar' already has an actual measurement dated {date} ({old}); this one is 26; "
    "the existing value is at {where} — to replace it, add --replace [duplicate-measurement]\n"
    "nytta: nothing was written to {file}\n",
    "sv": "nytta: avvisades: 'dagar' har redan ett utfall daterat {date} ({old}); det här är 26; "
    "det befintliga värdet står på {where} — lägg till --replace för att ersätta det [duplicate-measurement]\n"
    "nytta: inget skrevs till {file}\n",
}


@pytest.mark.parametrize("lang", LANGS)
def test_a_conflicting_value_names_replace_and_where_the_existing_one_is(
    inline: Path, csv_plan: tuple[Path, Path], lang: str, capsys
) -> None:
    code, out, err = _nytta(lang, ["record", str(inline), "dagar", "26", "--date", "2026-09-30"], capsys)
    where = f"{inline.as_posix()}:54"
    assert (code, out, err) == (1, "", CONFLICT[lang].format(date="2026-09-30", old="25", where=where, file=inline.as_posix()))
    plan, csv = csv_plan
    code, out, err = _nytta(lang, ["record", str(plan), "dagar", "26", "--date", "2026-06-30"], capsys)
    expected = CONFLICT[lang].format(date="2026-06-30", old="30.5", where=f"{csv.as_posix()}:2", file=csv.as_posix())
    assert (code, out, err) == (1, "", expected)


def test_import_replace_corrects_rows_and_says_old_and_new(csv_plan: tuple[Path, Path], tmp_path: Path, capsys) -> None:
    plan, csv = csv_plan
    rows = tmp_path / "rättelse.csv"
    rows.write_text("indikator;datum;värde\ndagar;2026-06-30;29\ndagar;2026-09-30;25\n", encoding="utf-8")
    before = csv.read_bytes()
    code, _, err = run_cli(["import", str(plan), str(rows)], capsys)
    assert code == 1 and csv.read_bytes() == before
    assert f"the existing value is at {csv.as_posix()}:2 — to replace it, add --replace" in err
    code, out, err = run_cli(["--lang", "sv", "import", str(plan), str(rows), "--replace"], capsys)
    assert (code, err) == (0, "")
    assert out == (
        f"ersatt: {rows.as_posix()}:2: dagar 2026-06-30: 30,5 → 29\n"
        "Ersatte 1 mätning i matningar.csv.\nLade till 1 mätning i matningar.csv.\n"
    )
    assert csv.read_bytes() == SWEDISH_CSV.replace("30,5;", "29;").encode() + b"dagar;2026-09-30;25;;\r\n"


def test_a_failed_replace_leaves_the_file_byte_for_byte(inline: Path, capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    import nytta.write.atomic as atomic

    def crash(*_: object) -> None:
        raise OSError("disk gone")

    before = inline.read_bytes()
    monkeypatch.setattr(atomic.os, "replace", crash)
    code, _, err = run_cli(["record", str(inline), "dagar", "26", "--date", "2026-09-30", "--replace"], capsys)
    assert (code, err) == (2, f"nytta: error: cannot write {inline}: disk gone; the file is unchanged\n")
    assert inline.read_bytes() == before
    assert [p.name for p in inline.parent.iterdir()] == ["plan.yaml"]


def test_replacing_a_value_with_itself_writes_nothing_and_says_so(inline: Path, capsys) -> None:
    before = inline.read_bytes()
    code, out, _ = run_cli(["record", str(inline), "dagar", "25", "--date", "2026-09-30", "--replace"], capsys)
    assert (code, out) == (0, "dagar = 25 (2026-09-30) is already in plan.yaml; nothing was written.\n")
    assert inline.read_bytes() == before


# -- dates -----------------------------------------------------------------------------------

IMPOSSIBLE = {
    "en": "nytta: error: --date '2025-02-30' is not a date: February 2025 has 28 days\n",
    "sv": "nytta: fel: --date '2025-02-30' är inget datum: februari 2025 har 28 dagar\n",
}


@pytest.mark.parametrize("lang", LANGS)
def test_record_date_that_does_not_exist_says_why(inline: Path, lang: str, capsys) -> None:
    before = inline.read_bytes()
    assert _nytta(lang, ["record", str(inline), "dagar", "26", "--date", "2025-02-30"], capsys) == (2, "", IMPOSSIBLE[lang])
    month = {"en": "month 13 does not exist", "sv": "månad 13 finns inte"}[lang]
    assert month in _nytta(lang, ["record", str(inline), "dagar", "26", "--date", "2025-13-01"], capsys)[2]
    assert inline.read_bytes() == before


def _today(monkeypatch: pytest.MonkeyPatch, day: _dt.date) -> None:
    """Make ``record`` believe today is ``day``."""

    class Today(_dt.date):
        @classmethod
        def today(cls) -> _dt.date:
            return day

    import nytta.app.record as record

    monkeypatch.setattr(record, "_dt", types.SimpleNamespace(date=Today, timedelta=_dt.timedelta))


DATED_TODAY = {
    "en": "nytta: note: dated today, 2026-11-15, though the other measurements of 'dagar' are dated at month ends; "
    "if it belongs to 2026-10-31, change the date at {where} (next time, give --date 2026-10-31)\n",
    "sv": "nytta: obs: daterad i dag, 2026-11-15, fast de andra mätningarna av 'dagar' är daterade den sista i månaden; "
    "hör den till 2026-10-31, ändra datumet på {where} (ange --date 2026-10-31 nästa gång)\n",
}


@pytest.mark.parametrize("lang", LANGS)
def test_without_a_date_in_a_month_end_series_say_which_date_and_how_to_give_another(
    inline: Path, lang: str, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    _today(monkeypatch, _dt.date(2026, 11, 15))
    code, out, err = _nytta(lang, ["record", str(inline), "dagar", "22"], capsys)
    recorded = {
        "en": "Recorded dagar = 22 (2026-11-15) in plan.yaml.\n",
        "sv": "Registrerade dagar = 22 (2026-11-15) i plan.yaml.\n",
    }
    assert (code, out) == (0, recorded[lang])
    assert err == DATED_TODAY[lang].format(where=f"{inline.as_posix()}:55")
    assert inline.read_text(encoding="utf-8").splitlines()[54] == "          - {date: 2026-11-15, value: 22}"


def test_the_dry_run_says_how_to_give_the_month_end(inline: Path, capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    _today(monkeypatch, _dt.date(2026, 11, 15))
    code, _, err = run_cli(["record", str(inline), "dagar", "22", "--dry-run"], capsys)
    assert code == 0 and err == (
        "nytta: note: dated today, 2026-11-15, though the other measurements of 'dagar' are dated at month ends; "
        "for the end of last month, give --date 2026-10-31\n"
    )


@pytest.mark.parametrize(
    ("today", "argv"),
    [
        (_dt.date(2026, 11, 30), []),  # today is a month end
        (_dt.date(2026, 11, 15), ["--date", "2026-11-15"]),  # the date was given
    ],
)
def test_no_word_on_the_date_when_it_fits_or_was_given(
    inline: Path, today: _dt.date, argv: list[str], capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    _today(monkeypatch, today)
    code, _, err = run_cli(["record", str(inline), "dagar", "22", *argv], capsys)
    assert (code, err) == (0, "")


def test_no_word_on_the_date_in_a_series_not_at_month_ends(inline: Path, capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    run_cli(["record", str(inline), "dagar", "23", "--date", "2026-10-15"], capsys)
    _today(monkeypatch, _dt.date(2026, 11, 15))
    code, _, err = run_cli(["record", str(inline), "dagar", "22"], capsys)
    assert (code, err) == (0, "")


# -- which file import names -------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_import_names_the_measurements_file_written_or_not(
    csv_plan: tuple[Path, Path], tmp_path: Path, lang: str, capsys
) -> None:
    plan, csv = csv_plan
    rows = tmp_path / "rader.csv"
    rows.write_text("indikator;datum;värde\ndagar;2026-06-30;30,5\n", encoding="utf-8")
    code, out, _ = _nytta(lang, ["import", str(plan), str(rows)], capsys)
    present = {
        "en": "Added 0 measurements to matningar.csv; 1 already present (skipped).\n",
        "sv": "Lade till 0 mätningar i matningar.csv; 1 fanns redan (hoppades över).\n",
    }
    assert (code, out) == (0, present[lang])
    rows.write_text("indikator;datum;värde\ndagr;2026-09-30;25\n", encoding="utf-8")
    code, _, err = _nytta(lang, ["import", str(plan), str(rows)], capsys)
    nothing = {"en": "nytta: nothing was written to {file}\n", "sv": "nytta: inget skrevs till {file}\n"}
    assert code == 1 and err.endswith(nothing[lang].format(file=csv.as_posix()))
    rows.write_text("indikator;datum;värde\ndagar;2026-02-30;25\n", encoding="utf-8")  # refused before the plan is read
    code, _, err = _nytta(lang, ["import", str(plan), str(rows)], capsys)
    assert code == 1 and err.endswith(nothing[lang].format(file=csv.as_posix()))


def test_record_into_a_csv_with_swedish_column_names_fills_each_column(csv_plan: tuple[Path, Path], capsys) -> None:
    plan, csv = csv_plan
    code, out, _ = run_cli(["record", str(plan), "dagar", "25.5", "--date", "2026-09-30", "--source", "Ärendesystemet"], capsys)
    assert (code, out) == (0, "Recorded dagar = 25.5 (2026-09-30) in matningar.csv.\n")
    assert csv.read_bytes() == (SWEDISH_CSV + "dagar;2026-09-30;25,5;Ärendesystemet;\r\n").encode()


# -- init ------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_init_creates_missing_folders(tmp_path: Path, lang: str, capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = _nytta(lang, ["init", "ny/mapp/plan.yaml"], capsys)
    wrote = {
        "en": "Wrote ny/mapp/plan.yaml (phase identify). Replace the placeholders, then run: nytta check ny/mapp/plan.yaml\n",
        "sv": "Skrev ny/mapp/plan.yaml (fas identify). Ersätt platshållarna och kör sedan: nytta check ny/mapp/plan.yaml\n",
    }
    assert (code, out, err) == (0, wrote[lang], "")
    assert (tmp_path / "ny" / "mapp" / "plan.yaml").is_file()


@pytest.mark.parametrize("lang", LANGS)
def test_init_under_a_file_says_what_is_in_the_way_and_leaves_nothing(
    tmp_path: Path, lang: str, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ny").mkdir()
    (tmp_path / "ny" / "mapp").write_text("", encoding="utf-8")
    code, out, err = _nytta(lang, ["init", "ny/mapp/under/plan.yaml"], capsys)
    said = {
        "en": "nytta: error: cannot create the folder ny/mapp: a file of that name is in the way\n",
        "sv": "nytta: fel: kan inte skapa mappen ny/mapp: det finns redan en fil med det namnet\n",
    }
    assert (code, out, err) == (2, "", said[lang])
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")) == ["ny", "ny/mapp"]


def test_a_failed_init_removes_the_folders_it_created(tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    import nytta.write.atomic as atomic

    def crash(*_: object) -> None:
        raise OSError("disk gone")

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(atomic.os, "replace", crash)
    code, _, err = run_cli(["init", "ny/mapp/plan.yaml"], capsys)
    assert (code, err) == (2, "nytta: error: cannot write ny/mapp/plan.yaml: disk gone\n")
    assert list(tmp_path.iterdir()) == []


# -- help ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("command", "words"),
    [
        ("record", ["Lägg till en mätning i en plan", "Rätta ett värde: ersätt mätningen", "Mätningens datum"]),
        ("import", ["Lägg till alla mätningar i en CSV-fil", "indikator;datum;värde"]),
        ("init", ["Skriv en ny nyttoplan", "Mappar som saknas skapas."]),
    ],
)
def test_the_help_of_the_writing_commands_is_in_swedish(command: str, words: list[str], capsys) -> None:
    code, out, _ = run_cli(["--lang", "sv", command, "--help"], capsys)
    flat = " ".join(out.replace("│", " ").split())
    assert code == 0 and all(" ".join(w.split()) in flat for w in words), out


# -- a forecast needs somewhere to say so ----------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_a_forecast_into_a_csv_without_a_kind_column_is_refused_and_writes_nothing(
    csv_plan: tuple[Path, Path], lang: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Written as a plain row, the forecast would be read back as an actual measurement."""
    plan, csv = csv_plan
    before = csv.read_bytes()
    code, _out, err = _nytta(lang, ["record", str(plan), "dagar", "20", "--date", "2026-12-31", "--kind", "forecast"], capsys)
    assert code == 1
    assert csv.read_bytes() == before
    assert {
        "en": "matningar.csv has no column 'kind' (typ), so a forecast written there would be read as an actual measurement",
        "sv": "matningar.csv har ingen kolumn 'kind' (typ), så en prognos som skrevs där skulle läsas som ett utfall",
    }[lang] in " ".join(err.split())
