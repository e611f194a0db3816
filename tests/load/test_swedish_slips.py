"""The slips Swedish analysts make in a plan, each a located finding that says what to write,
in English and in Swedish, and nothing that follows from it: a decimal comma or a comma in
text inside ``{…}``, a Swedish word written as a key, a Swedish word for an enum value, a
date that names no day."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT, run_check
from nytta.i18n import set_language
from nytta.load.plan import load_plan
from nytta.model import enums, plan
from nytta.model.glossary import GLOSSARY, swedish_key
from nytta.model.validate import _unwrap
from nytta.rules.examples import BASE_PLAN

TARGET = "{date: 2026-12-31, value: 20}"
MEASUREMENT = "{date: 2026-09-30, value: 25}"
#: The base plan with its quality benefit sized, so that a calculation added to it brings no
#: ``missing-size`` warning beside the finding a test is about.
SIZED_PLAN = BASE_PLAN.replace("    category: quality\n", "    category: quality\n    size: moderate\n", 1)
CALCULATION = "calculation: {base_year: 2025, first_year: 2025, last_year: 2028, discount_rate: 0.03}\n"

Found = tuple[str, int, int, str]


@pytest.fixture
def swedish() -> Iterator[None]:
    set_language("sv")
    yield
    set_language("en")


def findings(tmp_path: Path, text: str, lang: str = "en") -> list[Found]:
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    set_language(lang)
    try:
        return [(d.rule, d.line, d.column, d.message) for d in run_check(path)]
    finally:
        set_language("en")


def loaded(tmp_path: Path, text: str) -> Any:
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    doc = load_plan(path, "plan.yaml")
    assert doc is not None and doc.plan is not None
    return doc.plan


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


# -- a comma inside {…} -------------------------------------------------------------------


def test_a_decimal_comma_in_a_flow_mapping_says_to_write_a_decimal_point(tmp_path: Path) -> None:
    text = BASE_PLAN.replace(TARGET, "{date: 2026-12-31, value: 0,5}")
    line = line_of(text, "value: 0,5")
    assert findings(tmp_path, text) == [
        ("schema", line, 39, "decimal comma in 'value: 0,5': inside {…} a comma separates entries; write value: 0.5")
    ]
    assert findings(tmp_path, text, "sv") == [
        ("schema", line, 39, "decimalkomma i 'value: 0,5': inom {…} skiljer kommatecken posterna åt; skriv value: 0.5")
    ]
    assert loaded(tmp_path, text).benefits[0].indicators[0].targets[0].value == 0.5  # read as meant


def test_a_decimal_comma_in_the_discount_rate(tmp_path: Path) -> None:
    text = SIZED_PLAN + CALCULATION.replace("0.03", "0,03")
    line = text.count("\n")
    message = "decimal comma in 'discount_rate: 0,03': inside {…} a comma separates entries; write discount_rate: 0.03"
    assert findings(tmp_path, text) == [("schema", line, 82, message)]
    swedish = "decimalkomma i 'discount_rate: 0,03': inom {…} skiljer kommatecken posterna åt; skriv discount_rate: 0.03"
    assert findings(tmp_path, text, "sv") == [("schema", line, 82, swedish)]
    assert loaded(tmp_path, text).calculation.discount_rate == 0.03


def test_text_with_a_comma_in_a_flow_mapping_says_to_quote_it(tmp_path: Path) -> None:
    text = BASE_PLAN.replace(MEASUREMENT, "{date: 2026-09-30, value: 25, note: 1,9 mkr per år / 12}")
    line = line_of(text, "note: 1,9")
    assert findings(tmp_path, text) == [
        ("schema", line, 49, 'text containing a comma inside {…} must be quoted: write note: "1,9 mkr per år / 12"')
    ]
    assert findings(tmp_path, text, "sv") == [
        ("schema", line, 49, 'text med kommatecken inom {…} måste stå inom citattecken: skriv note: "1,9 mkr per år / 12"')
    ]
    assert loaded(tmp_path, text).benefits[0].indicators[0].measurements[0].note == "1,9 mkr per år / 12"


@pytest.mark.parametrize(
    ("note", "quoted"),
    [
        ("3,5", '"3,5"'),  # text where text belongs: quoted, not turned into a number
        ("Anna, Olle och Karin", '"Anna, Olle och Karin"'),
        ('svar "ja", "nej"', '\'svar "ja", "nej"\''),
    ],
)
def test_text_fields_are_quoted_whatever_the_text(tmp_path: Path, note: str, quoted: str) -> None:
    text = BASE_PLAN.replace(MEASUREMENT, "{date: 2026-09-30, value: 25, note: " + note + "}")
    [(rule, _line, _column, message)] = findings(tmp_path, text)
    assert (rule, message) == ("schema", f"text containing a comma inside {{…}} must be quoted: write note: {quoted}")
    assert loaded(tmp_path, text).benefits[0].indicators[0].measurements[0].note == note


@pytest.mark.parametrize(("key", "shown"), [("5", "5"), ("true", "true"), ("2026-01-01", "2026-01-01")])
def test_a_key_that_is_not_text_is_an_unknown_key(tmp_path: Path, key: str, shown: str) -> None:
    text = BASE_PLAN.replace(TARGET, "{date: 2026-12-31, value: 20, " + key + ": x}")
    assert findings(tmp_path, text) == [("schema", line_of(text, f"{key}: x"), 43, f"unknown key '{shown}' in targets")]
    top = BASE_PLAN + key + ": x\n"
    assert findings(tmp_path, top) == [("schema", top.count("\n"), 1, f"unknown key '{shown}' at the top level")]


# -- Swedish words written as keys --------------------------------------------------------

KEYS = [
    # (written in the base plan, written instead, where, the key, the glossary's term)
    ("    owner: anna\n", "    nyttoägare: anna\n", "benefits", "owner", "nyttoägare"),
    ("    owner: anna\n", "    nyttoagare: anna\n", "benefits", "owner", "nyttoägare"),
    ("    recipients: [sokande]\n", "    nyttomottagare: [sokande]\n", "benefits", "recipients", "nyttomottagare"),
    ("    category: quality\n", "    kategori: quality\n", "benefits", "category", "kategori"),
    ("    name: Kortare handläggningstid\n", "    namn: Kortare handläggningstid\n", "benefits", "name", "namn"),
    ("    goals: [service]\n", "    mål: [service]\n", "benefits", "goals", "mål"),
    (
        "    goals: [service]\n",
        "    goals: [service]\n    beskrivning: Svar inom en vecka\n",
        "benefits",
        "description",
        "beskrivning",
    ),
    ("        unit: days\n", "        enhet: days\n", "indicators", "unit", "enhet"),
    ("        direction: decrease\n", "        riktning: decrease\n", "indicators", "direction", "riktning"),
    ("        frequency: quarterly\n", "        frekvens: quarterly\n", "indicators", "frequency", "frekvens"),
    ("        measured_by: anna\n", "        mätansvarig: anna\n", "indicators", "measured_by", "mätansvarig"),
    ("        measured_by: anna\n", "        matansvarig: anna\n", "indicators", "measured_by", "mätansvarig"),
    ("        baseline: {value", "        nollmätning: {value", "indicators", "baseline", "nollmätning"),
    ("        targets:\n", "        målvärden:\n", "indicators", "targets", "målvärden"),
    ("        targets:\n", "        malvarden:\n", "indicators", "targets", "målvärden"),
    ("        measurements:\n", "        mätningar:\n", "indicators", "measurements", "mätningar"),
    ("        measurements:\n", "        matningar:\n", "indicators", "measurements", "mätningar"),
    ("  phase: realise\n", "  fas: realise\n", "plan", "phase", "fas"),
    ("  change_owner: karin\n", "  förändringsägare: karin\n", "plan", "change_owner", "förändringsägare"),
]


@pytest.mark.parametrize(("old", "new", "where", "key", "term"), KEYS, ids=[row[1].strip(" \n{:value") for row in KEYS])
def test_a_swedish_word_as_a_key_names_the_key_and_is_read_as_it(
    tmp_path: Path, old: str, new: str, where: str, key: str, term: str
) -> None:
    text = BASE_PLAN.replace(old, new, 1)
    line = next(line for line in new.splitlines() if line not in old.splitlines())  # the line with the Swedish key
    written = line.split(":")[0].strip()
    at = (line_of(text, line.strip()), line.index(written) + 1)
    english = f"unknown key '{written}' in {where}; did you mean '{key}' ({term})?"
    swedish = f"okänd nyckel '{written}' i {where}; menade du '{key}' ({term})?"
    assert findings(tmp_path, text) == [("schema", *at, english)]  # nothing follows: it is read as `key`
    assert findings(tmp_path, text, "sv") == [("schema", *at, swedish)]


def test_a_swedish_key_at_the_top_level(tmp_path: Path) -> None:
    text = SIZED_PLAN + CALCULATION + "kostnader:\n  - {id: licens, name: Licens, kind: running, amounts: {2026: 1000}}\n"
    line = line_of(text, "kostnader:")
    assert findings(tmp_path, text) == [
        ("schema", line, 1, "unknown key 'kostnader' at the top level; did you mean 'costs' (kostnader)?")
    ]
    assert findings(tmp_path, text, "sv") == [
        ("schema", line, 1, "okänd nyckel 'kostnader' överst i planen; menade du 'costs' (kostnader)?")
    ]
    assert [cost.id for cost in loaded(tmp_path, text).costs] == ["licens"]


def test_what_a_swedish_key_holds_is_still_checked_and_located(tmp_path: Path) -> None:
    text = BASE_PLAN.replace("        frequency: quarterly\n", "        frekvens: varje vecka\n")
    line = line_of(text, "frekvens:")
    assert findings(tmp_path, text) == [
        ("schema", line, 9, "unknown key 'frekvens' in indicators; did you mean 'frequency' (frekvens)?"),
        ("schema", line, 19, "'frequency': 'varje vecka' is not one of monthly, quarterly, half_yearly, yearly"),
    ]


def test_a_swedish_key_beside_the_english_one_is_only_reported(tmp_path: Path) -> None:
    text = BASE_PLAN.replace("    owner: anna\n", "    owner: anna\n    nyttoägare: karin\n")
    assert findings(tmp_path, text) == [
        ("schema", line_of(text, "nyttoägare"), 5, "unknown key 'nyttoägare' in benefits; did you mean 'owner' (nyttoägare)?")
    ]
    assert loaded(tmp_path, text).benefits[0].owner == "anna"


def test_an_english_typo_keeps_its_suggestion(tmp_path: Path) -> None:
    text = BASE_PLAN.replace("    owner: anna\n", "    ownr: anna\n")
    assert [f[3] for f in findings(tmp_path, text) if f[0] == "schema"] == [
        "unknown key 'ownr' in benefits; did you mean 'owner'?"
    ]


def test_the_glossary_names_real_keys_of_real_models() -> None:
    for term in GLOSSARY:
        for place in term.where:
            model = getattr(plan, place)
            assert term.key in model.model_fields, (term, place)
            assert swedish_key(term.swedish, place) is not None, (term, place)


# -- Swedish words for enum values, as docs/plan-format.md names them -----------------------

FORMAT = (ROOT / "docs" / "plan-format.md").read_text(encoding="utf-8")
#: The sections of §4 and the model each one's table describes.
SECTIONS = {
    "plan": plan.PlanInfo,
    "people": plan.Person,
    "stakeholders": plan.Stakeholder,
    "goals": plan.Goal,
    "chain": plan.ChainNode,
    "benefits": plan.Benefit,
    "valuation": plan.Valuation,
    "Indicators": plan.Indicator,
    "Measurements": plan.Measurement,
    "costs": plan.Cost,
    "calculation": plan.Calculation,
    "risks": plan.Risk,
}
#: The entities the enum tables of §3 name a key of.
ENTITIES = {
    "plan": plan.PlanInfo,
    "stakeholder": plan.Stakeholder,
    "chain": plan.ChainNode,
    "benefit": plan.Benefit,
    "indicator": plan.Indicator,
    "cost": plan.Cost,
    "goal": plan.Goal,
    "approval": plan.Approval,
    "measurement": plan.Measurement,
    "risk": plan.Risk,
}
#: The glossary (§8) names values as `key: value`; these keys are the benefit's.
GLOSSARY_KEYS = {"polarity": plan.Benefit, "category": plan.Benefit}
VALUE_AND_WORD = re.compile(r"`(\w+)` \(\*([^*]+)\*")


def _enum(model: type[Any], key: str) -> type[enums.Enum]:
    annotation = _unwrap(model.model_fields[key].annotation)
    assert isinstance(annotation, type) and issubclass(annotation, enums.Enum), (model, key)
    return annotation


def _enum_table_words() -> Iterator[tuple[type[enums.Enum], str, str]]:
    """§3's tables: | stakeholder `category` | `citizens` (*medborgare*), … |."""
    for row in re.findall(r"^\| (.+?) \| (.+?) \|$", FORMAT, flags=re.MULTILINE):
        entity = None
        for word, dotted in re.findall(r"(?:(\w+)\.?\s*)?`([\w.]+)`", row[0]):
            owner, _, key = dotted.rpartition(".")
            entity = ENTITIES.get(owner or word, entity)
            if entity is not None and key in entity.model_fields and VALUE_AND_WORD.search(row[1]):
                for value, swedish in VALUE_AND_WORD.findall(row[1]):
                    yield _enum(entity, key), value, swedish


def _field_row_words() -> Iterator[tuple[type[enums.Enum], str, str]]:
    """§4's field rows: under ### `goals`, | `level` | … `organisational` (*verksamhetsmål*) … |."""
    model = None
    for line in FORMAT.splitlines():
        heading = re.match(r"^#{3,4} `?(\w+)`?", line)
        if heading:
            model = SECTIONS.get(heading.group(1))
        row = re.match(r"^\| `(\w+)` \| (.+) \|$", line)
        if model is not None and row and row.group(1) in model.model_fields and VALUE_AND_WORD.search(row.group(2)):
            for value, swedish in VALUE_AND_WORD.findall(row.group(2)):
                yield _enum(model, row.group(1)), value, swedish


def _glossary_words() -> Iterator[tuple[type[enums.Enum], str, str]]:
    """§8: | *onytta* | dis-benefit | `polarity: disbenefit` |."""
    for swedish, key, value in re.findall(r"^\| \*([^*]+)\* \| [^|]+ \| `(\w+): (\w+)`", FORMAT, flags=re.MULTILINE):
        yield _enum(GLOSSARY_KEYS[key], key), value, swedish


DOCUMENTED = sorted({*_enum_table_words(), *_field_row_words(), *_glossary_words()}, key=lambda w: (w[0].__name__, w[2]))


def test_the_docs_name_the_words_this_test_reads() -> None:
    words = {swedish for _enum, _value, swedish in DOCUMENTED}
    assert {"verksamhetsmål", "effektmål", "övergripande mål", "följa_upp", "onytta", "omfördelningsnytta"} <= words
    assert len(DOCUMENTED) >= 45


@pytest.mark.parametrize(("enum", "value", "swedish"), DOCUMENTED, ids=[f"{e.__name__}:{w}" for e, _v, w in DOCUMENTED])
def test_every_swedish_word_the_docs_name_for_a_value_is_that_value(enum: type[enums.Enum], value: str, swedish: str) -> None:
    assert enums.parse_enum(enum, swedish) is enum(value)
    assert enums.parse_enum(enum, enums.fold(swedish)) is enum(value)  # without å/ä/ö


def test_goal_levels_in_swedish_pass_the_check(tmp_path: Path) -> None:
    text = BASE_PLAN.replace(
        "  - {id: service, name: Snabbare beslut}\n",
        "  - {id: kommunen, name: Hållbar kommun, level: övergripande mål}\n"
        "  - {id: service, name: Snabbare beslut, level: verksamhetsmål, parent: kommunen}\n"
        "  - {id: tid, name: Kortare tid, level: effektmål, parent: service}\n",
    ).replace("    goals: [service]\n", "    goals: [service, tid]\n")
    assert findings(tmp_path, text) == []
    levels = [goal.level for goal in loaded(tmp_path, text).goals]
    assert levels == [enums.Level.OVERALL, enums.Level.ORGANISATIONAL, enums.Level.EFFECT]


# -- dates that name no day -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "english", "swedish"),
    [
        ("2025-13-01", "'2025-13-01' is not a date: month 13 does not exist", "'2025-13-01' är inget datum: månad 13 finns inte"),
        (
            "2025-02-30",
            "'2025-02-30' is not a date: February 2025 has 28 days",
            "'2025-02-30' är inget datum: februari 2025 har 28 dagar",
        ),
        (
            "2024-04-31",
            "'2024-04-31' is not a date: April 2024 has 30 days",
            "'2024-04-31' är inget datum: april 2024 har 30 dagar",
        ),
    ],
)
def test_an_impossible_date_says_why(tmp_path: Path, written: str, english: str, swedish: str) -> None:
    text = BASE_PLAN.replace(TARGET, "{date: " + written + ", value: 20}")
    at = (line_of(text, written), 20)
    assert findings(tmp_path, text) == [("schema", *at, english)]
    assert findings(tmp_path, text, "sv") == [("schema", *at, swedish)]


def test_an_impossible_date_in_a_list_of_dates(tmp_path: Path) -> None:
    text = BASE_PLAN.replace("        frequency: quarterly\n", "        follow_up_dates: [2026-06-30, 2026-09-31]\n")
    line = line_of(text, "follow_up_dates")
    assert findings(tmp_path, text) == [("schema", line, 39, "'2026-09-31' is not a date: September 2026 has 30 days")]


def test_a_date_in_another_shape_keeps_its_message(tmp_path: Path) -> None:
    text = BASE_PLAN.replace(TARGET, "{date: 31/12/2026, value: 20}")
    [(_rule, _line, _column, message)] = findings(tmp_path, text)
    assert message == "'date': expected a date written YYYY-MM-DD, got '31/12/2026'"


def test_a_follow_up_with_swedish_keys_is_read_as_the_english_ones(tmp_path: Path) -> None:
    text = BASE_PLAN + (
        "follow_ups:\n"
        "  - datum: 2026-09-30\n"
        "    kommentar: Tiden minskar enligt plan.\n"
        "    förslag: [Förläng piloten]\n"
        "    decisions:\n"
        "      - {text: Piloten förlängs, beslutat_av: Styrgruppen, datum: 2026-10-01}\n"
    )
    assert [(f[0], f[3]) for f in findings(tmp_path, text)] == [
        ("schema", "unknown key 'datum' in follow_ups; did you mean 'date' (datum)?"),
        ("schema", "unknown key 'kommentar' in follow_ups; did you mean 'commentary' (kommentar)?"),
        ("schema", "unknown key 'förslag' in follow_ups; did you mean 'proposals' (beslutsförslag)?"),
        ("schema", "unknown key 'beslutat_av' in decisions; did you mean 'decided_by' (beslutat av)?"),
        ("schema", "unknown key 'datum' in decisions; did you mean 'date' (datum)?"),
    ]
    [entry] = loaded(tmp_path, text).follow_ups
    assert (entry.date.isoformat(), entry.commentary, [p.text for p in entry.proposals]) == (
        "2026-09-30",
        "Tiden minskar enligt plan.",
        ["Förläng piloten"],
    )
    assert (entry.decisions[0].decided_by, str(entry.decisions[0].date)) == ("Styrgruppen", "2026-10-01")
