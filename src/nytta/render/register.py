"""The benefit register (nyttoregister): one row per indicator, and its CSV and JSON forms.

This module owns the register's columns (machine key, Swedish and English header, kind),
the rows built from loaded plans on an as-of date, the measurement rows of the second
XLSX sheet, how a typed cell reads for people in either language, and the two text
writers: Swedish CSV (``;``, decimal comma, UTF-8 with BOM, as Swedish Excel opens it)
and English CSV (``,``, decimal point), plus JSON with English machine keys and codes.

Rows keep typed values — float, date, str, None, and tuples for goals and recipients —
so that each writer formats them itself. Coded values (polarity, category, direction,
status, measurement kind) stay as the format's English codes in the rows and in JSON,
and read as words of the chosen language in CSV and XLSX. A benefit's planned and
realised value to date stand on the row of the indicator that carries its valuation, so
a column sum gives the plan's totals.
"""

from __future__ import annotations

import datetime as _dt
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from nytta.load.plan import PlanDocument
from nytta.model.plan import Benefit, Plan
from nytta.render.numbers import percent
from nytta.render.registry import RenderOptions
from nytta.render.report.labels import CATEGORY, DIRECTION, STATUS, TEXT
from nytta.render.spreadsheet import sheet, written
from nytta.render.spreadsheet import text as text_cell
from nytta.results.status import BenefitStatus, DatedValue, IndicatorStatus, PlanStatus

Share = tuple[str, float | None]
Cell = float | int | str | _dt.date | tuple[str, ...] | tuple[Share, ...] | None
Row = dict[str, Cell]

POLARITY = {lang: {"benefit": TEXT[lang]["benefit"], "disbenefit": TEXT[lang]["disbenefit"]} for lang in TEXT}
KIND = {"sv": {"actual": "utfall", "forecast": "prognos"}, "en": {"actual": "actual", "forecast": "forecast"}}


@dataclass(frozen=True, slots=True)
class Column:
    """One column: its machine key, its headers, and how its cells read.

    ``kind`` is text, code (translated through ``words``), number, money, share (a
    fraction shown as a percentage), date, names (a list) or shares (names with shares).
    """

    key: str
    sv: str
    en: str
    kind: str = "text"
    words: dict[str, dict[str, str]] | None = None

    def header(self, lang: str) -> str:
        return self.sv if lang == "sv" else self.en


COLUMNS: tuple[Column, ...] = (
    Column("plan_id", "Plan-id", "Plan id"),
    Column("plan", "Plan", "Plan"),
    Column("benefit_id", "Nytta-id", "Benefit id"),
    Column("benefit", "Nytta", "Benefit"),
    Column("polarity", "Nytta/onytta", "Polarity", "code", POLARITY),
    Column("category", "Kategori", "Category", "code", CATEGORY),
    Column("owner", "Nyttoägare", "Benefit owner"),
    Column("recipients", "Nyttomottagare", "Recipients", "shares"),
    Column("goals", "Mål", "Goals", "names"),
    Column("indicator_id", "Nyttoindikator-id", "Indicator id"),
    Column("indicator", "Nyttoindikator", "Indicator"),
    Column("unit", "Enhet", "Unit"),
    Column("direction", "Riktning", "Direction", "code", DIRECTION),
    Column("baseline", "Nollmätning", "Baseline", "number"),
    Column("baseline_date", "Nollmätning datum", "Baseline date", "date"),
    Column("target", "Målvärde", "Target", "number"),
    Column("target_date", "Målvärde datum", "Target date", "date"),
    Column("latest", "Senaste mätning", "Latest measurement", "number"),
    Column("latest_date", "Senaste mätning datum", "Latest measurement date", "date"),
    Column("status", "Status", "Status", "code", STATUS),
    Column("progress", "Andel av målet", "Share of target", "share"),
    Column("next_due", "Nästa mätning", "Next measurement", "date"),
    Column("planned_to_date", "Planerat värde hittills", "Planned value to date", "money"),
    Column("realised_to_date", "Realiserat värde hittills", "Realised value to date", "money"),
    Column("currency", "Valuta", "Currency"),
)

MEASUREMENT_COLUMNS: tuple[Column, ...] = (
    Column("plan_id", "Plan", "Plan"),
    Column("indicator_id", "Nyttoindikator", "Indicator"),
    Column("date", "Datum", "Date", "date"),
    Column("value", "Värde", "Value", "number"),
    Column("kind", "Typ", "Kind", "code", KIND),
    Column("source", "Källa", "Source"),
    Column("note", "Anteckning", "Note"),
)


@dataclass
class Register:
    """The register of one or more plans on one as-of date, and their measurements."""

    as_of: _dt.date
    rows: list[Row] = field(default_factory=list)
    measurements: list[Row] = field(default_factory=list)

    def add(self, doc: PlanDocument, status: PlanStatus, values_to_date: Mapping[str, tuple[float, float]]) -> None:
        """Add a plan's rows and measurements, given its status and each valued benefit's
        (planned, realised) value to date."""
        self.rows.extend(register_rows(doc, status, values_to_date))
        self.measurements.extend(measurement_rows(doc))


@dataclass(frozen=True)
class RegisterExport:
    """A register to write, and the language of its headers and words."""

    register: Register
    lang: str


def register_rows(doc: PlanDocument, status: PlanStatus, values: Mapping[str, tuple[float, float]]) -> list[Row]:
    """One row per indicator of the plan (one row for a benefit without indicators)."""
    plan = doc.plan
    if plan is None:
        raise ValueError(f"{doc.file}: the plan could not be loaded, so it has no register")
    names = _Names(plan)
    rows: list[Row] = []
    for benefit, benefit_status in zip(plan.benefits, status.benefits, strict=True):
        head = _benefit_cells(plan, names, benefit, benefit_status)
        indicators: Sequence[IndicatorStatus | None] = benefit_status.indicators or (None,)
        carrier = benefit.valuation_indicator
        for indicator in indicators:
            row = {**head, **_indicator_cells(indicator, benefit_status)}
            carries = indicator is not None and carrier is not None and indicator.id == carrier.id
            planned, realised = values.get(benefit.id, (None, None)) if carries else (None, None)
            row.update(
                planned_to_date=planned, realised_to_date=realised, currency=plan.plan.currency if planned is not None else None
            )
            rows.append(row)
    return rows


def measurement_rows(doc: PlanDocument) -> list[Row]:
    """Every measurement of the plan, inline and from CSV, by indicator (plan order) and date."""
    if doc.plan is None:
        return []
    order = {i.id: n for n, i in enumerate(i for b in doc.plan.benefits for i in b.indicators)}
    ordered = sorted(doc.observations, key=lambda o: (order.get(o.indicator, len(order)), o.indicator, o.date))
    plan_id = doc.plan.plan.id
    return [
        {
            "plan_id": plan_id,
            "indicator_id": o.indicator,
            "date": o.date,
            "value": o.value,
            "kind": o.kind.value,
            "source": o.source,
            "note": o.note,
        }
        for o in ordered
    ]


class _Names:
    """Display names by id of a plan's people, stakeholders and goals (looked up once per plan)."""

    def __init__(self, plan: Plan) -> None:
        self.people = {p.id: p.name for p in plan.people}
        self.stakeholders = {s.id: s.name for s in plan.stakeholders}
        self.goals = {g.id: g.name for g in plan.goals}


def _benefit_cells(plan: Plan, names: _Names, benefit: Benefit, status: BenefitStatus) -> Row:
    people, stakeholders, goals = names.people, names.stakeholders, names.goals
    return {
        "plan_id": plan.plan.id,
        "plan": plan.plan.title,
        "benefit_id": benefit.id,
        "benefit": benefit.name,
        "polarity": benefit.polarity.value,
        "category": benefit.category.value if benefit.category is not None else None,
        "owner": people.get(str(benefit.owner), str(benefit.owner)) if benefit.owner is not None else None,
        "recipients": tuple((stakeholders.get(str(r.stakeholder), str(r.stakeholder)), r.share) for r in benefit.recipients),
        "goals": tuple(goals.get(str(g), str(g)) for g in benefit.goals),
    }


def _indicator_cells(indicator: IndicatorStatus | None, benefit: BenefitStatus) -> Row:
    if indicator is None:
        return {"status": benefit.status.value}
    baseline, target, latest = (_pair(p) for p in (indicator.baseline, indicator.target, indicator.latest))
    return {
        "indicator_id": indicator.id,
        "indicator": indicator.name,
        "unit": indicator.unit,
        "direction": indicator.direction.value,
        "baseline": baseline[0],
        "baseline_date": baseline[1],
        "target": target[0],
        "target_date": target[1],
        "latest": latest[0],
        "latest_date": latest[1],
        "status": indicator.status.value,
        "progress": indicator.progress,
        "next_due": indicator.next_due,
    }


def _pair(point: DatedValue | None) -> tuple[float | str | None, _dt.date | None]:
    return (point.value, point.date) if point is not None else (None, None)


# -- how cells read -------------------------------------------------------------------


def display(column: Column, value: Cell, lang: str) -> float | int | str | _dt.date | None:
    """A cell as people read it in ``lang``: codes as words, lists joined; numbers and dates stay typed."""
    if value is None or value == ():
        return None
    if column.kind == "code" and column.words is not None:
        return column.words[lang].get(str(value), str(value))
    if isinstance(value, tuple):
        if column.kind == "shares":
            return "; ".join(_share(item, lang) for item in value if isinstance(item, tuple))
        return "; ".join(str(v) for v in value)
    return value


def _share(item: Share, lang: str) -> str:
    name, share = item
    return name if share is None else f"{name} ({percent(share, lang)})"


def machine(value: Cell) -> Any:
    """A cell for JSON: dates as ISO text, recipients as objects, lists as lists."""
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [{"name": v[0], "share": v[1]} if isinstance(v, tuple) else v for v in value]
    return value


# -- text writers ---------------------------------------------------------------------


def render_register_csv(register: Register, lang: str) -> str:
    """Swedish: ``;``, decimal comma, with BOM. English: ``,``, decimal point, no BOM (see ``spreadsheet``)."""
    header = [c.header(lang) for c in COLUMNS]
    return sheet([header, *([_csv_text(display(c, row.get(c.key), lang), lang) for c in COLUMNS] for row in register.rows)], lang)


def _csv_text(value: float | str | _dt.date | None, lang: str) -> str:
    if value is None:
        return ""
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, (int, float)):
        return written(float(value), lang)
    return text_cell(value)


def register_json(register: Register) -> dict[str, Any]:
    """``{"as_of", "columns", "rows"}`` with English machine keys, ISO dates and JSON numbers."""
    return {
        "as_of": register.as_of.isoformat(),
        "columns": [c.key for c in COLUMNS],
        "rows": [{c.key: machine(row.get(c.key)) for c in COLUMNS} for row in register.rows],
    }


def render_register_json(register: Register) -> str:
    return json.dumps(register_json(register), ensure_ascii=False, indent=2) + "\n"


def export_csv(export: RegisterExport, options: RenderOptions) -> str:
    return render_register_csv(export.register, export.lang)


def export_json(export: RegisterExport, options: RenderOptions) -> str:
    return render_register_json(export.register)


def cells(columns: Iterable[Column], row: Row, lang: str) -> list[float | int | str | _dt.date | None]:
    """The row's cells in column order, as people read them in ``lang``."""
    return [display(c, row.get(c.key), lang) for c in columns]
