"""Synthetic but realistic benefit-plan portfolios for benchmarks and tests.

Owns the portfolio generator: N plans in format v1, one file per plan under a folder per
organisation (kommun, region, myndighet), each with people, stakeholders, goals, an effect
chain, benefits with owners, recipients, valuation and monthly measured indicators, costs,
a nyttokalkyl, a risk and approvals. Every plan passes `nytta check --as-of 2026-11-27`
without errors: all measurements are month-end dates up to 2026-10-31, so nothing is in the
future or overdue on that date. A share of the plans keeps its measurements in a CSV file
beside the plan, alternating the comma dialect and the semicolon/decimal-comma dialect.

Usage:
    python benchmarks/generate_portfolio.py OUT_DIR --plans N [--benefits 10]
        [--indicators 2] [--months 36] [--csv-share 0.5] [--seed 1]

Importable: ``generate(out_dir, plans, ...) -> list[Path]`` returns the plan files written.
The output depends only on the arguments: plan i is drawn from its own seeded generator.
"""

from __future__ import annotations

import argparse
import calendar
import csv
import datetime as _dt
import io
import itertools
import json
import random
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

LAST_MEASUREMENT = _dt.date(2026, 10, 31)
SEMICOLON, COMMA = ";", ","

# --- word lists -------------------------------------------------------------------------

PLACE_STEMS = ["Norr", "Söder", "Öster", "Väster", "Sjö", "Berg", "Lind", "Björk", "Ek", "Al", "Älv", "Mål"]
PLACE_ENDS = ["vik", "by", "stad", "köping", "torp", "hamn", "dal", "sund", "näs", "å"]
AGENCY_STEMS = ["Tillstånds", "Bidrags", "Register", "Tillsyns", "Stöd", "Licens", "Arkiv", "Kart"]
FIRST_NAMES = [
    "Anna",
    "Karin",
    "Eva",
    "Maria",
    "Lena",
    "Sara",
    "Emma",
    "Ingrid",
    "Malin",
    "Elin",
    "Johanna",
    "Sofia",
    "Lars",
    "Per",
    "Olle",
    "Erik",
    "Johan",
    "Anders",
    "Mikael",
    "Henrik",
    "Nils",
    "Jonas",
    "Magnus",
    "Oskar",
]
SURNAMES = [
    "Berg",
    "Lind",
    "Ek",
    "Holm",
    "Sjöberg",
    "Lindqvist",
    "Nyström",
    "Åberg",
    "Björk",
    "Dahl",
    "Engström",
    "Forsberg",
    "Hedlund",
    "Lundgren",
    "Sandberg",
    "Strand",
    "Wikström",
    "Öberg",
    "Falk",
    "Hellström",
]
SUBJECTS = {
    "kommun": [
        "bygglov",
        "försörjningsstöd",
        "färdtjänst",
        "skolskjuts",
        "bostadsanpassning",
        "livsmedelstillsyn",
        "serveringstillstånd",
        "förskoleplacering",
        "parkeringstillstånd",
        "felanmälan",
    ],
    "region": ["remisser", "provsvar", "sjukresor", "hjälpmedel", "tidbokning", "journalkopior"],
    "myndighet": [
        "tillståndsansökningar",
        "bidragsansökningar",
        "registerutdrag",
        "tillsynsärenden",
        "utbetalningar",
    ],
}
INITIATIVES = [
    ("E-tjänst för {s}", "e-tjanst", "Bygg och inför e-tjänsten för {s}"),
    ("Automatiserad handläggning av {s}", "automatisering", "Inför regelmotor för {s}"),
    ("Nytt verksamhetssystem för {s}", "verksamhetssystem", "Upphandla och inför verksamhetssystemet"),
    ("Digital signering och brevlåda för {s}", "e-signering", "Inför e-signering och digital brevlåda"),
    ("Självservice och chattbot för {s}", "sjalvservice", "Inför självservice på webben"),
    ("Samordnad ärendehantering för {s}", "arendehantering", "Samla ärendena i en gemensam kö"),
]
SECOND_INTERVENTIONS = [
    "Utbilda handläggarna i nya arbetssätt",
    "Avveckla pappersblanketten",
    "Ta fram nya rutiner och mallar",
    "Integrera med ekonomisystemet",
]
CHANGES = [
    "Ärenden kommer in digitalt och kompletta",
    "Manuell registrering upphör",
    "Enkla beslut fattas med stöd av regelmotor",
    "Handläggarna arbetar i ett enda system",
    "Sökande följer sitt ärende själva",
    "Utskick sker digitalt i stället för med post",
]
RISKS = [
    (
        "Få sökande använder den digitala vägen och fortsätter skicka papper.",
        "Pappersvägen tas bort som förstahandsval på webben; information via kontaktcenter.",
    ),
    ("Leverantören blir försenad och införandet skjuts upp.", "Viten i avtalet och en reservplan med stegvis införande."),
    (
        "Frigjord tid tas inte tillvara utan försvinner i annat arbete.",
        "Nyttoägaren beslutar om omfördelning i verksamhetsplanen och följer upp varje kvartal.",
    ),
    (
        "Handläggarna fortsätter med gamla arbetssätt vid sidan av systemet.",
        "Gamla mallar tas bort och superanvändare stöttar under införandet.",
    ),
]
ANALYST_TITLES = ["Verksamhetsutvecklare", "Verksamhetsanalytiker", "Controller"]
OWNER_UNITS = ["Handläggningsenheten", "Kontaktcenter", "Ekonomiavdelningen", "Administrativa enheten"]


@dataclass(frozen=True)
class IndicatorTemplate:
    """One kind of indicator: how its baseline is drawn and how far the final target moves."""

    name: str
    unit: str
    direction: str
    low: float
    high: float
    change: tuple[float, float]  # relative move of the final target (for "maintain": tolerance)
    decimals: int
    method: str
    source: str
    cap: float | None = None


@dataclass(frozen=True)
class BenefitTemplate:
    """One kind of benefit with its primary indicator and how it is valued."""

    name: str
    category: str
    indicator: IndicatorTemplate
    valuation: str | None = None  # "hours", "minutes", "calls", "per_month", "per_year"
    related: tuple[IndicatorTemplate, ...] = ()  # further indicators of a dis-benefit


def _ind(
    name: str,
    unit: str,
    direction: str,
    low: float,
    high: float,
    change: tuple[float, float],
    decimals: int,
    method: str,
    source: str,
    cap: float | None = None,
) -> IndicatorTemplate:
    return IndicatorTemplate(name, unit, direction, low, high, change, decimals, method, source, cap)


BENEFITS = [
    BenefitTemplate(
        "Kortare handläggningstid för {s}",
        "quality",
        _ind(
            "Median handläggningstid",
            "dagar",
            "decrease",
            20,
            60,
            (0.3, 0.5),
            0,
            "Median över beslut fattade under månaden",
            "Ärendesystemet",
        ),
    ),
    BenefitTemplate(
        "Fler beslut inom lagstadgad tid för {s}",
        "quality",
        _ind(
            "Andel beslut inom lagstadgad tid",
            "%",
            "increase",
            55,
            80,
            (0.15, 0.3),
            1,
            "Beslut inom tidsfristen delat med alla beslut under månaden",
            "Ärendesystemet",
            cap=99,
        ),
    ),
    BenefitTemplate(
        "Nöjdare sökande inom {s}",
        "quality",
        _ind(
            "Nöjd-kund-index bland sökande",
            "NKI",
            "increase",
            55,
            68,
            (0.08, 0.18),
            0,
            "Kort enkät efter avslutat ärende",
            "Enkätverktyget",
            cap=95,
        ),
    ),
    BenefitTemplate(
        "Färre kompletteringar i ärenden om {s}",
        "quality",
        _ind(
            "Andel ärenden som behöver kompletteras",
            "%",
            "decrease",
            30,
            60,
            (0.4, 0.6),
            1,
            "Ärenden med minst en begäran om komplettering delat med inkomna ärenden",
            "Ärendesystemet",
        ),
    ),
    BenefitTemplate(
        "Frigjord handläggartid inom {s}",
        "redeployment",
        _ind(
            "Handläggartimmar per månad för registrering",
            "timmar/månad",
            "decrease",
            120,
            600,
            (0.3, 0.6),
            0,
            "Tidsrapportering på aktivitetskod REG",
            "Tidsredovisningen",
        ),
        "hours",
    ),
    BenefitTemplate(
        "Mindre handläggartid per ärende om {s}",
        "redeployment",
        _ind(
            "Handläggartid per ärende",
            "minuter/ärende",
            "decrease",
            45,
            120,
            (0.2, 0.4),
            1,
            "Tidsstudie på ett urval ärenden varje månad",
            "Tidsstudier",
        ),
        "minutes",
    ),
    BenefitTemplate(
        "Färre samtal till kontaktcenter om {s}",
        "redeployment",
        _ind(
            "Samtal till kontaktcenter",
            "samtal/månad",
            "decrease",
            300,
            1500,
            (0.2, 0.45),
            0,
            "Antal besvarade samtal med ärendekod för området",
            "Telefonisystemet",
        ),
        "calls",
    ),
    BenefitTemplate(
        "Lägre porto- och utskriftskostnader för {s}",
        "financial",
        _ind(
            "Kostnad för porto och utskrift",
            "kr/månad",
            "decrease",
            15000,
            90000,
            (0.4, 0.7),
            0,
            "Fakturerat belopp per månad på ansvaret för området",
            "Ekonomisystemet",
        ),
        "per_month",
    ),
    BenefitTemplate(
        "Avvecklade licenser för det gamla systemet för {s}",
        "financial",
        _ind(
            "Licenskostnad för tidigare system",
            "kr/år",
            "decrease",
            150000,
            600000,
            (0.6, 0.9),
            0,
            "Årskostnad enligt gällande licensavtal",
            "Avtalsdatabasen",
        ),
        "per_year",
    ),
    BenefitTemplate(
        "Minskade kostnader för externa konsulter inom {s}",
        "financial",
        _ind(
            "Kostnad för externa konsulter",
            "kr/månad",
            "decrease",
            20000,
            120000,
            (0.2, 0.5),
            0,
            "Fakturerat belopp per månad på konto 6550",
            "Ekonomisystemet",
        ),
        "per_month",
    ),
    BenefitTemplate(
        "Färre utskrifter inom {s}",
        "environment",
        _ind(
            "Utskrivna sidor",
            "sidor/månad",
            "decrease",
            5000,
            40000,
            (0.4, 0.8),
            0,
            "Utskriftsstatistik från skrivarna på enheten",
            "Utskriftssystemet",
        ),
    ),
    BenefitTemplate(
        "Färre resor till servicekontoret för {s}",
        "environment",
        _ind(
            "Besök på servicekontoret",
            "besök/månad",
            "decrease",
            200,
            1500,
            (0.3, 0.6),
            0,
            "Besöksräknare i entrén, ärenden om området",
            "Besöksstatistiken",
        ),
    ),
    BenefitTemplate(
        "Lägre klimatpåverkan från tjänsteresor inom {s}",
        "environment",
        _ind(
            "Utsläpp från tjänsteresor",
            "kg CO2e/månad",
            "decrease",
            1000,
            6000,
            (0.2, 0.4),
            0,
            "Resebokningar omräknade med schablonvärden för utsläpp",
            "Resebokningssystemet",
        ),
    ),
]
DISBENEFITS = [
    BenefitTemplate(
        "Ökad förvaltningstid för systemet",
        "redeployment",
        _ind(
            "Timmar för systemförvaltning",
            "timmar/månad",
            "decrease",
            5,
            20,
            (0.5, 2.0),
            0,
            "Tidsrapportering på aktivitetskod FORV",
            "Tidsredovisningen",
        ),
        "hours",
        (
            _ind(
                "Ändringsärenden till leverantören",
                "ärenden/månad",
                "decrease",
                2,
                8,
                (0.5, 1.5),
                0,
                "Beställda ändringar i leverantörens portal",
                "Leverantörsportalen",
            ),
        ),
    ),
    BenefitTemplate(
        "Fler supportärenden under införandet",
        "quality",
        _ind(
            "Supportärenden om den nya tjänsten",
            "ärenden/månad",
            "decrease",
            10,
            40,
            (0.3, 1.0),
            0,
            "Ärenden i IT-supportens kö med kategorin för tjänsten",
            "Supportsystemet",
        ),
        None,
        (
            _ind(
                "Väntetid hos IT-supporten",
                "timmar",
                "decrease",
                4,
                12,
                (0.2, 0.6),
                1,
                "Medeltid från anmälan till första svar",
                "Supportsystemet",
            ),
        ),
    ),
    BenefitTemplate(
        "Ökad energiförbrukning i serverhallen",
        "environment",
        _ind(
            "Energiförbrukning för tjänstens servrar",
            "kWh/månad",
            "decrease",
            800,
            2000,
            (0.1, 0.3),
            0,
            "Mätare på serverracken",
            "Driftleverantörens rapport",
        ),
        None,
        (
            _ind(
                "Lagrad data för tjänsten",
                "TB",
                "decrease",
                2,
                10,
                (0.3, 1.0),
                1,
                "Allokerad lagring vid månadens slut",
                "Driftleverantörens rapport",
            ),
        ),
    ),
    BenefitTemplate(
        "Högre licenskostnad för molntjänsten än budgeterat",
        "financial",
        _ind(
            "Licenskostnad utöver budget",
            "kr/månad",
            "decrease",
            5000,
            15000,
            (0.2, 0.6),
            0,
            "Fakturerat belopp minus budgeterat belopp",
            "Ekonomisystemet",
        ),
        "per_month",
        (
            _ind(
                "Licenser utöver avtalet",
                "st",
                "decrease",
                5,
                20,
                (0.3, 1.0),
                0,
                "Aktiva användarkonton minus avtalat antal",
                "Licensportalen",
            ),
        ),
    ),
]
SUPPORT_INDICATORS = [
    _ind(
        "Andel ärenden som kommer in digitalt",
        "%",
        "increase",
        20,
        55,
        (0.4, 0.7),
        1,
        "Digitalt inkomna ärenden delat med alla inkomna ärenden",
        "Ärendesystemet",
        cap=98,
    ),
    _ind(
        "Andel ärenden kompletta vid inkomst",
        "%",
        "increase",
        40,
        70,
        (0.2, 0.4),
        1,
        "Ärenden utan begäran om komplettering delat med inkomna ärenden",
        "Ärendesystemet",
        cap=98,
    ),
    _ind(
        "Antal samtal till kontaktcenter",
        "samtal/månad",
        "decrease",
        300,
        1500,
        (0.2, 0.45),
        0,
        "Besvarade samtal med ärendekod för området",
        "Telefonisystemet",
    ),
    _ind(
        "Andel ändrade beslut efter överklagande",
        "%",
        "maintain",
        2,
        6,
        (0.8, 1.5),
        1,
        "Ändrade beslut delat med överklagade beslut",
        "Ärendesystemet",
    ),
    _ind(
        "Väntetid i telefon",
        "minuter",
        "decrease",
        4,
        15,
        (0.3, 0.5),
        1,
        "Medelväntetid för besvarade samtal",
        "Telefonisystemet",
    ),
]
CATEGORY_ROTATION = ["quality", "redeployment", "financial", "quality", "redeployment", "environment"]
GOALS = {
    "quality": ("snabb-service", "Beslut inom utlovad tid för alla sökande"),
    "redeployment": ("tid-for-karnuppdrag", "Mer tid för kärnuppdraget"),
    "financial": ("lagre-adm-kostnad", "Lägre kostnader för administration"),
    "environment": ("minskad-klimatpaverkan", "Minskad klimatpåverkan från verksamheten"),
}


# --- small helpers ----------------------------------------------------------------------


def slug(text: str) -> str:
    """ASCII identifier from Swedish text: 'Björksund kommun' -> 'bjorksund-kommun'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


_LOOSE_ENDS = {
    "och",
    "i",
    "for",
    "om",
    "av",
    "till",
    "fran",
    "per",
    "med",
    "in",
    "vid",
    "inom",
    "det",
    "ett",
    "en",
    "pa",
}


def short_slug(text: str, limit: int) -> str:
    """``slug`` cut back to whole words, at most ``limit`` characters, not ending on a small word."""
    words, kept = slug(text).split("-"), []
    for word in words:
        if len("-".join([*kept, word])) > limit:
            break
        kept.append(word)
    while len(kept) > 1 and kept[-1] in _LOOSE_ENDS:
        kept.pop()
    return "-".join(kept) or words[0][:limit]


def month_end(year: int, month: int) -> _dt.date:
    """The last day of a month; month may run past 12 or below 1."""
    year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    return _dt.date(year, month, calendar.monthrange(year, month)[1])


def add_months(day: _dt.date, months: int) -> _dt.date:
    """The month end ``months`` after the month of ``day``."""
    return month_end(day.year, day.month + months)


def first_of_next_month(day: _dt.date, months: int = 1) -> _dt.date:
    return add_months(day, months - 1) + _dt.timedelta(days=1)


def number(value: float, decimals: int) -> int | float:
    rounded = round(value, decimals)
    return int(rounded) if decimals == 0 else rounded


class Ids:
    """The one id namespace of a plan: hands out unique ids from readable bases."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def take(self, base: str) -> str:
        candidate, n = slug(base) or "id", 2
        while candidate in self.used:
            candidate, n = f"{slug(base)}-{n}", n + 1
        self.used.add(candidate)
        return candidate


# --- YAML text --------------------------------------------------------------------------

_PLAIN = re.compile(r"[^\W\d_][\w .()/–-]*", re.UNICODE)
_RESERVED = {"y", "n", "yes", "no", "true", "false", "on", "off", "null"}
_FLOW_WIDTH = 140


def scalar(value: Any) -> str:
    """One YAML scalar: plain when unambiguous, else a double-quoted (JSON) string."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, _dt.date):
        return value.isoformat()
    text = str(value)
    if _PLAIN.fullmatch(text) and not text.endswith(" ") and text.lower() not in _RESERVED:
        return text
    return json.dumps(text, ensure_ascii=False)


def flow(value: Any) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(flow(v) for v in value) + "]"
    return scalar(value)


def _depth(value: Any) -> int:
    if isinstance(value, dict):
        return 1 + max((_depth(v) for v in value.values()), default=0)
    if isinstance(value, list):
        return 1 + max((_depth(v) for v in value), default=0)
    return 0


def _fits_flow(value: Any, indent: int) -> bool:
    return _depth(value) <= 2 and indent + len(flow(value)) <= _FLOW_WIDTH


def block(mapping: dict[str, Any], indent: int = 0) -> list[str]:
    """A mapping as block YAML; small leaf collections are written in flow style."""
    pad, lines = " " * indent, []
    for key, value in mapping.items():
        if not isinstance(value, (dict, list)) or _fits_flow(value, indent + len(str(key)) + 2):
            lines.append(f"{pad}{key}: {flow(value)}")
        elif isinstance(value, dict):
            lines += [f"{pad}{key}:", *block(value, indent + 2)]
        else:
            lines += [f"{pad}{key}:", *_sequence(value, indent + 2)]
    return lines


def _sequence(items: list[Any], indent: int) -> list[str]:
    pad, lines = " " * indent, []
    for item in items:
        if not isinstance(item, dict) or _fits_flow(item, indent + 2):
            lines.append(f"{pad}- {flow(item)}")
        else:
            inner = block(item, indent + 2)
            lines += [f"{pad}- {inner[0].lstrip()}", *inner[1:]]
    return lines


# --- one plan ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Organisation:
    name: str
    kind: str  # kommun | region | myndighet
    domain: str

    @property
    def folder(self) -> str:
        return slug(self.name)


@dataclass
class PlanSpec:
    """What one plan is built from: the arguments plus where its measurements go."""

    index: int
    organisation: Organisation
    benefits: int
    indicators: int
    months: int
    dialect: str | None  # None = inline measurements
    seed: int


@dataclass
class Draft:
    """A plan under construction: ids, people by role, and the measurement rows."""

    rng: random.Random
    spec: PlanSpec
    subject: str
    ids: Ids = field(default_factory=Ids)
    roles: dict[str, str] = field(default_factory=dict)
    people: list[dict[str, Any]] = field(default_factory=list)
    rows: list[tuple[str, _dt.date, int | float, str, str]] = field(default_factory=list)
    baseline_date: _dt.date = LAST_MEASUREMENT
    hourly_cost: int = 600


def organisations(count: int, seed: int) -> list[Organisation]:
    """``count`` distinct organisations, kommuner first, then a region and a myndighet."""
    rng, found, names = random.Random(f"orgs:{seed}"), [], set()
    kinds = ["kommun", "region", "myndighet"]
    while len(found) < count:
        kind = kinds[len(found) % 3]
        place = rng.choice(PLACE_STEMS) + rng.choice(PLACE_ENDS)
        name = {"kommun": f"{place} kommun", "region": f"Region {place}", "myndighet": f"{rng.choice(AGENCY_STEMS)}myndigheten"}[
            kind
        ]
        if name not in names:
            names.add(name)
            found.append(Organisation(name, kind, slug(place if kind != "myndighet" else name) + ".se"))
    return found


def _person(draft: Draft, role: str, title: str) -> str:
    rng = draft.rng
    while True:
        first, last = rng.choice(FIRST_NAMES), rng.choice(SURNAMES)
        name = f"{first} {last}"
        if all(p["name"] != name for p in draft.people):
            break
    pid = draft.ids.take(f"{first}-{last}")
    email = f"{slug(first)}.{slug(last)}@{draft.spec.organisation.domain}"
    draft.people.append({"id": pid, "name": name, "title": title, "email": email})
    draft.roles.setdefault(role, pid)
    return pid


def _cast(draft: Draft) -> None:
    """Change owner, project manager, benefit owners, analysts and an IT manager."""
    head = {"kommun": "Förvaltningschef", "region": "Verksamhetschef", "myndighet": "Avdelningschef"}
    _person(draft, "change_owner", head[draft.spec.organisation.kind])
    _person(draft, "project_manager", "Projektledare")
    for unit in draft.rng.sample(OWNER_UNITS, 3):
        draft.roles[f"owner:{unit}"] = _person(draft, "owner", f"Enhetschef, {unit}")
    for n in range(draft.rng.randint(1, 2)):
        draft.roles[f"analyst:{n}"] = _person(draft, "analyst", draft.rng.choice(ANALYST_TITLES))
    _person(draft, "it", "IT-chef")


def _owners(draft: Draft) -> list[str]:
    return [pid for role, pid in draft.roles.items() if role.startswith("owner:")]


def _analysts(draft: Draft) -> list[str]:
    return [pid for role, pid in draft.roles.items() if role.startswith("analyst:")]


def _stakeholders(draft: Draft) -> list[dict[str, Any]]:
    rng, org = draft.rng, draft.spec.organisation
    citizens = "Invånare" if org.kind == "region" else "Sökande privatpersoner"
    return [
        {"id": "sokande", "name": citizens, "category": "citizens", "size": rng.randrange(500, 40000, 100)},
        {"id": "foretag", "name": "Företag och föreningar", "category": "businesses", "size": rng.randrange(50, 3000, 10)},
        {"id": "handlaggare", "name": f"Handläggare inom {draft.subject}", "category": "own_organisation"},
        {"id": "organisationen", "name": f"{org.name} som budgetansvarig", "category": "own_organisation"},
        {"id": "it-avdelningen", "name": "IT-avdelningen", "category": "own_organisation"},
        {"id": "lansstyrelsen", "name": "Länsstyrelsen", "category": "other_public"},
        {"id": "samhallet", "name": "Samhället och miljön", "category": "society"},
    ]


def _goals(draft: Draft) -> list[dict[str, Any]]:
    owner = draft.roles["change_owner"]
    org = draft.spec.organisation.name
    goals: list[dict[str, Any]] = [
        {"id": "vision", "name": f"{org} – enkel att möta och klok med skattepengarna", "level": "vision"},
        {
            "id": "effektiv-verksamhet",
            "name": "En effektiv och hållbar verksamhet",
            "level": "organisational",
            "parent": "vision",
            "owner": owner,
        },
        {
            "id": "god-service",
            "name": "God service till invånare och företag",
            "level": "organisational",
            "parent": "vision",
            "owner": owner,
        },
    ]
    for category, (gid, name) in GOALS.items():
        parent = "god-service" if category == "quality" else "effektiv-verksamhet"
        goals.append({"id": gid, "name": name, "level": "effect", "parent": parent, "owner": owner})
    draft.ids.used.update(g["id"] for g in goals)
    return goals


def _target_value(template: IndicatorTemplate, base: float, worsen: bool, rng: random.Random) -> float:
    move = rng.uniform(*template.change)
    sign = 1 if template.direction == "increase" else -1
    if worsen:
        sign = -sign
    value = base * (1 + sign * move)
    if template.cap is not None:
        value = min(value, template.cap)
    return max(value, 0.0)


def _strictly_moved(template: IndicatorTemplate, base: float, target: float, worsen: bool) -> float:
    """Round the final target and make sure rounding left it on the required side of the baseline."""
    step = 10**-template.decimals
    target = number(target, template.decimals)
    better = (target > base) if template.direction == "increase" else (target < base)
    if better == worsen or target == base:
        up = (template.direction == "increase") != worsen
        target = number(base + (step if up else -step), template.decimals)
    return target


def planned(day: _dt.date, points: list[tuple[_dt.date, float]]) -> float:
    """Piecewise linear through the (date, value) points; flat before the first and after the last."""
    if day <= points[0][0]:
        return points[0][1]
    for (d0, v0), (d1, v1) in itertools.pairwise(points):
        if day <= d1:
            return v0 + (v1 - v0) * (day - d0).days / max((d1 - d0).days, 1)
    return points[-1][1]


def _measurement_dates(months: int) -> list[_dt.date]:
    return [add_months(LAST_MEASUREMENT, -k) for k in range(months - 1, -1, -1)]


def _measure(
    draft: Draft,
    template: IndicatorTemplate,
    base: float,
    targets: list[dict[str, Any]],
    start: _dt.date,
    tolerance: float | None,
) -> list[tuple[_dt.date, int | float]]:
    rng = draft.rng
    points = [(draft.baseline_date, base), (max(start, draft.baseline_date), base)]
    points += [(t["date"], t["value"]) for t in targets]
    achievement = rng.uniform(0.8, 1.2)
    spread = tolerance * 0.4 if tolerance else abs(targets[-1]["value"] - base) * 0.04
    values = []
    for day in _measurement_dates(draft.spec.months):
        value = base + achievement * (planned(day, points) - base) + rng.gauss(0, spread)
        if template.unit == "%":
            value = min(value, 100.0)
        values.append((day, number(max(value, 0.0), template.decimals)))
    return values


def _targets(draft: Draft, template: IndicatorTemplate, base: float, worsen: bool, start: _dt.date) -> list[dict[str, Any]]:
    rng = draft.rng
    span = rng.choice([29, 35, 41, 47])  # months from the realisation start to the final target
    final_date = add_months(start, span)
    if template.direction == "maintain":
        final = base
    else:
        final = _strictly_moved(template, base, _target_value(template, base, worsen, rng), worsen)
    targets = [{"date": final_date, "value": final}]
    if rng.random() < 0.5:
        middle = add_months(start, span // 2)
        if draft.baseline_date < middle < final_date:
            halfway = number(base + (final - base) * rng.uniform(0.45, 0.6), template.decimals)
            targets.insert(0, {"date": middle, "value": halfway})
    return targets


def _indicator(
    draft: Draft, template: IndicatorTemplate, benefit_id: str, worsen: bool, start: _dt.date, primary: bool
) -> dict[str, Any]:
    rng = draft.rng
    base = number(rng.uniform(template.low, template.high), template.decimals)
    tolerance = number(rng.uniform(*template.change), 1) if template.direction == "maintain" else None
    iid = draft.ids.take(f"{short_slug(template.name, 32)}-{benefit_id.rsplit('-', 1)[-1]}")
    targets = _targets(draft, template, base, worsen, start)
    indicator: dict[str, Any] = {"id": iid, "name": template.name, "unit": template.unit, "direction": template.direction}
    if tolerance is not None:
        indicator["tolerance"] = tolerance
    indicator |= {
        "method": template.method,
        "source": template.source,
        "frequency": "monthly",
        "measured_by": rng.choice(_analysts(draft)),
    }
    if primary:
        indicator["primary"] = True
    indicator["baseline"] = {"value": base, "date": draft.baseline_date, "source": _baseline_source(draft)}
    indicator["targets"] = targets
    measured = _measure(draft, template, base, targets, start, tolerance)
    _place_measurements(draft, indicator, template, measured)
    return indicator


def _baseline_source(draft: Draft) -> str:
    months = [
        "januari",
        "februari",
        "mars",
        "april",
        "maj",
        "juni",
        "juli",
        "augusti",
        "september",
        "oktober",
        "november",
        "december",
    ]
    return f"Nollmätning {months[draft.baseline_date.month - 1]} {draft.baseline_date.year}"


def _place_measurements(
    draft: Draft, indicator: dict[str, Any], template: IndicatorTemplate, measured: list[tuple[_dt.date, int | float]]
) -> None:
    if draft.spec.dialect is None:
        indicator["measurements"] = [{"date": day, "value": value} for day, value in measured]
        return
    for day, value in measured:
        note = "Semestermånad" if day.month == 7 else ""
        draft.rows.append((indicator["id"], day, value, template.source, note))


def _valuation(draft: Draft, kind: str | None, rng: random.Random) -> dict[str, Any] | None:
    hourly = draft.hourly_cost
    attribution = round(rng.uniform(0.6, 1.0), 2)
    if kind == "hours":
        return {"unit_value": 12 * hourly, "attribution": attribution}
    if kind == "minutes":
        return {"unit_value": round(hourly / 60, 2), "volume": rng.randrange(800, 6000, 50), "attribution": attribution}
    if kind == "calls":
        return {"unit_value": 12 * rng.randrange(40, 75, 5), "attribution": attribution}
    if kind == "per_month":
        return {"unit_value": 12, "attribution": attribution}
    if kind == "per_year":
        return {"unit_value": 1}
    return None


def _recipients(category: str, disbenefit: bool, rng: random.Random) -> list[Any]:
    if disbenefit:
        return ["it-avdelningen"] if category != "quality" else ["handlaggare"]
    if category == "quality":
        percent = rng.randrange(55, 90, 5)
        return [{"stakeholder": "sokande", "share": percent / 100}, {"stakeholder": "foretag", "share": (100 - percent) / 100}]
    if category == "environment":
        return ["samhallet"]
    if category == "financial":
        return ["organisationen"]
    return ["handlaggare"]


def _without_subject(name: str) -> str:
    """'Kortare handläggningstid för {s}' -> 'Kortare handläggningstid'."""
    words = name.replace("{s}", "").split()
    return " ".join(words[:-1] if words[-1] in {"för", "inom", "om", "av"} else words)


def _benefit(draft: Draft, number_: int, template: BenefitTemplate, disbenefit: bool) -> dict[str, Any]:
    rng = draft.rng
    name = template.name.format(s=draft.subject)
    bid = draft.ids.take(f"{short_slug(_without_subject(template.name), 32)}-{number_:02d}")
    start = first_of_next_month(draft.baseline_date, rng.randint(1, 6))
    end = _dt.date(max(start.year + 4, 2028), 12, 31)
    benefit: dict[str, Any] = {"id": bid, "name": name}
    if disbenefit:
        benefit["polarity"] = "disbenefit"
    owner = draft.roles["it"] if disbenefit else rng.choice(_owners(draft))
    benefit |= {
        "owner": owner,
        "recipients": _recipients(template.category, disbenefit, rng),
        "goals": [GOALS[template.category][0]],
        "category": template.category,
    }
    if template.category == "redeployment" and not disbenefit:
        benefit["alternative_use"] = rng.choice(
            [
                "Tiden läggs på tillsyn som i dag ligger efter.",
                "Handläggarna ger mer stöd i komplexa ärenden.",
                "Tiden används till uppsökande verksamhet.",
            ]
        )
    benefit["realisation"] = {"start": start, "end": end}
    benefit["confidence"] = rng.choice(["high", "medium", "medium", "low"])
    valuation = _valuation(draft, template.valuation, rng)
    if valuation is not None:
        benefit["valuation"] = valuation
    benefit["indicators"] = _indicators(draft, template, bid, disbenefit, start)
    return benefit


def _indicators(
    draft: Draft, template: BenefitTemplate, benefit_id: str, disbenefit: bool, start: _dt.date
) -> list[dict[str, Any]]:
    primary = template.indicator
    pool = list(template.related) if disbenefit else [t for t in SUPPORT_INDICATORS if t.unit != primary.unit or t.unit == "%"]
    extra = draft.rng.sample(pool, len(pool))
    chosen = [primary] + [extra[k % len(extra)] for k in range(draft.spec.indicators - 1)]
    return [_indicator(draft, t, benefit_id, disbenefit, start, primary=(k == 0)) for k, t in enumerate(chosen)]


def _pick_templates(draft: Draft) -> list[tuple[BenefitTemplate, bool]]:
    """A category mix in rotation; now and then a dis-benefit (never the first benefit)."""
    rng, picked = draft.rng, []
    offset = rng.randrange(len(CATEGORY_ROTATION))
    pools: dict[str, list[BenefitTemplate]] = {}
    for n in range(draft.spec.benefits):
        disbenefit = n > 0 and rng.random() < 0.15
        key = "disbenefit" if disbenefit else CATEGORY_ROTATION[(n + offset) % len(CATEGORY_ROTATION)]
        if not pools.get(key):
            candidates = DISBENEFITS if disbenefit else [b for b in BENEFITS if b.category == key]
            pools[key] = rng.sample(candidates, len(candidates))
        picked.append((pools[key].pop(), disbenefit))
    return picked


def _chain(draft: Draft, benefit_ids: list[str], initiative: tuple[str, str, str]) -> list[dict[str, Any]]:
    rng = draft.rng
    changes = rng.sample(CHANGES, min(len(CHANGES), max(1, min(3, len(benefit_ids)))))
    change_ids = [draft.ids.take(short_slug(name, 32)) for name in changes]
    leads: dict[str, list[str]] = {cid: [] for cid in change_ids}
    for n, bid in enumerate(benefit_ids):
        leads[change_ids[n % len(change_ids)]].append(bid)
    first = initiative[2].format(s=draft.subject)
    second = rng.choice(SECOND_INTERVENTIONS)
    nodes: list[dict[str, Any]] = [
        {
            "id": draft.ids.take("insats-" + initiative[1]),
            "type": "intervention",
            "name": first,
            "leads_to": change_ids,
            "owner": draft.roles["project_manager"],
        },
        {
            "id": draft.ids.take("insats-" + short_slug(second, 24)),
            "type": "intervention",
            "name": second,
            "leads_to": change_ids[:1],
            "owner": draft.roles["project_manager"],
        },
    ]
    nodes += [{"id": cid, "type": "change", "name": name, "leads_to": leads[cid]} for cid, name in zip(change_ids, changes)]
    return nodes


def _costs(draft: Draft, first_year: int, last_year: int) -> list[dict[str, Any]]:
    rng = draft.rng
    invest = rng.randrange(600_000, 3_000_000, 50_000)
    split = first_year + 1 <= last_year and rng.random() < 0.5
    investment = {first_year: invest // 2, first_year + 1: invest - invest // 2} if split else {first_year: invest}
    licence = rng.randrange(80_000, 400_000, 10_000)
    running = dict.fromkeys(range(first_year + 1, last_year + 1), licence)
    internal = rng.randrange(100, 600, 20) * draft.hourly_cost
    costs = [
        {
            "id": "infora",
            "name": "Upphandling, utveckling och införande",
            "kind": "investment",
            "category": "extern",
            "bearer": "IT-avdelningen",
            "amounts": investment,
        },
        {
            "id": "utbildning",
            "name": "Utbildning och projekttid i verksamheten",
            "kind": "investment",
            "category": "intern",
            "bearer": "Verksamheten",
            "amounts": {first_year: internal},
        },
    ]
    if running:
        costs.append(
            {
                "id": "licens-drift",
                "name": "Licens och drift",
                "kind": "running",
                "category": "extern",
                "bearer": "IT-avdelningen",
                "amounts": running,
            }
        )
    costs.append(
        {
            "id": "avveckling",
            "name": "Avveckling av det gamla systemet",
            "kind": "decommissioning",
            "category": "extern",
            "bearer": "IT-avdelningen",
            "amounts": {min(first_year + 2, last_year): rng.randrange(50_000, 300_000, 10_000)},
        }
    )
    draft.ids.used.update(c["id"] for c in costs)
    return costs


def _risks(draft: Draft, benefit_ids: list[str]) -> list[dict[str, Any]]:
    rng = draft.rng
    risks = []
    for description, mitigation in rng.sample(RISKS, rng.randint(1, 2)):
        affects = rng.sample(benefit_ids, min(len(benefit_ids), rng.randint(1, 3)))
        risks.append(
            {
                "id": draft.ids.take("risk-" + short_slug(description, 24)),
                "description": description,
                "affects": affects,
                "owner": draft.roles["change_owner"],
                "probability": rng.choice(["low", "medium", "high"]),
                "impact": rng.choice(["medium", "high"]),
                "mitigation": mitigation,
            }
        )
    return risks


def _plan_block(draft: Draft, plan_id: str, title: str, benefits: list[dict[str, Any]]) -> dict[str, Any]:
    rng, org = draft.rng, draft.spec.organisation
    period_start = first_of_next_month(draft.baseline_date, -rng.randint(2, 6))
    earliest = min(b["realisation"]["start"] for b in benefits)
    period_end = add_months(earliest, rng.randint(5, 11))
    approval_day = period_start + _dt.timedelta(days=rng.randint(10, 40))
    approvals = [{"by": draft.roles["change_owner"], "role": "change_owner", "date": approval_day}]
    approvals += [
        {"by": owner, "role": "benefit_owner", "date": approval_day}
        for owner in sorted({b["owner"] for b in benefits if b.get("polarity") != "disbenefit"})
    ]
    plan: dict[str, Any] = {
        "id": plan_id,
        "title": title,
        "organisation": org.name,
        "description": f"{title} gör handläggningen av {draft.subject} snabbare, enklare och billigare.",
        "phase": "follow_up" if period_end < LAST_MEASUREMENT and rng.random() < 0.3 else "realise",
        "change_owner": draft.roles["change_owner"],
        "project_manager": draft.roles["project_manager"],
        "period": {"start": period_start, "end": period_end},
        "approvals": approvals,
        "language": "sv",
    }
    if draft.spec.dialect is not None:
        plan["measurements_file"] = f"{plan_id}.measurements.csv"
    plan["tags"] = ["digitalisering", slug(draft.subject)]
    return plan


def build_plan(spec: PlanSpec) -> tuple[dict[str, Any], list[tuple[str, _dt.date, int | float, str, str]]]:
    """One plan as a mapping, plus its CSV measurement rows when it keeps them in a file."""
    rng = random.Random(f"plan:{spec.seed}:{spec.index}")
    subject = rng.choice(SUBJECTS[spec.organisation.kind])
    draft = Draft(rng, spec, subject, hourly_cost=rng.randrange(520, 760, 20))
    draft.baseline_date = add_months(LAST_MEASUREMENT, -spec.months)
    initiative = rng.choice(INITIATIVES)
    plan_id = f"{slug(subject)}-{initiative[1]}-{spec.index + 1:03d}"
    draft.ids.used.add(plan_id)
    _cast(draft)
    stakeholders = _stakeholders(draft)
    draft.ids.used.update(s["id"] for s in stakeholders)
    goals = _goals(draft)
    benefits = [_benefit(draft, n + 1, t, dis) for n, (t, dis) in enumerate(_pick_templates(draft))]
    benefit_ids = [b["id"] for b in benefits]
    chain = _chain(draft, benefit_ids, initiative)
    title = initiative[0].format(s=subject)
    plan = _plan_block(draft, plan_id, title[0].upper() + title[1:], benefits)
    first_year = plan["period"]["start"].year
    last_year = max(b["realisation"]["end"].year for b in benefits)
    document = {
        "nytta": 1,
        "plan": plan,
        "people": draft.people,
        "stakeholders": stakeholders,
        "goals": goals,
        "chain": chain,
        "benefits": benefits,
        "costs": _costs(draft, first_year, last_year),
        "calculation": {
            "base_year": first_year,
            "first_year": first_year,
            "last_year": last_year,
            "discount_rate": 0.03,
            "price_level_year": first_year,
        },
        "risks": _risks(draft, benefit_ids),
    }
    return document, draft.rows


# --- files ------------------------------------------------------------------------------


def plan_text(document: dict[str, Any], seed: int) -> str:
    header = [
        "# Syntetisk nyttorealiseringsplan för prestandamätning, format version 1.",
        f"# Organisation, personer och siffror är påhittade (seed {seed}).",
    ]
    body: list[str] = []
    for key, value in document.items():
        if body:
            body.append("")
        body += block({key: value})
    return "\n".join(header + body) + "\n"


def csv_text(rows: list[tuple[str, _dt.date, int | float, str, str]], dialect: str) -> str:
    """Measurement rows in the comma dialect, or Excel's semicolon dialect with decimal comma and BOM."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=dialect, lineterminator="\r\n" if dialect == SEMICOLON else "\n")
    writer.writerow(["indicator", "date", "value", "source", "note"])
    for indicator, day, value, source, note in rows:
        text = repr(value)
        writer.writerow([indicator, day.isoformat(), text.replace(".", ",") if dialect == SEMICOLON else text, source, note])
    return ("\ufeff" if dialect == SEMICOLON else "") + out.getvalue()


def uses_csv(index: int, share: float) -> bool:
    """Spread the CSV plans evenly: plan i uses CSV when floor((i+1)·share) steps up."""
    return int((index + 1) * share + 1e-9) > int(index * share + 1e-9)


def plan_specs(plans: int, benefits: int, indicators: int, months: int, csv_share: float, seed: int) -> list[PlanSpec]:
    orgs = organisations(min(plans, max(3, min(8, plans // 25))), seed)
    specs, csv_plans = [], 0
    for index in range(plans):
        dialect = None
        if uses_csv(index, csv_share):
            dialect = COMMA if csv_plans % 2 == 0 else SEMICOLON
            csv_plans += 1
        specs.append(PlanSpec(index, orgs[index % len(orgs)], benefits, indicators, months, dialect, seed))
    return specs


def write_plan(out_dir: Path, spec: PlanSpec) -> Path:
    document, rows = build_plan(spec)
    folder = out_dir / spec.organisation.folder
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{document['plan']['id']}.yaml"
    path.write_text(plan_text(document, spec.seed), encoding="utf-8")
    if spec.dialect is not None:
        (folder / document["plan"]["measurements_file"]).write_bytes(csv_text(rows, spec.dialect).encode("utf-8"))
    return path


def generate(
    out_dir: Path, plans: int, benefits: int = 10, indicators: int = 2, months: int = 36, csv_share: float = 0.5, seed: int = 1
) -> list[Path]:
    """Write ``plans`` plans under ``out_dir``/<organisation>/ and return the plan files."""
    if plans < 1 or benefits < 1 or indicators < 1 or months < 1:
        raise ValueError("plans, benefits, indicators and months must be at least 1")
    if not 0.0 <= csv_share <= 1.0:
        raise ValueError("csv_share must lie between 0 and 1")
    out_dir = Path(out_dir)
    specs = plan_specs(plans, benefits, indicators, months, csv_share, seed)
    return [write_plan(out_dir, spec) for spec in specs]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--plans", type=int, required=True)
    parser.add_argument("--benefits", type=int, default=10)
    parser.add_argument("--indicators", type=int, default=2)
    parser.add_argument("--months", type=int, default=36)
    parser.add_argument("--csv-share", type=float, default=0.5)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    try:
        paths = generate(args.out_dir, args.plans, args.benefits, args.indicators, args.months, args.csv_share, args.seed)
    except ValueError as exc:
        parser.error(str(exc))
    folders = len({p.parent for p in paths})
    print(f"wrote {len(paths)} plans in {folders} organisation folders under {args.out_dir}")


if __name__ == "__main__":
    main()
