"""The portfolio report: each plan's status and reason, the deviations with their owners, the
charts, captions that say more than their heading, and folder output (an index and one
report per plan, linked both ways by relative links)."""

from __future__ import annotations

import datetime as _dt
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import ROOT, SPEC_DIR, run_cli
from nytta.app import report as command
from nytta.app.report import is_folder, page_names
from nytta.compute.calc import calculate
from nytta.load.plan import load_plan
from nytta.render.numbers import money

PLANS = ROOT / "plans"
AS_OF = _dt.date(2026, 11, 27)


def _folder(tmp_path: Path, fmt: str = "html", *paths: Path) -> command.ReportResult:
    options = command.Options(paths or (PLANS,), AS_OF, "sv", folder=tmp_path / "rapport", format=fmt)
    return command.run(options)


def _html(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    code, out, err = run_cli(["report", str(PLANS), "--as-of", AS_OF.isoformat(), *argv], capsys)
    assert code == 0, err
    return out


class _Sections(HTMLParser):
    """Each table's caption with the heading of the section it stands in."""

    def __init__(self) -> None:
        super().__init__()
        self.pairs: list[tuple[str, str]] = []
        self._heading, self._in, self._text = "", "", ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("h2", "h3", "caption"):
            self._in, self._text = tag, ""

    def handle_endtag(self, tag: str) -> None:
        if tag == self._in == "caption":
            self.pairs.append((self._heading, self._text.strip()))
        elif tag == self._in:
            self._heading = self._text.strip()
        if tag == self._in:
            self._in = ""

    def handle_data(self, data: str) -> None:
        if self._in:
            self._text += data


def _captions(html: str) -> list[tuple[str, str]]:
    parser = _Sections()
    parser.feed(html)
    return parser.pairs


def test_each_plan_has_its_status_and_reason(capsys: pytest.CaptureFixture[str]) -> None:
    html = _html(capsys, "--lang", "sv")
    rows = re.findall(r'<tr><th scope="row">(.*?)</tr>', html.split('id="planer"', 1)[1].split("</table>", 1)[0])
    assert len(rows) == 3
    assert rows[0].startswith('Automatiserade beslut vid förnyelse av yrkesbevis<span class="sub">Yrkesbevisverket</span>')
    assert '<span class="status status-off_track">Avviker</span>' in rows[0]
    assert '<td class="reason">Fler begäranden om omprövning: 160\u00a0% av den godtagna negativa effekten</td>' in rows[0]
    assert "Färre samtal till kontaktcenter om förskolekö och placering: 79\u00a0% av den planerade förbättringen" in html


def test_one_table_lists_every_deviation_with_its_owner(capsys: pytest.CaptureFixture[str]) -> None:
    html = _html(capsys, "--lang", "en")
    table = html.split('id="avvikelser"', 1)[1].split("</table>", 1)[0]
    rows = re.findall(
        r'<tr><th scope="row">(.*?)</th><td>(.*?)</td><td>.*?>(.*?)</span></td><td>(.*?)</td><td>(.*?)</td></tr>', table
    )
    assert rows == [
        ("Fler begäranden om omprövning", "Automatiserade beslut vid förnyelse av yrkesbevis", "Off track",
         "160% of the accepted negative effect", "Lena Mattsson"),
        ("Lägre kostnader för tryck, kuvertering och porto", "Automatiserade beslut vid förnyelse av yrkesbevis",
         "At risk", "81% of the planned improvement", "Mikael Öberg"),
        ("Minskade koldioxidutsläpp från patienters bilresor", "Digitala vårdbesök i primärvården", "At risk",
         "75% of the planned improvement", "Johan Strand"),
        ("Färre samtal till kontaktcenter om förskolekö och placering", "E-tjänst för ansökan om förskoleplats",
         "At risk", "79% of the planned improvement", "Tomas Lindgren"),
    ]  # fmt: skip


def test_three_charts_with_their_figures_in_words(capsys: pytest.CaptureFixture[str]) -> None:
    html = _html(capsys, "--lang", "sv")
    charts = html.split('id="diagram"', 1)[1].split("</section>", 1)[0]
    titles = re.findall(r'<title id="[^"]+">(.*?)</title>', charts)
    assert titles == [
        "Nyttor per status i portföljen",
        "Planerat och realiserat värde hittills per plan",
        "Realiserat värde per år i portföljen",
    ]
    descriptions = re.findall(r'<desc id="[^"]+">(.*?)</desc>', charts)
    assert descriptions[0].endswith("Avviker: 1, Risk för avvikelse: 3, Enligt plan: 6, Uppnådd: 1")
    assert "E-tjänst för ansökan om förskoleplats: 313\u00a0505\u00a0kr / 353\u00a0453\u00a0kr" in descriptions[1]
    assert descriptions[2].endswith(f"2025: {realised_sum(2025)}, 2026: {realised_sum(2026)}.")


def realised_sum(year: int) -> str:
    """The realised value of ``year`` summed over the plans in plans/, as the chart shows it
    (whole kronor, Swedish formatting): 654 558 kr for 2025 as of 2026-11-27."""
    total = 0.0
    for path in sorted(PLANS.glob("*.yaml")):
        doc = load_plan(path, path.name)
        assert doc is not None
        total += calculate(doc, AS_OF).realised.get(year, 0.0)
    return money(total, "sv", "SEK")


@pytest.mark.parametrize("report", ["portfolio", "plan", "revised"])
def test_no_caption_repeats_its_heading(report: str, capsys: pytest.CaptureFixture[str]) -> None:
    target = {"portfolio": PLANS, "plan": SPEC_DIR / "bygglov-e-tjanst.yaml"}.get(
        report, ROOT / "tests" / "data" / "report" / "sankt-malvarde.yaml"
    )
    for lang in ("sv", "en"):
        code, html, err = run_cli(["report", str(target), "--as-of", AS_OF.isoformat(), "--lang", lang], capsys)
        assert code == 0, err
        pairs = _captions(html)
        assert len(pairs) >= 3
        repeated = [(h, c) for h, c in pairs if c.casefold() == h.casefold()]
        assert repeated == [], repeated


def test_a_folder_gets_an_index_and_a_page_per_plan(tmp_path: Path) -> None:
    result = _folder(tmp_path)
    folder = tmp_path / "rapport"
    names = ["index.html", "automatiserad-arendehantering.html", "digitala-vardbesok.html", "forskoleplats-e-tjanst.html"]
    assert [p.name for p in result.written] == names
    assert sorted(p.name for p in folder.iterdir()) == sorted(names)
    index = (folder / "index.html").read_text(encoding="utf-8")
    for name in names[1:]:
        assert f'<a class="plan-link" href="{name}">' in index
        page = (folder / name).read_text(encoding="utf-8")
        assert '<a href="index.html">← Till portföljrapporten</a>' in page
        assert page.startswith("<!DOCTYPE html>") and "Bilaga: mätvärden" in page


def test_every_link_in_the_folder_is_relative_and_reaches_a_file(tmp_path: Path) -> None:
    _folder(tmp_path)
    folder = tmp_path / "rapport"
    for page in folder.iterdir():
        links = re.findall(r'href="([^"#][^"]*)"', page.read_text(encoding="utf-8"))
        assert links, page.name
        for link in links:
            assert "/" not in link and ":" not in link, link
            assert (folder / link).is_file(), link


def test_a_markdown_folder_links_the_same_way(tmp_path: Path) -> None:
    result = _folder(tmp_path, "md")
    folder = tmp_path / "rapport"
    assert result.written[0].name == "index.md"
    index = (folder / "index.md").read_text(encoding="utf-8")
    assert "| [Digitala vårdbesök i primärvården](digitala-vardbesok.md) |" in index
    assert "[← Till portföljrapporten](index.md)" in (folder / "digitala-vardbesok.md").read_text(encoding="utf-8")


def test_a_single_plan_file_in_a_folder_is_an_index_of_one(tmp_path: Path) -> None:
    result = _folder(tmp_path, "html", SPEC_DIR / "bygglov-e-tjanst.yaml")
    assert [p.name for p in result.written] == ["index.html", "bygglov-e-tjanst.html"]


def test_page_names_are_unique_and_never_the_index() -> None:
    assert page_names(["a", "A", "index", "a-2", "b"], "html") == ["a.html", "A-2.html", "index-2.html", "a-2-2.html", "b.html"]


def test_a_folder_is_an_existing_folder_or_a_new_name_without_a_suffix(tmp_path: Path) -> None:
    (tmp_path / "finns").mkdir()
    (tmp_path / "fil").write_text("x", encoding="utf-8")
    assert is_folder(tmp_path / "finns") and is_folder(tmp_path / "ny")
    assert not is_folder(tmp_path / "rapport.html") and not is_folder(tmp_path / "fil") and not is_folder(None)


def test_a_single_file_portfolio_stays_one_page_without_links(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "nytta-rapport.html"
    code, _, err = run_cli(["report", str(PLANS), "--as-of", AS_OF.isoformat(), "-o", str(target)], capsys)
    assert code == 0, err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["nytta-rapport.html"]
    assert not re.search(r'href="(?!#)', target.read_text(encoding="utf-8"))


def test_a_folder_that_cannot_be_made_is_a_usage_problem(tmp_path: Path) -> None:
    from nytta.app.errors import UsageProblem

    (tmp_path / "fil").write_text("x", encoding="utf-8")
    with pytest.raises(UsageProblem, match="cannot write"):
        command.run(command.Options((PLANS,), AS_OF, folder=tmp_path / "fil" / "rapport"))


def test_the_cli_writes_a_folder_for_o_with_a_slash(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "rapport"
    code, out, err = run_cli(["report", str(PLANS), "--as-of", AS_OF.isoformat(), "-o", f"{target}/"], capsys)
    assert code == 0, err
    assert out == "" and err == f"Wrote {target / 'index.html'} — open it in a web browser.\n"
    assert sorted(p.name for p in target.iterdir()) == [
        "automatiserad-arendehantering.html",
        "digitala-vardbesok.html",
        "forskoleplats-e-tjanst.html",
        "index.html",
    ]


def test_the_cli_writes_markdown_pages_into_an_existing_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(["report", str(PLANS), "--as-of", AS_OF.isoformat(), "-f", "md", "-o", str(tmp_path)], capsys)
    assert code == 0, err
    assert err == f"Wrote {tmp_path / 'index.md'}.\n"
    assert (tmp_path / "digitala-vardbesok.md").read_text(encoding="utf-8").startswith("# Digitala vårdbesök")


def test_a_page_of_the_folder_may_not_be_an_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = tmp_path / "index.html"  # a plan file that happens to carry the index's name
    plan.write_text((SPEC_DIR / "bygglov-e-tjanst.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    code, _, err = run_cli(["report", str(plan), "--as-of", AS_OF.isoformat(), "-o", str(tmp_path)], capsys)
    assert code == 2 and "would overwrite" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["index.html"]
