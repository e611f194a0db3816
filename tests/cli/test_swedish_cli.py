"""The command line in Swedish: which language is spoken, ``--help`` of every command, the
option parser's complaints and the one-line errors, and the language of reports and the
register under the global ``--lang``.

Owns the Swedish side of ``nytta.cli`` (help texts, parser words, stderr lines); the
precedence of ``nytta.i18n.choose`` itself is tested in ``tests/test_catalogue.py``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import PLANS, run_cli
from nytta.cli import COMMANDS

LOCALE = ("NYTTA_LANG", "LC_ALL", "LC_MESSAGES", "LANG")
PLAN = PLANS / "digitala-vardbesok.yaml"  # a Swedish plan (language: sv)


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty working folder at the top of a repository (no nytta.toml above it is found),
    with no language in the environment."""
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    for name in LOCALE:
        monkeypatch.delenv(name, raising=False)
    return tmp_path


def _spoken(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    code, out, err = run_cli([*argv, "--help"], capsys)
    assert (code, err) == (0, ""), err
    return {"Usage": "en", "Användning": "sv"}[out.split(":", 1)[0]]


# (a) Which language: --lang, NYTTA_LANG, lang in nytta.toml (found or --config), the locale, English.

CHOICES = [
    # --lang before everything
    (["--lang", "sv"], {"NYTTA_LANG": "en", "LANG": "C.UTF-8"}, "en", "sv"),
    (["--lang", "en"], {"NYTTA_LANG": "sv", "LC_ALL": "sv_SE.UTF-8"}, "sv", "en"),
    # NYTTA_LANG before nytta.toml and the locale
    ([], {"NYTTA_LANG": "sv", "LANG": "C.UTF-8"}, "en", "sv"),
    ([], {"NYTTA_LANG": "en", "LANG": "sv_SE.UTF-8"}, "sv", "en"),
    # lang in nytta.toml before the locale
    ([], {"LC_ALL": "C.UTF-8"}, "sv", "sv"),
    ([], {"LANG": "sv_SE.UTF-8"}, "en", "en"),
    # the locale: the first of LC_ALL, LC_MESSAGES, LANG that is set decides
    ([], {"LC_ALL": "sv_SE.UTF-8", "LANG": "C.UTF-8"}, None, "sv"),
    ([], {"LC_ALL": "C.UTF-8", "LC_MESSAGES": "sv_SE.UTF-8", "LANG": "sv_SE.UTF-8"}, None, "en"),
    ([], {"LC_MESSAGES": "sv_SE.UTF-8", "LANG": "C.UTF-8"}, None, "sv"),
    ([], {"LC_MESSAGES": "C.UTF-8", "LANG": "sv_SE.UTF-8"}, None, "en"),
    ([], {"LANG": "sv_SE.UTF-8"}, None, "sv"),
    ([], {"LANG": "sv_FI.UTF-8"}, None, "sv"),
    ([], {"LANG": "C.UTF-8"}, None, "en"),
    ([], {"LANG": "en_GB.UTF-8"}, None, "en"),
    # else English
    ([], {}, None, "en"),
]


@pytest.mark.parametrize(("argv", "environ", "configured", "expected"), CHOICES)
def test_the_language_is_the_option_then_nytta_lang_then_nytta_toml_then_the_locale(
    folder: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    environ: dict[str, str],
    configured: str | None,
    expected: str,
) -> None:
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    if configured:
        (folder / "nytta.toml").write_text(f'lang = "{configured}"\n', encoding="utf-8")
    assert _spoken([*argv, "status"], capsys) == expected


def test_nytta_toml_is_found_in_a_parent_folder(folder: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    (folder / "nytta.toml").write_text('lang = "sv"\n', encoding="utf-8")
    (folder / "plans" / "2026").mkdir(parents=True)
    monkeypatch.chdir(folder / "plans" / "2026")
    assert _spoken(["status"], capsys) == "sv"


@pytest.mark.parametrize(("found", "given", "expected"), [(None, "sv", "sv"), ("en", "sv", "sv"), ("sv", "en", "en")])
def test_config_names_the_nytta_toml_whose_lang_is_spoken(
    folder: Path, capsys: pytest.CaptureFixture[str], found: str | None, given: str, expected: str
) -> None:
    if found:
        (folder / "nytta.toml").write_text(f'lang = "{found}"\n', encoding="utf-8")
    (folder / "other.toml").write_text(f'lang = "{given}"\n', encoding="utf-8")
    assert _spoken(["status", "--config", "other.toml"], capsys) == expected
    assert _spoken(["status", "--config=other.toml"], capsys) == expected


def test_a_nytta_toml_without_lang_leaves_it_to_the_locale(folder: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    (folder / "nytta.toml").write_text('[rules]\nmissing-owner = "warning"\n', encoding="utf-8")
    monkeypatch.setenv("LANG", "sv_SE.UTF-8")
    assert _spoken(["status"], capsys) == "sv"


INVALID = [
    (["--lang", "de"], {}, None, "nytta: error: --lang 'de' is not one of sv, en"),
    (["--lang", "de"], {"LANG": "sv_SE.UTF-8"}, None, "nytta: fel: --lang 'de' är inte något av sv, en"),
    (["--lang=de"], {"NYTTA_LANG": "sv"}, None, "nytta: error: --lang 'de' is not one of sv, en"),
    ([], {"NYTTA_LANG": "de"}, None, "nytta: error: NYTTA_LANG 'de' is not one of sv, en"),
    ([], {"NYTTA_LANG": "de", "LC_ALL": "sv_SE.UTF-8"}, None, "nytta: fel: NYTTA_LANG 'de' är inte något av sv, en"),
    ([], {}, "de", """nytta: error: {toml}: lang must be "sv" or "en", not 'de'"""),
    ([], {"LANG": "sv_SE.UTF-8"}, "de", """nytta: fel: {toml}: lang ska vara "sv" eller "en", inte 'de'"""),
]


@pytest.mark.parametrize(("argv", "environ", "configured", "expected"), INVALID)
def test_an_unknown_language_is_one_line_and_exit_2_in_the_locales_language(
    folder: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    environ: dict[str, str],
    configured: str | None,
    expected: str,
) -> None:
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    if configured:
        (folder / "nytta.toml").write_text(f'lang = "{configured}"\n', encoding="utf-8")
    code, out, err = run_cli([*argv, "status", "--help"], capsys)
    assert (code, out, err) == (2, "", expected.format(toml=Path.cwd() / "nytta.toml") + "\n")


def test_a_valid_lang_option_overrides_an_invalid_nytta_lang_or_nytta_toml(
    folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("NYTTA_LANG", "de")
    (folder / "nytta.toml").write_text('lang = "de"\n', encoding="utf-8")
    assert _spoken(["--lang", "sv", "status"], capsys) == "sv"


# (b) --help of every command in Swedish.

HEADINGS = {"Usage": "Användning", "Options": "Flaggor", "Arguments": "Argument", "Commands": "Kommandon"}
_EXTRAS = re.compile(r"\s*\[(?:default: .*|standard: .*|required|krävs)\]$")


def _help(lang: str, command: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    code, out, err = run_cli(["--lang", lang, *command, "--help"], capsys)
    assert (code, err) == (0, ""), err
    return out


def _entries(text: str) -> dict[tuple[int, str], str]:
    """The help's texts by (section, term): the description is ``(0, "")``, each option,
    argument or command is its names and metavar; continuation lines joined, the trailing
    ``[default: …]`` or ``[required]`` left out."""
    entries: dict[tuple[int, str], str] = {}
    section, key = 0, (0, "")
    for line in text.splitlines()[1:]:  # the usage line is compared on its own
        if not line.strip():
            continue
        if not line.startswith(" "):  # a heading
            section, key = section + 1, (section + 1, "")
            continue
        if section and re.match(r"  \S", line):
            term, *text = re.split(r"\s{2,}", line.strip(), maxsplit=1)
            key = (section, term)
            entries[key] = " ".join(text)
        else:
            entries[key] = (entries.get(key, "") + " " + line.strip()).strip()
    return {key: _EXTRAS.sub("", " ".join(value.split())) for key, value in entries.items()}


@pytest.mark.parametrize("command", [[], *[[name] for name in COMMANDS]], ids=lambda c: " ".join(c) or "nytta")
def test_every_help_text_is_swedish(command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    english, swedish = _help("en", command, capsys), _help("sv", command, capsys)
    english_entries, swedish_entries = _entries(english), _entries(swedish)
    assert english_entries.keys() == swedish_entries.keys()  # the same options, arguments and commands
    left = {key[1] or "(description)": text for key, text in swedish_entries.items() if text == english_entries[key]}
    assert not left, f"still in English in nytta {' '.join(command)} --help: {left}"


@pytest.mark.parametrize("command", [[], *[[name] for name in COMMANDS]], ids=lambda c: " ".join(c) or "nytta")
def test_help_headings_are_swedish(command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    english, swedish = _help("en", command, capsys), _help("sv", command, capsys)
    english_headings = [line[:-1] for line in english.splitlines() if line.endswith(":") and not line.startswith(" ")]
    swedish_headings = [line[:-1] for line in swedish.splitlines() if line.endswith(":") and not line.startswith(" ")]
    assert swedish_headings == [HEADINGS[heading] for heading in english_headings]
    usage = swedish.splitlines()[0]
    assert usage.startswith(f"Användning: nytta {' '.join(command)}".rstrip() + " [FLAGGOR]")
    assert "OPTIONS" not in swedish and "Show this message" not in swedish
    assert ("KOMMANDO [ARGUMENT]..." in usage) == (command == [])


def test_the_root_help_in_swedish(capsys: pytest.CaptureFixture[str]) -> None:
    swedish = _help("sv", [], capsys)
    assert swedish.startswith(
        "Användning: nytta [FLAGGOR] KOMMANDO [ARGUMENT]...\n\n"
        "  Nyttorealisering med nyttoplaner i YAML: kontrollera, följ upp, beräkna och\n  rapportera.\n\nFlaggor:\n"
    )
    assert "  --help        Visa den här hjälpen och avsluta.\n" in swedish


def test_defaults_and_required_are_said_in_swedish(capsys: pytest.CaptureFixture[str]) -> None:
    status = _help("sv", ["status"], capsys)
    assert "[standard: text]" in status and "[krävs]" in status
    assert "[default" not in status and "[required]" not in status


def test_help_follows_the_locale(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("LANG", "sv_SE.UTF-8")
    code, out, _ = run_cli(["calc", "--help"], capsys)
    assert code == 0
    assert "  --rate <str>         Kalkylränta för en känslighetsanalys, t.ex. 0,05.\n" in out


def test_nytta_alone_shows_its_help_in_swedish_on_stderr(monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    monkeypatch.setenv("LANG", "sv_SE.UTF-8")
    code, out, err = run_cli([], capsys)
    assert (code, out) == (2, "")
    assert err.startswith("Användning: nytta [FLAGGOR] KOMMANDO [ARGUMENT]...\n\n")
    assert "\nKommandon:\n  check    Kontrollera nyttoplaner" in err


# (c) The option parser's complaints and the one-line errors, in Swedish.

REFUSED = [
    (["check", "p.yaml", "--strikt"], "flaggan --strikt finns inte; menade du --strict?"),
    ([], "kommando saknas (se nytta --help)"),
    (["check", "p.yaml", "--xyz"], "flaggan --xyz finns inte"),
    (["status"], "argumentet 'paths' saknas"),
    (["calc"], "argumentet 'plan' saknas"),
    (["chek", "p.yaml"], "kommandot 'chek' finns inte; menade du 'check', 'schema'?"),
    (["xyzzy"], "kommandot 'xyzzy' finns inte"),
    (["calc", "p.yaml", "extra"], "ett argument för mycket: extra"),
    (["check", "p.yaml", "--format"], "flaggan '--format' behöver ett värde"),
    (["check", "p.yaml", "--strict=ja"], "flaggan '--strict' tar inget värde"),
    (["status", "p.yaml", "-f", "x"], "--format 'x' är inte något av text, json, csv"),
    (["status", "p.yaml", "--as-of", "2026-13-01"], "--as-of '2026-13-01' är inte ett datum skrivet ÅÅÅÅ-MM-DD"),
    (["calc", "p.yaml", "--rate", "tre"], "--rate 'tre' är inte ett tal (skriv 3 % som 0,03)"),
    (["calc", "p.yaml", "--rate", "2"], "--rate 2 ligger utanför 0–1 (skriv 3 % som 0,03)"),
    (["calc", "."], ". är en mapp; ange en planfil"),
    (["calc", "nope.yaml"], "filen finns inte: nope.yaml"),
    (["report", "p.yaml", "--templates", "nope"], "mappen med mallar finns inte: nope"),
    (["export", "p.yaml", "-f", "xlsx"], "--format xlsx skriver en binär fil: ange --output FIL.xlsx"),
    (["diff", "p.yaml"], "ange antingen två planfiler, eller en planfil och --rev GITVERSION"),
    (["status", "p.yaml", "--config", "nope.toml"], "konfigurationsfilen finns inte: nope.toml"),
    (["check", "p.yaml", "--select", "nope"], "--select: okänd regel 'nope'"),
    (["status", "p.yaml", "-o", "p.yaml"], "--output p.yaml skulle skriva över p.yaml, som kommandot läser; inget skrevs"),
]


@pytest.mark.parametrize(("argv", "message"), REFUSED, ids=[" ".join(argv) for argv, _ in REFUSED])
def test_usage_errors_are_one_swedish_line_and_exit_2(
    folder: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    (folder / "p.yaml").write_text("nytta: 1\n", encoding="utf-8")
    code, out, err = run_cli(["--lang", "sv", *argv], capsys)
    assert (code, out, err) == (2, "", f"nytta: fel: {message}\n")


ENGLISH = [
    (["chek", "p.yaml"], "no such command 'chek'; did you mean 'check', 'schema'?"),
    (["--lang", "en"], "missing command (see nytta --help)"),
    (["calc", "p.yaml", "extra"], "unexpected extra argument: extra"),
    (["check", "p.yaml", "--format"], "Option '--format' requires an argument."),
    (["check", "p.yaml", "--strict=yes"], "Option '--strict' does not take a value."),
    (["calc", "."], ". is a folder; name a plan file"),
]


@pytest.mark.parametrize(("argv", "message"), ENGLISH, ids=[" ".join(argv) for argv, _ in ENGLISH])
def test_the_same_errors_in_english(folder: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str) -> None:
    (folder / "p.yaml").write_text("nytta: 1\n", encoding="utf-8")
    code, out, err = run_cli(argv, capsys)
    assert (code, out, err) == (2, "", f"nytta: error: {message}\n")


def test_a_bad_nytta_toml_is_said_in_swedish(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (folder / "nytta.toml").write_text("[thresholds]\non_track = 5\n", encoding="utf-8")
    code, out, err = run_cli(["--lang", "sv", "status", str(PLAN)], capsys)
    toml = Path.cwd() / "nytta.toml"
    assert (code, out, err) == (2, "", f"nytta: fel: {toml}: [thresholds] on_track ska vara ett tal som 0.9, inte 5\n")


def test_rules_and_explain_say_severity_and_examples_in_swedish(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(["--lang", "sv", "rules"], capsys)
    assert code == 0
    assert re.search(r"^missing-owner +fel +", out, flags=re.MULTILINE)
    assert re.search(r"^\S+ +fel \(varning före fasen \w+\) +", out, flags=re.MULTILINE)
    assert re.search(r"^\S+ +varning +", out, flags=re.MULTILINE)
    code, out, _ = run_cli(["--lang", "sv", "explain", "missing-owner"], capsys)
    assert code == 0
    assert out.startswith("missing-owner (fel)\n\n")
    assert "\nGodkänns:\n\n" in out and "\nUnderkänns (på raden markerad # <-):\n\n" in out


# The report's language: its own --lang, else the global --lang, else the plan's; never the locale.


def _report(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    code, out, err = run_cli([*argv, "-f", "md", "--as-of", "2026-11-27"], capsys)
    assert (code, err) == (0, ""), err
    return out


def _english_plan(folder: Path) -> Path:
    plan = folder / "english.yaml"
    plan.write_text(PLAN.read_text(encoding="utf-8").replace("  language: sv\n", "  language: en\n"), encoding="utf-8")
    return plan


REPORTS = [
    (["report", "{sv}"], {}, "sv"),
    (["report", "{en}"], {}, "en"),
    (["--lang", "en", "report", "{sv}"], {}, "en"),
    (["report", "--lang", "en", "{sv}"], {}, "en"),
    (["--lang", "sv", "report", "{en}"], {}, "sv"),
    (["--lang", "sv", "report", "--lang", "en", "{sv}"], {}, "en"),
    (["report", "{sv}"], {"NYTTA_LANG": "en"}, "sv"),
    (["report", "{en}"], {"LANG": "sv_SE.UTF-8"}, "en"),
]


@pytest.mark.parametrize(("argv", "environ", "expected"), REPORTS, ids=[" ".join(a) + str(e) for a, e, _ in REPORTS])
def test_a_report_is_in_its_lang_else_the_global_lang_else_the_plans_language(
    folder: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    environ: dict[str, str],
    expected: str,
) -> None:
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    plans = {"sv": str(PLAN), "en": str(_english_plan(folder))}
    out = _report([arg.format(**plans) for arg in argv], capsys)
    heading = out.splitlines()[2]
    assert heading.startswith("Benefits realisation report" if expected == "en" else "Nyttorealiseringsrapport"), heading


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["export", str(PLAN)], "sv"),
        (["--lang", "en", "export", str(PLAN)], "en"),
        (["export", "--lang", "en", str(PLAN)], "en"),
        (["--lang", "en", "export", "--lang", "sv", str(PLAN)], "sv"),
    ],
)
def test_the_register_follows_the_global_lang_too(capsys: pytest.CaptureFixture[str], argv: list[str], expected: str) -> None:
    code, out, err = run_cli([*argv, "-f", "csv", "--as-of", "2026-11-27"], capsys)
    assert (code, err) == (0, "")
    header = out.lstrip("\ufeff").splitlines()[0]
    assert ("Benefit owner" in header, "Nyttoägare" in header) == (expected == "en", expected == "sv")
