"""The nyttokalkyl as data: what ``nytta.compute.calc`` computes and renderers read."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field

from nytta.results.plans import Unreadable

#: A figure per year.
Yearly = dict[int, float]

#: The three scenarios of a nyttokalkyl, in the order they are shown (lägst, troligt, högst).
SCENARIOS = ("low", "likely", "high")

#: The bands of Inera's net benefit per invested krona ((benefits − costs) / costs, present
#: values): below 0, exactly 0 (to the öre), above 0 and below 0.5, 0.5 or more.
BANDS = ("negative", "zero", "low", "high")

#: The key of value that no recipient's share covers (a benefit without recipients, or
#: shares that sum to less than 1).
UNASSIGNED = "unassigned"


@dataclass(frozen=True, slots=True)
class Scenario:
    """The result with every estimate at its ``name`` value (low, likely or high): present
    values over the calculation period, Inera's net benefit per invested krona and its band,
    and the payback years."""

    name: str
    benefits: float
    costs: float
    npv: float
    benefit_cost_ratio: float | None
    net_benefit_per_krona: float | None
    band: str | None
    payback_year: int | None
    discounted_payback_year: int | None


@dataclass(frozen=True, slots=True)
class Sensitivity:
    """The net present value with one ranged input at its low and at its high value, every
    other input likely. ``kind`` is ``valuation`` (``id`` a benefit, ``field`` unit_value,
    volume or attribution) or ``cost`` (``id`` a cost, ``field`` amounts; its values are the
    sums over the years)."""

    kind: str
    id: str
    name: str
    field: str
    low: float
    likely: float
    high: float
    npv_low: float
    npv_high: float

    @property
    def swing(self) -> float:
        return abs(self.npv_high - self.npv_low)


@dataclass(frozen=True, slots=True)
class ReleasedTime:
    """Staff time a redeployment benefit valued in hours releases (likely scenario), per year,
    in hours and in full-time equivalents (årsarbetare). ``hourly_cost`` is set when the
    valuation gives a monthly salary, with the salary it was worked out from."""

    benefit: str
    name: str
    hours: Yearly
    fte: Yearly
    monthly_salary: float | None = None
    hourly_cost: float | None = None


@dataclass(frozen=True, slots=True)
class Unvalued:
    """A benefit that is not valued in money, with its size (small, moderate, large) if given."""

    benefit: str
    name: str
    category: str | None
    polarity: str
    size: str | None


@dataclass(frozen=True, slots=True)
class Calculation:
    """The nyttokalkyl of one plan; every yearly figure is keyed by year, in currency units."""

    plan: str
    file: str
    currency: str
    as_of: _dt.date
    discount_rate: float
    base_year: int
    years: tuple[int, ...]
    benefits: Yearly
    benefits_by_category: dict[str, Yearly]
    benefits_by_benefit: dict[str, Yearly]
    costs: Yearly
    costs_by_kind: dict[str, Yearly]
    net: Yearly
    discount_factors: Yearly
    discounted_net: Yearly
    npv: float
    benefit_cost_ratio: float | None
    payback_year: int | None
    discounted_payback_year: int | None
    realised: Yearly
    realised_to_date: float
    planned_to_date: float
    rate_source: str | None = None
    hours_per_fte: float = 1700.0
    employer_contributions: float = 0.54
    #: Whether some estimate of the plan is a range (otherwise the three scenarios agree).
    ranged: bool = False
    #: low, likely and high, in that order (likely is the figures above).
    scenarios: tuple[Scenario, ...] = ()
    #: One row per ranged input, largest swing first.
    sensitivity: tuple[Sensitivity, ...] = ()
    #: Each category's share of the benefits' present value (empty unless that is positive).
    category_shares: dict[str, float] = field(default_factory=dict)
    #: The benefits' present value by recipient: stakeholder id → value, and stakeholder
    #: category → value; value no share covers is under UNASSIGNED.
    value_by_stakeholder: dict[str, float] = field(default_factory=dict)
    value_by_stakeholder_category: dict[str, float] = field(default_factory=dict)
    #: Stakeholder id → name, for the renderers.
    stakeholder_names: dict[str, str] = field(default_factory=dict)
    released_time: tuple[ReleasedTime, ...] = ()
    unvalued: tuple[Unvalued, ...] = ()

    @property
    def likely(self) -> Scenario | None:
        return self.scenarios[1] if self.scenarios else None


@dataclass(frozen=True)
class CalcReport:
    """The calculation, or (``calc`` None) the plan that could not be read."""

    calc: Calculation | None
    unreadable: tuple[Unreadable, ...] = ()
