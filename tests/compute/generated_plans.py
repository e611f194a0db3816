"""Valid plans drawn by hypothesis, for the metamorphic properties of status and calc.

A drawn plan is plain data (the YAML structure as dicts and lists) with an as-of date T;
:func:`materialise` writes it as ``plan.yaml`` (its measurements inline or, for some plans,
in a measurements CSV) and loads it as ``nytta`` would. The plans pass ``nytta check`` at T
without errors (``tests/compute/test_properties.py`` holds the generator to that): owners,
recipients, goals, complete indicators, a baseline dated on or after the first calculation
year, targets in strictly increasing date order that improve on the baseline (a
dis-benefit's tolerate harm, a maintain indicator's stay within its tolerance), actual
measurements after the baseline date and on or before T, valuations where the category
asks for one, costs inside the calculation's years. Values are written with one or two
decimals (20.2, 42.75), so flat stretches at a decimal baseline, the residue of bug 2, are
common; an intermediate target equal to the baseline and a zero baseline written as -0.0
are drawn on purpose.
"""

from __future__ import annotations

import copy
import csv
import datetime as _dt
import io
import json
import math
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from nytta.load.plan import PlanDocument, load_plan

#: The Hypothesis settings of every property test: ``NYTTA_PROPERTIES=long`` for 2 000 examples
#: each, a number for that many, else 25 (CI).
_QUIET = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]
settings.register_profile("properties-ci", max_examples=25, deadline=None, suppress_health_check=_QUIET)
settings.register_profile("properties-long", max_examples=2000, deadline=None, suppress_health_check=_QUIET)


def profile() -> settings:
    """The profile ``NYTTA_PROPERTIES`` names (``ci`` or ``long``), or ``ci`` with its number of examples."""
    chosen = os.environ.get("NYTTA_PROPERTIES", "ci")
    if chosen.isdigit():
        return settings(settings.get_profile("properties-ci"), max_examples=int(chosen))
    return settings.get_profile(f"properties-{chosen}")


PROPERTY = settings(profile())

Data = dict[str, Any]
DAY = _dt.timedelta(days=1)
#: A unit value, volume and attribution as a plan writes them.
UNIT_VALUES = st.one_of(st.integers(1, 2_000_000).map(lambda n: n / 10), st.sampled_from([1, 600, 7200, 14.5, 1e6]))
ATTRIBUTIONS = st.sampled_from([1, 1.0, 0.9, 0.8, 0.5, 0.33, 0.25, 0.05])
TEXT_VALUES = ("låg", "medel", "hög", "oförändrad")


@dataclass(frozen=True)
class Drawn:
    """A drawn plan: its data, the as-of date it is valid at, and where its measurements go."""

    data: Data
    as_of: _dt.date
    csv: bool

    def copy(self) -> Drawn:
        return Drawn(copy.deepcopy(self.data), self.as_of, self.csv)

    def indicators(self) -> list[Data]:
        return [i for b in self.data["benefits"] for i in b["indicators"]]


def decimal(draw: st.DrawFn, low: float, high: float) -> float:
    """A value between ``low`` and ``high`` with at most two decimals (never an exponent)."""
    scale = draw(st.sampled_from([1, 10, 100]))
    return round(draw(st.integers(math.ceil(low * scale), math.floor(high * scale))) / scale, 2)


@st.composite
def plans(draw: st.DrawFn) -> Drawn:
    """A valid plan and its as-of date."""
    first = draw(st.integers(2021, 2024))
    last = first + draw(st.integers(0, 6))
    as_of = _dt.date(first, 1, 1) + draw(st.integers(0, (last - first + 2) * 365)) * DAY
    count = draw(st.integers(1, 3))
    benefits = [draw(benefit_data(f"b{n}", first, as_of)) for n in range(count)]
    data = {
        "nytta": 1,
        "plan": {
            "id": "p",
            "title": "Plan",
            "phase": "realise",
            "change_owner": "karin",
            "project_manager": "olle",
            "approvals": [{"by": "karin", "role": "change_owner", "date": _dt.date(first - 1, 12, 1)}],
        },
        "people": [{"id": p, "name": p.title()} for p in ("anna", "karin", "olle")],
        "stakeholders": [{"id": "s", "name": "S", "category": "citizens"}],
        "goals": [{"id": "g", "name": "G"}],
        "benefits": benefits,
        "costs": draw(st.lists(cost_data(first, last), max_size=3)),
        "calculation": {
            "base_year": draw(st.integers(first, last)),
            "first_year": first,
            "last_year": last,
            "discount_rate": draw(
                st.one_of(st.sampled_from([0, 0.03, 0.035, 0.2]), st.integers(0, 2000).map(lambda n: n / 10_000))
            ),
        },
    }
    for index, cost in enumerate(data["costs"]):
        cost["id"] = f"c{index}"
    return Drawn(data, as_of, draw(st.booleans()))


@st.composite
def cost_data(draw: st.DrawFn, first: int, last: int) -> Data:
    years = draw(st.lists(st.integers(first, last), min_size=1, max_size=4, unique=True))
    amounts = {year: decimal(draw, 0, 1_000_000) for year in years}
    kind = draw(st.sampled_from(["investment", "running", "decommissioning"]))
    return {"id": "c", "name": "C", "kind": kind, "amounts": amounts}


@st.composite
def benefit_data(draw: st.DrawFn, ident: str, first: int, as_of: _dt.date) -> Data:
    polarity = draw(st.sampled_from(["benefit", "benefit", "benefit", "disbenefit"]))
    category = draw(st.sampled_from(["financial", "redeployment", "quality", "environment", None]))
    data: Data = {"id": ident, "name": "B", "owner": "anna", "recipients": ["s"], "goals": ["g"], "polarity": polarity}
    if category is not None:
        data["category"] = category
    if category == "redeployment":
        data["alternative_use"] = "Annat arbete"
    if category in ("financial", "redeployment") or draw(st.booleans()):
        data["valuation"] = valuation_data(draw)
    count = draw(st.integers(1, 2))
    data["indicators"] = [draw(indicator_data(f"{ident}-i{n}", polarity, first, as_of)) for n in range(count)]
    if count > 1 and draw(st.booleans()):
        data["indicators"][draw(st.integers(0, count - 1))]["primary"] = True
    window = realisation_data(draw, min(i["baseline"]["date"] for i in data["indicators"]))
    if window is not None:
        data["realisation"] = window
    return data


def valuation_data(draw: st.DrawFn) -> Data:
    valuation: Data = {"unit_value": draw(UNIT_VALUES)}
    if draw(st.booleans()):
        valuation["volume"] = draw(st.sampled_from([1, 4, 12, 0.5]))
    if draw(st.booleans()):
        valuation["attribution"] = draw(ATTRIBUTIONS)
    return valuation


def realisation_data(draw: st.DrawFn, baseline: _dt.date) -> Data | None:
    """None, a start only, or a start and an end on or after it; the start may lie before
    the baseline, between it and the first target, or after that (a date-order warning)."""
    shape = draw(st.sampled_from(["none", "start", "window", "window"]))
    if shape == "none":
        return None
    start = baseline + draw(st.integers(-120, 700)) * DAY
    if shape == "start":
        return {"start": start}
    return {"start": start, "end": start + draw(st.integers(0, 1800)) * DAY}


@st.composite
def indicator_data(draw: st.DrawFn, ident: str, polarity: str, first: int, as_of: _dt.date) -> Data:
    direction = draw(st.sampled_from(["increase", "decrease", "maintain"]))
    qualitative = draw(st.integers(0, 6)) == 0
    base_date = _dt.date(first, 1, 1) + draw(st.integers(0, 700)) * DAY
    base = decimal(draw, 0, 5000)
    data: Data = {"id": ident, "name": "I", "unit": "st", "direction": direction}
    data |= {"method": "M", "source": "S", "measured_by": "anna"}
    data |= schedule_data(draw, base_date)
    if qualitative:
        data["kind"] = "qualitative"
    if direction == "maintain":
        data["tolerance"] = decimal(draw, 0, 10)
    negative_zero = base == 0 and draw(st.booleans())
    data["baseline"] = {"value": -0.0 if negative_zero else base, "date": base_date}
    data["targets"] = targets_data(draw, base, base_date, direction, polarity, data.get("tolerance", 0))
    data["measurements"] = measurements_data(draw, data, as_of)
    if qualitative and draw(st.booleans()):
        written(data, draw)
    return data


def schedule_data(draw: st.DrawFn, base_date: _dt.date) -> Data:
    frequency = draw(st.sampled_from(["monthly", "quarterly", "half_yearly", "yearly", None]))
    schedule: Data = {} if frequency is None else {"frequency": frequency}
    if frequency is None or draw(st.booleans()):
        offsets = draw(st.lists(st.integers(30, 1500), min_size=1, max_size=3, unique=True))
        schedule["follow_up_dates"] = sorted(base_date + n * DAY for n in offsets)
    return schedule


def targets_data(
    draw: st.DrawFn, base: float, base_date: _dt.date, direction: str, polarity: str, tolerance: float
) -> list[Data]:
    """Targets in strictly increasing date order after the baseline; the final one improves on
    the baseline (for a dis-benefit: gives way), or stays within the tolerance for maintain."""
    offsets = draw(st.lists(st.integers(1, 900), min_size=1, max_size=3, unique=True))
    dates = [base_date + n * DAY for n in sorted(offsets)]
    sign = {"increase": 1, "decrease": -1, "maintain": 0}[direction] * (1 if polarity == "benefit" else -1)
    # a maintain target keeps clear of the tolerance's edge: target-direction compares in floats
    final = (
        round(base + sign * decimal(draw, 0.01, 3000), 2) if sign else round(base + decimal(draw, -tolerance, tolerance) / 2, 2)
    )
    values = [draw(st.sampled_from([base, final, round((base + final) / 2, 2)])) for _ in dates[:-1]]
    return [{"date": day, "value": value} for day, value in zip(dates, [*values, final], strict=True)]


def measurements_data(draw: st.DrawFn, indicator: Data, as_of: _dt.date) -> list[Data]:
    """Actual measurements after the baseline date and on or before ``as_of`` (distinct dates),
    now and then one on the baseline date equal to the baseline, and forecasts at any date."""
    base = indicator["baseline"]
    span = (as_of - base["date"]).days
    offsets = draw(st.lists(st.integers(1, span), max_size=5, unique=True)) if span >= 1 else []
    final = indicator["targets"][-1]["value"]
    rows = [{"date": base["date"] + n * DAY, "value": near(draw, base["value"], final)} for n in offsets]
    if base["date"] <= as_of and draw(st.integers(0, 4)) == 0:
        rows.append({"date": base["date"], "value": base["value"]})
    for _ in range(draw(st.integers(0, 2))):
        day = base["date"] + draw(st.integers(1, 1500)) * DAY
        rows.append({"date": day, "value": near(draw, base["value"], final), "kind": "forecast"})
    return rows


def near(draw: st.DrawFn, base: float, final: float) -> float:
    """A measured value around the way from ``base`` to ``final`` (now and then the baseline itself)."""
    if draw(st.integers(0, 5)) == 0:
        return base
    return round(base + (final - base) * draw(st.integers(-50, 150)) / 100, 2)


def written(indicator: Data, draw: st.DrawFn) -> None:
    """Make a qualitative indicator's values words instead of numbers."""
    indicator["baseline"]["value"] = draw(st.sampled_from(TEXT_VALUES))
    for item in [*indicator["targets"], *indicator["measurements"]]:
        if item["date"] == indicator["baseline"]["date"]:
            item["value"] = indicator["baseline"]["value"]
        else:
            item["value"] = draw(st.sampled_from(TEXT_VALUES))


# -- writing and loading -----------------------------------------------------------------


def materialise(drawn: Drawn, folder: Path) -> PlanDocument:
    """Write the plan (and its measurements CSV) into ``folder`` and load it."""
    data = copy.deepcopy(drawn.data)
    rows: list[list[str]] = []
    if drawn.csv:
        data["plan"]["measurements_file"] = "plan.measurements.csv"
        for indicator in (i for b in data["benefits"] for i in b["indicators"]):
            rows += [
                [indicator["id"], m["date"].isoformat(), scalar(m["value"]), m.get("kind", "")]
                for m in indicator.pop("measurements")
            ]
        (folder / "plan.measurements.csv").write_text(csv_text(rows), encoding="utf-8")
    (folder / "plan.yaml").write_text(yaml_text(data) + "\n", encoding="utf-8")
    doc = load_plan(folder / "plan.yaml", "plan.yaml")
    assert doc is not None and doc.plan is not None, doc and doc.diagnostics
    return doc


def csv_text(rows: list[list[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["indicator", "date", "value", "kind"])
    writer.writerows(rows)
    return out.getvalue()


def yaml_text(value: Any) -> str:
    """``value`` as YAML in flow style: JSON for text, plain dates and numbers."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{yaml_text(k) if not isinstance(k, str) else k}: {yaml_text(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(yaml_text(v) for v in value) + "]"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    return scalar(value)


def scalar(value: Any) -> str:
    """A date, number or boolean as YAML writes it plainly; text as it is (for the CSV)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (_dt.date, str)):
        return value.isoformat() if isinstance(value, _dt.date) else value
    return repr(value)


# -- estimates as ranges (issue 16) ------------------------------------------------------
#
# ``ranged_plans`` draws a plan from ``plans`` (so everything above holds) and then writes
# some of its estimates as ranges {low, likely, high} around the number drawn (its likely
# value; the keys now and then the Swedish lägst/troligt/högst), some unit values as an
# hourly cost {monthly_salary: …}, and recipients from several stakeholders of several
# categories with shares (summing to at most 1) or without. ``plans`` itself draws as before.

#: The keys of a range: English, and Swedish.
RANGE_KEYS = (("low", "likely", "high"), ("lägst", "troligt", "högst"))
#: The stakeholders of a ranged plan, by category (two of one category, to be summed).
STAKEHOLDERS = (
    ("s", "citizens"),
    ("handlaggare", "own_organisation"),
    ("ledning", "own_organisation"),
    ("foretag", "businesses"),
    ("region", "other_public"),
)


@st.composite
def ranged_plans(draw: st.DrawFn, *, disbenefits: bool = True, cost_ranges: bool = True) -> Drawn:
    """A plan of ``plans`` with some estimates written as ranges. Without ``disbenefits`` its
    dis-benefits are left out (and it has at least one benefit); without ``cost_ranges`` every
    cost amount stays a number."""
    drawn = draw(plans())
    data = drawn.data
    if not disbenefits:
        first = data["calculation"]["first_year"]
        data["benefits"] = [b for b in data["benefits"] if _is_benefit(b)] or [
            draw(benefit_data("b0", first, drawn.as_of).filter(_is_benefit))
        ]
    data["stakeholders"] = [{"id": ident, "name": ident.title(), "category": category} for ident, category in STAKEHOLDERS]
    for benefit in data["benefits"]:
        benefit["recipients"] = recipients_data(draw)
        if "valuation" in benefit:
            ranged_valuation(draw, benefit["valuation"])
    if cost_ranges:
        for cost in data["costs"]:
            cost["amounts"] = {year: maybe_range(draw, amount, 0, 2 * amount) for year, amount in cost["amounts"].items()}
    block = data["calculation"]
    if draw(st.booleans()):
        block["hours_per_fte"] = draw(st.sampled_from([1700, 1600, 1720.5, 800]))
    if draw(st.booleans()):
        block["employer_contributions"] = draw(st.sampled_from([0, 0.54, 0.5, 0.3142]))
    return drawn


def _is_benefit(benefit: Data) -> bool:
    return benefit["polarity"] == "benefit"


def recipients_data(draw: st.DrawFn) -> list[Any]:
    """Some of the stakeholders (none now and then: a missing-recipient error, and the value is
    unassigned), each with a share or without; the shares in hundredths, summing to at most 1."""
    if draw(st.integers(0, 5)) == 3:  # (hypothesis draws 0 more often than 1 in 6)
        return []
    chosen = draw(st.lists(st.sampled_from([ident for ident, _ in STAKEHOLDERS]), min_size=1, max_size=4, unique=True))
    left = 100
    recipients: list[Any] = []
    for ident in chosen:
        if draw(st.booleans()):
            share = draw(st.integers(0, left))
            left -= share
            recipients.append({"stakeholder": ident, "share": share / 100})
        else:
            recipients.append(ident)
    return recipients


def ranged_valuation(draw: st.DrawFn, valuation: Data) -> None:
    """Write some of the valuation's estimates as ranges around their numbers (unit value and
    volume at least 0, attribution within 0–1), or its unit value as an hourly cost."""
    unit_value = valuation["unit_value"]
    shape = draw(st.sampled_from(["number", "range", "range", "salary", "salary range"]))
    if shape.startswith("salary"):
        salary = decimal(draw, 15_000, 90_000)
        valuation["unit_value"] = {"monthly_salary": maybe_range(draw, salary, 0, 2 * salary, always=shape == "salary range")}
    elif shape == "range":
        valuation["unit_value"] = maybe_range(draw, unit_value, 0, 2 * unit_value, always=True)
    volume = valuation.get("volume", 1)
    if draw(st.booleans()):
        valuation["volume"] = maybe_range(draw, volume, 0, 2 * volume, always=True)
    attribution = valuation.get("attribution", 1)
    if draw(st.booleans()):
        valuation["attribution"] = maybe_range(draw, attribution, 0, 1 - attribution, always=True)


def maybe_range(draw: st.DrawFn, likely: float, lowest: float, above: float, *, always: bool = False) -> Any:
    """``likely`` as it is, or (always when ``always``) a range {low, likely, high} with low
    between ``lowest`` and ``likely`` and high between ``likely`` and ``likely + above``, each
    with at most two decimals."""
    if not always and draw(st.booleans()):
        return likely
    low = round(likely - hundredths(draw, likely - lowest), 2)
    high = round(likely + hundredths(draw, above), 2)
    keys = draw(st.sampled_from(RANGE_KEYS))
    return dict(zip(keys, (low, likely, high), strict=True))


def hundredths(draw: st.DrawFn, most: float) -> float:
    """A number of hundredths from 0 to ``most`` (0 when ``most`` is not positive)."""
    return draw(st.integers(0, max(math.floor(most * 100), 0))) / 100


def likely_numbers(drawn: Drawn) -> Drawn:
    """The plan with each range replaced by its likely number."""
    return estimates_at(drawn, "likely")


#: An input of the nyttokalkyl as its sensitivity rows name it (format §6): ("valuation",
#: benefit id, unit_value | monthly_salary | volume | attribution) or ("cost", cost id, "amounts").
Input = tuple[str, str, str]


def estimates_at(drawn: Drawn, which: str, only: Input | None = None) -> Drawn:
    """The plan with each range replaced by its ``which`` number (low, likely or high); with
    ``only``, that input's ranges only, the others by their likely numbers."""
    data = copy.deepcopy(drawn.data)

    def pick(value: Any, key: Input) -> Any:
        if isinstance(value, dict) and "monthly_salary" in value:
            return {"monthly_salary": pick(value["monthly_salary"], (key[0], key[1], "monthly_salary"))}
        for keys in RANGE_KEYS:
            if isinstance(value, dict) and set(value) == set(keys):
                return value[keys[("low", "likely", "high").index(which if only in (None, key) else "likely")]]
        return value

    for benefit in data["benefits"]:
        valuation = benefit.get("valuation", {})
        for name in ("unit_value", "volume", "attribution"):
            if name in valuation:
                valuation[name] = pick(valuation[name], ("valuation", benefit["id"], name))
    for cost in data["costs"]:
        cost["amounts"] = {year: pick(amount, ("cost", cost["id"], "amounts")) for year, amount in cost["amounts"].items()}
    return Drawn(data, drawn.as_of, drawn.csv)


def ranged_inputs(drawn: Drawn) -> list[Input]:
    """The inputs of the plan written as a range, in plan order: the valued benefits' unit
    value (or monthly salary), volume and attribution, then the costs with a ranged amount."""

    def ranged(value: Any) -> bool:
        return isinstance(value, dict) and any(set(value) == set(keys) for keys in RANGE_KEYS)

    inputs: list[Input] = []
    for benefit in drawn.data["benefits"]:
        valuation = benefit.get("valuation", {})
        unit_value = valuation.get("unit_value")
        if isinstance(unit_value, dict) and "monthly_salary" in unit_value:
            valuation = valuation | {"monthly_salary": unit_value["monthly_salary"], "unit_value": None}
        names = ("unit_value", "monthly_salary", "volume", "attribution")
        inputs += [("valuation", benefit["id"], n) for n in names if ranged(valuation.get(n))]
    inputs += [("cost", c["id"], "amounts") for c in drawn.data["costs"] if any(ranged(a) for a in c["amounts"].values())]
    return inputs


def input_values(drawn: Drawn, key: Input) -> tuple[float, float, float]:
    """The low, likely and high value of one input: a valuation field's numbers (a monthly
    salary's for ``monthly_salary``), or the sums of a cost's amounts over its years."""
    kind, ident, name = key
    if kind == "cost":
        alone = Drawn({"benefits": [], "costs": [c for c in drawn.data["costs"] if c["id"] == ident]}, drawn.as_of, drawn.csv)
        low, likely, high = (
            math.fsum(estimates_at(alone, which).data["costs"][0]["amounts"].values()) for which in ("low", "likely", "high")
        )
        return low, likely, high
    valuation = next(b for b in drawn.data["benefits"] if b["id"] == ident)["valuation"]
    value = valuation["unit_value"]["monthly_salary"] if name == "monthly_salary" else valuation[name]
    for keys in RANGE_KEYS:
        if set(value) == set(keys):
            return value[keys[0]], value[keys[1]], value[keys[2]]
    raise AssertionError(key)
