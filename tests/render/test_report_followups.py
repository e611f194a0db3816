"""Follow-ups and gaps in the plan report: the latest commentary first in the summary, the
open proposals under "Att ta ställning till" with the benefits to act on, overdue
measurements and a missing approval, the decision history, and the gaps of periodic
series under "Datakvalitet" — in Markdown (golden and exact lines) and HTML.

The golden files are ``tests/data/report/forskoleplats-uppfoljning.{sv,en}.md``: the
repository's preschool plan (two follow-ups, two open proposals, two decisions) with March
and April 2026 left out of its monthly series of registration hours. Set
NYTTA_UPDATE_GOLDEN=1 to rewrite them, then review the diff.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from conftest import ROOT, run_cli

DATA = Path(__file__).resolve().parents[1] / "data" / "report"
PLAN = ROOT / "plans" / "forskoleplats-e-tjanst.yaml"
CSV = ROOT / "plans" / "forskoleplats-e-tjanst.measurements.csv"
AS_OF = "2026-11-27"
LEFT_OUT = ("registreringstid;2026-03-31;", "registreringstid;2026-04-30;")


@pytest.fixture
def gappy(tmp_path: Path) -> Path:
    """The preschool plan with two months of one monthly series left out of its CSV."""
    plan = tmp_path / PLAN.name
    plan.write_bytes(PLAN.read_bytes())
    rows = CSV.read_bytes().decode("utf-8").splitlines(keepends=True)
    (tmp_path / CSV.name).write_bytes("".join(r for r in rows if not r.startswith(LEFT_OUT)).encode("utf-8"))
    return plan


def _report(capsys: pytest.CaptureFixture[str], plan: Path, *argv: str) -> str:
    code, out, err = run_cli(["report", str(plan), "--as-of", AS_OF, *argv], capsys)
    assert code == 0, err
    return out


def _section(text: str, heading: str, following: str) -> str:
    return text.split(heading, 1)[1].split(following, 1)[0]


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_followed_up_plan_matches_the_golden_markdown(lang: str, gappy: Path, capsys) -> None:
    text = _report(capsys, gappy, "-f", "md", "--lang", lang)
    golden = DATA / f"forskoleplats-uppfoljning.{lang}.md"
    if os.environ.get("NYTTA_UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


def test_markdown_starts_the_summary_with_the_latest_commentary(capsys) -> None:
    text = _report(capsys, PLAN, "-f", "md", "--lang", "sv")
    summary = _section(text, "## Sammanfattning för styrgruppen", "## Effektkedja")
    status, commentary = summary.split("### Kommentar från uppföljningen 2026-11-20\n\n", 1)
    assert status.strip().startswith("**Planens status: Risk för avvikelse**")
    assert commentary.startswith(
        "*Skriven av Elin Nyström*\n\n"
        "Registreringstiden var 52,5 timmar i oktober, i nivå med planen, och andelen platserbjudanden i god tid "
        "var 75 procent under tredje kvartalet. Samtalen till kontaktcenter har minskat till 286 i oktober men ligger "
        "36 samtal över den planerade nivån, och prognosen når inte målvärdet 230 i december.\n\n"
        "Många som ringer frågar om sin plats i kön utanför kontorstid, när de inte får svar. Köplatsen i kommunens "
        "chattbot skulle kunna ta de frågorna.\n\n"
    )
    assert summary.index("### Kommentar") < summary.index("Planerat värde hittills")


def test_markdown_lists_the_open_proposals_first_under_decisions_to_take(capsys) -> None:
    text = _report(capsys, PLAN, "-f", "md", "--lang", "sv")
    decide = _section(text, "### Att ta ställning till\n\n", "## Effektkedja")
    assert decide == (
        "- **Beslutsförslag (2026-11-20):** Visa köplatsen i kommunens chattbot från februari 2027, inom "
        "kontaktcenters budget.\n"
        "- **Beslutsförslag (2026-11-20):** Revidera målvärdet för samtal december 2026 från 230 till 260 och lägg "
        "till målvärdet 230 för december 2027.\n"
        "- **Färre samtal till kontaktcenter om förskolekö och placering:** riskerar att avvika från planen "
        "(79\u00a0% av den planerade förbättringen)\n\n"
    )
    english = _section(_report(capsys, PLAN, "-f", "md", "--lang", "en"), "### Decisions to take\n\n", "## Effect chain")
    assert english.splitlines()[0] == (
        "- **Proposal (2026-11-20):** Visa köplatsen i kommunens chattbot från februari 2027, inom kontaktcenters budget."
    )
    assert english.splitlines()[2] == (
        "- **Färre samtal till kontaktcenter om förskolekö och placering:** is at risk of deviating from the plan "
        "(79% of the planned improvement)"
    )


def test_decisions_to_take_adds_a_missed_target_an_overdue_measurement_and_a_missing_approval(tmp_path: Path, capsys) -> None:
    """Without the change owner's approval, with the calls' final target moved to September
    (measured in October and not met), three weeks after two monthly measurements were due."""
    text = PLAN.read_text(encoding="utf-8").replace("    - {by: maria, role: change_owner, date: 2025-02-20}\n", "")
    text = text.replace("- {date: 2026-12-31, value: 230}", "- {date: 2026-09-30, value: 230}")
    plan = tmp_path / PLAN.name
    plan.write_text(text, encoding="utf-8")
    (tmp_path / CSV.name).write_bytes(CSV.read_bytes())
    code, out, err = run_cli(["report", str(plan), "--as-of", "2026-12-20", "-f", "md", "--lang", "sv"], capsys)
    assert code == 0, err
    assert _section(out, "### Att ta ställning till\n\n", "## ").splitlines() == [
        "- **Beslutsförslag (2026-11-20):** Visa köplatsen i kommunens chattbot från februari 2027, inom kontaktcenters budget.",
        "- **Beslutsförslag (2026-11-20):** Revidera målvärdet för samtal december 2026 från 230 till 260 och lägg "
        "till målvärdet 230 för december 2027.",
        "- **Godkännande:** planen saknar förändringsägarens godkännande",
        "- **Färre samtal till kontaktcenter om förskolekö och placering:** målvärdet nåddes inte",
        "- **Handläggartimmar per månad för registrering och kompletteringar:** mätningen är försenad, skulle ha "
        "gjorts 2026-11-30",
        "- **Samtal per månad med ärendekategorin Förskola – kö och placering:** mätningen är försenad, skulle ha "
        "gjorts 2026-11-30",
        "",
    ]


def test_markdown_has_the_decision_history(capsys) -> None:
    text = _report(capsys, PLAN, "-f", "md", "--lang", "sv")
    history = _section(text, "## Beslutshistorik\n\n", "## Ändringslogg")
    assert history == (
        "| Datum | Beslut | Beslutat av | Beslutsförslag |\n"
        "|---|---|---|---|\n"
        "| 2026-06-15 | Kontaktcenter hänvisar till köplatsvyn i varje samtal om kön från och med juni 2026. | "
        "Styrgruppen | Kontaktcenter hänvisar till köplatsvyn i e-tjänsten i varje samtal om kön. |\n"
        "| 2026-09-08 | BVC och förskolorna informerar om e-tjänsten vid varje besök hösten 2026. | Maria Sundqvist | "
        "BVC och förskolorna informerar om e-tjänsten och köplatsvyn vid varje besök under hösten. |\n\n"
    )
    english = _section(_report(capsys, PLAN, "-f", "md", "--lang", "en"), "## Decision history\n\n", "## Change log")
    assert english.splitlines()[0] == "| Date | Decision | Decided by | Proposal |"


def test_as_of_an_earlier_date_the_report_knows_only_what_was_written_by_then(capsys) -> None:
    text = _report(capsys, PLAN, "-f", "md", "--lang", "sv", "--as-of", "2026-07-31")
    assert "### Kommentar från uppföljningen 2026-06-12" in text
    decide = _section(text, "### Att ta ställning till\n\n", "## Effektkedja")
    assert decide.splitlines()[0] == (
        "- **Beslutsförslag (2026-06-12):** BVC och förskolorna informerar om e-tjänsten och köplatsvyn vid varje "
        "besök under hösten."
    )
    history = _section(text, "## Beslutshistorik\n\n", "## Ändringslogg")
    assert "2026-06-15" in history and "2026-09-08" not in history


def test_markdown_lists_the_gaps_under_data_quality(gappy: Path, capsys) -> None:
    quality = _section(_report(capsys, gappy, "-f", "md", "--lang", "sv"), "## Datakvalitet\n\n", "## Bilaga")
    assert quality == (
        "nytta check: fel 0, varningar 1.\n\n"
        "| Nyttoindikator | Saknade perioder | Mellan mätningarna |\n"
        "|---|---|---|\n"
        "| Handläggartimmar per månad för registrering och kompletteringar | 2026-03 och 2026-04 | "
        "2026-02-28 och 2026-05-31 |\n\n"
    )
    english = _section(_report(capsys, gappy, "-f", "md", "--lang", "en"), "## Data quality\n\n", "## Appendix")
    assert english.splitlines()[4] == (
        "| Handläggartimmar per månad för registrering och kompletteringar | 2026-03 and 2026-04 | 2026-02-28 and 2026-05-31 |"
    )


def test_a_gap_the_configuration_turns_off_is_not_listed(gappy: Path, capsys) -> None:
    config = gappy.parent / "nytta.toml"
    config.write_text('[rules]\n"measurement-gap" = "off"\n', encoding="utf-8")
    quality = _section(
        _report(capsys, gappy, "-f", "md", "--lang", "sv", "--config", str(config)), "## Datakvalitet\n\n", "## Bilaga"
    )
    assert quality == "nytta check hittade inga fel eller varningar.\n\n"


def _text(html: str) -> str:
    """The HTML's text: tags gone, white space and the no-break spans of dates as one space."""
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_html_shows_commentary_proposals_history_and_gaps(gappy: Path, capsys) -> None:
    html = _report(capsys, gappy, "--lang", "sv")
    summary = html.split('<section id="sammanfattning"', 1)[1].split("</section>", 1)[0]
    commentary = summary.split('<div class="commentary">', 1)[1].split("</div>", 1)[0]
    assert _text(commentary).startswith(
        "Kommentar från uppföljningen 2026-11-20 Skriven av Elin Nyström Registreringstiden var 52,5 timmar i oktober"
    )
    assert commentary.count("<p>") == 2
    decide = summary.split('<ul class="decisions">', 1)[1].split("</ul>", 1)[0]
    assert _text(decide).startswith(
        "Beslutsförslag (2026-11-20): Visa köplatsen i kommunens chattbot från februari 2027, inom kontaktcenters budget."
    )
    assert decide.count("<li>") == 3
    history = html.split('<section id="beslut"', 1)[1].split("</section>", 1)[0]
    assert "<caption>Beslut i planens uppföljningar, äldst först</caption>" in history
    assert _text(history).count("Styrgruppen") == 1 and "Maria Sundqvist" in history
    quality = html.split('<section id="datakvalitet"', 1)[1].split("</section>", 1)[0]
    assert "<caption>Luckor i mätserierna: perioder utan mätning</caption>" in quality
    assert "2026-03 och 2026-04" in quality
    assert '<li><a href="#beslut">Beslutshistorik</a></li>' in html


def test_commentary_paragraphs_follow_the_yaml_block(tmp_path: Path, capsys) -> None:
    """A folded block keeps a paragraph break where a blank line was (the plan's own); a
    literal block's lines are separated by its blank lines."""
    text = PLAN.read_text(encoding="utf-8")
    start = text.index("    commentary: >\n      Registreringstiden var")
    end = text.index("    proposals:\n      - id: koplats-chattbot")
    plan = tmp_path / PLAN.name
    literal = "    commentary: |\n      Rad ett\n      och rad två.\n\n      Nytt stycke.\n"
    plan.write_text(text[:start] + literal + text[end:], encoding="utf-8")
    (tmp_path / CSV.name).write_bytes(CSV.read_bytes())
    summary = _report(capsys, plan, "-f", "md", "--lang", "sv")
    assert "*Skriven av Elin Nyström*\n\nRad ett och rad två.\n\nNytt stycke.\n\n" in summary


def test_the_report_with_follow_ups_and_gaps_is_accessible(gappy: Path, tmp_path: Path, capsys) -> None:
    from browser import audit_html, describe, require_browser

    require_browser()
    page = tmp_path / "rapport.html"
    page.write_text(_report(capsys, gappy, "--lang", "sv"), encoding="utf-8")
    audit = audit_html(page, tmp_path / "rapport.png")
    assert audit.console_errors == [] and audit.page_errors == [] and audit.failed_requests == []
    assert audit.violations == [], describe(audit.violations)


def test_follow_up_text_is_shown_as_text(tmp_path: Path, capsys) -> None:
    hostile = '<script>alert("x")</script> | *fet*'
    text = PLAN.read_text(encoding="utf-8").replace(
        "text: Visa köplatsen i kommunens chattbot från februari 2027, inom kontaktcenters budget.", f"text: '{hostile}'"
    )
    text = text.replace("      Många som ringer frågar", "      # Rubrik?\n\n      Många som ringer frågar")
    plan = tmp_path / PLAN.name
    plan.write_text(text, encoding="utf-8")
    (tmp_path / CSV.name).write_bytes(CSV.read_bytes())
    html = _report(capsys, plan, "--lang", "sv")
    assert "<script>" not in html and "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; | *fet*" in html
    markdown = _report(capsys, plan, "-f", "md", "--lang", "sv")
    assert '- **Beslutsförslag (2026-11-20):** &lt;script&gt;alert("x")&lt;/script&gt; \\| \\*fet\\*\n' in markdown
    assert "\n\\# Rubrik?\n" in markdown


def test_the_portfolio_lists_the_open_proposals_of_every_plan(capsys) -> None:
    text = _report(capsys, ROOT / "plans", "-f", "md", "--lang", "sv")
    assert _section(text, "## Att ta ställning till\n\n", "## Värde per plan") == (
        "| Beslutsförslag | Plan | Uppföljning |\n"
        "|---|---|---|\n"
        "| Visa köplatsen i kommunens chattbot från februari 2027, inom kontaktcenters budget. | "
        "E-tjänst för ansökan om förskoleplats | 2026-11-20 |\n"
        "| Revidera målvärdet för samtal december 2026 från 230 till 260 och lägg till målvärdet 230 för december "
        "2027. | E-tjänst för ansökan om förskoleplats | 2026-11-20 |\n\n"
    )
    without = ROOT / "plans" / "digitala-vardbesok.yaml", ROOT / "plans" / "automatiserad-arendehantering.yaml"
    english = _report(capsys, without[0], str(without[1]), "-f", "md", "--lang", "en")
    assert "## Decisions to take\n\nNo proposal is waiting for a decision.\n" in english
