"""Revised targets in the reports: found in the plan's words, shown beside the original, on the
chart and in the change log; and a dis-benefit in plain words.

The golden files are ``tests/data/report/sankt-malvarde.{sv,en}.md``: the spec example with
its final target for handläggningstid lowered from 21 to 30 days by a revision, which makes
the benefit "Uppnådd". Set NYTTA_UPDATE_GOLDEN=1 to rewrite them, then review the diff.
"""

from __future__ import annotations

import datetime as _dt
import os
import re
from pathlib import Path

import pytest

from conftest import ROOT, SPEC_DIR, run_cli
from nytta.load.plan import load_plan
from nytta.model.plan import Plan
from nytta.render.report.revisions import target_changes

DATA = Path(__file__).resolve().parents[1] / "data" / "report"
REVISED = DATA / "sankt-malvarde.yaml"
AS_OF = "2026-11-27"


def _report(capsys: pytest.CaptureFixture[str], plan: Path, *argv: str) -> str:
    code, out, err = run_cli(["report", str(plan), "--as-of", AS_OF, *argv], capsys)
    assert code == 0, err
    return out


def _plan(text: str, tmp_path: Path) -> Plan:
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    doc = load_plan(path, "plan.yaml")
    assert doc is not None and doc.plan is not None, doc and doc.diagnostics
    return doc.plan


def _spec_with(tmp_path: Path, changes: str, note: str = "") -> Plan:
    """The spec example with one revision whose `changes` is given (and a note on its final target)."""
    text = (SPEC_DIR / "bygglov-e-tjanst.yaml").read_text(encoding="utf-8")
    text = text.replace("measurements_file: bygglov-e-tjanst.measurements.csv", "")
    if note:
        text = text.replace("- {date: 2026-12-31, value: 21}", f"- {{date: 2026-12-31, value: 21, note: '{note}'}}")
    text += f"\nrevisions:\n  - {{date: 2026-03-15, by: karin, reason: Fler ärenden, changes: '{changes}'}}\n"
    return _plan(text, tmp_path)


# The golden report ------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_revised_plan_matches_the_golden_markdown(lang: str, capsys: pytest.CaptureFixture[str]) -> None:
    text = _report(capsys, REVISED, "-f", "md", "--lang", lang)
    golden = DATA / f"sankt-malvarde.{lang}.md"
    if os.environ.get("NYTTA_UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


def test_markdown_shows_original_and_revised_target_and_the_change_log(capsys: pytest.CaptureFixture[str]) -> None:
    text = _report(capsys, REVISED, "-f", "md", "--lang", "sv")
    assert "- Målvärde 2026-12-31: 30 days, reviderat 2026-03-15; ursprungligt målvärde 21 days\n" in text
    assert (
        "> **Målvärdet till 2026-12-31 sänktes 2026-03-15 från 21 till 30 days. "
        "Status beräknas mot det reviderade målvärdet.**" in text
    )
    assert "> **Sänkta målvärden: Median handläggningstid 2026-12-31, 21 → 30 days." in text
    log = text.split("## Ändringslogg", 1)[1].split("## Datakvalitet", 1)[0]
    assert (
        "| 2026-03-15 | Karin Berg | Fler ansökningar än väntat sedan de nya detaljplanerna antogs. | "
        "Målvärdet för handlaggningstid 2026-12-31 sänkt från 21 till 30 dagar. |" in log
    )
    assert "| Median handläggningstid | 2026-12-31 | 21 days | 30 days (sänkt) | 2026-03-15 |" in log
    assert "| Ursprungligt målvärde | 2026-12-31 | 21 |" in text.split("## Bilaga: mätvärden", 1)[1]


def test_html_shows_the_same_and_draws_the_original_target_dashed(capsys: pytest.CaptureFixture[str]) -> None:
    html = _report(capsys, REVISED, "--lang", "en")
    assert (
        '<dt>Target <span class="nowrap">2026-12-31</span></dt>'
        '<dd>30 days, revised <span class="nowrap">2026-03-15</span>; original target 21 days</dd>' in html
    )
    assert "Status is computed against the revised target." in html
    assert 'id="andringslogg"' in html and "<td>Karin Berg</td>" in html
    assert re.search(r'<span class="nowrap">[^<]*</span>', html)
    assert '<td class="num">21 days</td><td class="num">30 days (lowered)</td>' in html
    chart = re.search(r'<svg[^>]*aria-labelledby="chart-handlaggningstid-title.*?</svg>', html, re.S)
    assert chart is not None
    svg = chart.group(0)
    dashed = re.findall(r'<path d="M[^"]*" fill="#ffffff" stroke="#a34e00" stroke-width="1.5" stroke-dasharray="3 3"/>', svg)
    assert len(dashed) == 2, "the original target, and its sample in the legend"
    assert re.search(r'<polyline points="[^"]*" [^>]*stroke-dasharray="3 3"', svg), "a dashed line from original to revised"
    assert ">Original target</text>" in svg


def test_a_plan_without_revisions_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    text = _report(capsys, SPEC_DIR / "bygglov-e-tjanst.yaml", "-f", "md", "--lang", "en")
    assert "## Change log\n\nThe plan records no revisions.\n" in text
    assert "Lowered targets" not in text and "original target" not in text


def test_the_portfolio_plan_with_a_revised_interim_target_shows_it(capsys: pytest.CaptureFixture[str]) -> None:
    text = _report(capsys, ROOT / "plans" / "automatiserad-arendehantering.yaml", "-f", "md", "--lang", "sv")
    assert "- Delmål 2026-06-30: 4\u00a0500 brev, reviderat 2026-04-15; ursprungligt målvärde 3\u00a0500 brev\n" in text
    assert "Målvärdet till 2026-06-30 sänktes 2026-04-15 från 3\u00a0500 till 4\u00a0500 brev." in text


# Finding revised targets ------------------------------------------------------------------------


def test_a_clause_naming_the_target_date_finds_the_target(tmp_path: Path) -> None:
    plan = _spec_with(tmp_path, "Målvärdet 2026-12-31 sänkt från 15 till 21 dagar.")
    (change,) = target_changes(plan)
    assert (change.indicator.id, change.target.date, change.original, change.current) == (
        "handlaggningstid",
        _dt.date(2026, 12, 31),
        15.0,
        21.0,
    )
    assert change.revision is not None and change.revision.date == _dt.date(2026, 3, 15)
    assert change.lowered


def test_a_clause_naming_the_indicator_finds_its_target(tmp_path: Path) -> None:
    (change,) = target_changes(_spec_with(tmp_path, "Höjd ambition; median handläggningstid ändrad från 25 till 21 dagar"))
    assert change.target.date == _dt.date(2026, 12, 31) and not change.lowered


def test_thousands_and_decimal_commas_are_read(tmp_path: Path) -> None:
    text = (SPEC_DIR / "bygglov-e-tjanst.yaml").read_text(encoding="utf-8").replace("value: 60}", "value: 1500.5}")
    text += "\nrevisions:\n  - {date: 2026-03-15, by: karin, changes: 'kompletteringstid: från 1 200,5 till 1 500,5'}\n"
    (change,) = target_changes(_plan(text, tmp_path))
    assert (change.indicator.id, change.original, change.current) == ("kompletteringstid", 1200.5, 1500.5)


@pytest.mark.parametrize(
    "changes",
    [
        "Målvärdet sänkt från 15 till 21 dagar.",  # names neither date nor indicator
        "Målvärdet 2026-06-30 sänkt från 15 till 21 dagar.",  # that target is 30, not 21
        "Risken höjd från låg till hög.",  # no numbers
        "handlaggningstid: från 21 till 21",  # no change
        "Budgeten ändrad från 2025 till 2026 för kompletteringstid.",  # no target has the value 2026
    ],
)
def test_a_clause_that_fits_no_single_target_changes_nothing(changes: str, tmp_path: Path) -> None:
    assert target_changes(_spec_with(tmp_path, changes)) == ()


def test_a_targets_note_gives_the_original_and_a_naming_revision_its_date(tmp_path: Path) -> None:
    plan = _spec_with(tmp_path, "Reviderad plan för handlaggningstid: från 15 till 21.", note="Justerat från 15")
    (change,) = target_changes(plan)
    assert change.original == 15.0 and change.revision is not None


def test_a_note_without_a_word_of_change_is_no_revision(tmp_path: Path) -> None:
    assert target_changes(_spec_with(tmp_path, "Inget om målen.", note="Jämfört med nivån från 2024")) == ()


def test_a_note_alone_gives_an_undated_revision(tmp_path: Path) -> None:
    plan = _spec_with(tmp_path, "Inget om målen.", note="Sänkt från 15 i april")
    (change,) = target_changes(plan)
    assert change.original == 15.0 and change.revision is None


# Dis-benefits in plain words --------------------------------------------------------------------


def test_a_disbenefit_reads_as_its_share_of_the_accepted_negative_effect(capsys: pytest.CaptureFixture[str]) -> None:
    text = _report(capsys, SPEC_DIR / "bygglov-e-tjanst.yaml", "-f", "md", "--lang", "sv")
    section = text.split("### Onytta: Ökad förvaltningstid för e-tjänsten", 1)[1].split("## Nyttokalkyl", 1)[0]
    assert (
        "**Risk för avvikelse** – 25 hours mot godtagna 20 per 2026-09-30: 125\u00a0% av den godtagna negativa "
        "effekten (enligt plan upp till 110\u00a0%, risk för avvikelse upp till 130\u00a0%)." in section
    )
    assert "- Andel av den godtagna negativa effekten: 125\u00a0%\n" in section
    assert "Måluppfyllelse" not in section and "måluppfyllelse" not in section and "Andel av målet" not in section


def test_a_disbenefit_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    text = _report(capsys, SPEC_DIR / "bygglov-e-tjanst.yaml", "-f", "md", "--lang", "en")
    section = text.split("### Dis-benefit: Ökad förvaltningstid för e-tjänsten", 1)[1].split("## Benefit calculation", 1)[0]
    assert (
        "**At risk** – 25 hours against the accepted 20 at 2026-09-30: 125% of the accepted negative effect "
        "(on track up to 110%, at risk up to 130%)." in section
    )
    assert "- Share of the accepted negative effect: 125%\n" in section
    assert "Achievement" not in section and "Share of target" not in section


def test_the_portfolio_states_a_disbenefit_the_same_way(capsys: pytest.CaptureFixture[str]) -> None:
    text = _report(capsys, ROOT / "plans", "-f", "md", "--lang", "sv")
    assert "| Fler begäranden om omprövning | Automatiserade beslut vid förnyelse av yrkesbevis | **Avviker** | " in text
    assert "Fler begäranden om omprövning: 160\u00a0% av den godtagna negativa effekten" in text


def test_dates_stay_on_one_line_and_the_text_stays_escaped() -> None:
    from nytta.render.report.environment import nobreak

    assert str(nobreak('<b>"2026-03-15"</b> & 2026-3-1')) == (
        '&lt;b&gt;&#34;<span class="nowrap">2026-03-15</span>&#34;&lt;/b&gt; &amp; 2026-3-1'
    )
