"""Pydantic models of plan format v1: every entity of the plan, as the shape requires.

Only what the shape requires is required here; whether something *should* be present
(an owner, a baseline, an approval …) is the business of the rules. Every model
remembers the data path it was read from, so findings about it can be located.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import (
    AliasChoices,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    PrivateAttr,
    Tag,
    model_validator,
)

from nytta.model.enums import (
    Category,
    ChainType,
    CostKind,
    Direction,
    Frequency,
    IndicatorKind,
    Language,
    Level,
    MeasurementKind,
    Phase,
    Polarity,
    Rating,
    Role,
    Size,
    StakeholderCategory,
    accepting_aliases,
)
from nytta.model.types import Date, Identifier, Number, Reference, Value

Path = tuple[str | int, ...]


class Node(BaseModel):
    """Base of every entity: unknown keys are errors, and the source path is kept."""

    model_config = ConfigDict(extra="forbid", coerce_numbers_to_str=True, frozen=False)
    _path: Path = PrivateAttr(default=())

    @model_validator(mode="wrap")
    @classmethod
    def _keep_path(cls, data: Any, handler: Any) -> Any:
        obj = handler(data)
        obj._path = getattr(data, "path", ())
        return obj

    @property
    def path(self) -> Path:
        return self._path


class Period(Node):
    start: Date | None = None
    end: Date | None = None


class Approval(Node):
    by: Reference | None = None
    role: Annotated[Role, *accepting_aliases(Role)] | None = None
    date: Date | None = None


class Thresholds(Node):
    on_track: Number = 0.9
    at_risk: Number = 0.7


class PlanInfo(Node):
    id: Identifier
    title: str
    phase: Annotated[Phase, *accepting_aliases(Phase)]
    organisation: str | None = None
    description: str | None = None
    change_owner: Reference | None = None
    project_manager: Reference | None = None
    period: Period | None = None
    approvals: list[Approval] = []
    language: Annotated[Language, *accepting_aliases(Language)] = Language.SV
    currency: str = "SEK"
    measurements_file: str | None = None
    thresholds: Thresholds | None = None
    tags: list[str] = []


class Person(Node):
    id: Identifier
    name: str
    title: str | None = None
    organisation: str | None = None
    email: str | None = None


class Stakeholder(Node):
    id: Identifier
    name: str
    category: Annotated[StakeholderCategory, *accepting_aliases(StakeholderCategory)]
    organisation: str | None = None
    size: Number | None = None


class Goal(Node):
    id: Identifier
    name: str
    level: Annotated[Level, *accepting_aliases(Level)] | None = None
    parent: Reference | None = None
    owner: Reference | None = None


class ChainNode(Node):
    id: Identifier
    type: Annotated[ChainType, *accepting_aliases(ChainType)]
    name: str
    leads_to: list[Reference] = []
    owner: Reference | None = None


def _recipient(value: Any) -> Any:
    return {"stakeholder": value} if isinstance(value, (str, int)) else value


class Recipient(Node):
    """A nyttomottagare: a stakeholder, optionally with its share of the benefit."""

    stakeholder: Reference
    share: Annotated[Number, Field(ge=0, le=1)] | None = None


class Realisation(Node):
    start: Date | None = None
    end: Date | None = None


def _keys(*names: str) -> Any:
    """A field read under its English key or its Swedish aliases (with or without å/ä/ö)."""
    return Field(validation_alias=AliasChoices(*names))


class Range(Node):
    """An estimate written as lowest / likely / highest (lägst / troligt / högst)."""

    low: Number = _keys("low", "lägst", "lagst")
    likely: Number = _keys("likely", "troligt")
    high: Number = _keys("high", "högst", "hogst")


def _estimate_kind(value: Any) -> str:
    return "range" if isinstance(value, dict) else "number"


#: A number, or a range ``{low, likely, high}``; the scenarios of the nyttokalkyl pick one of them.
Estimate = Annotated[
    Annotated[Number, Tag("number")] | Annotated[Range, Tag("range")],
    Discriminator(_estimate_kind),
]


class HourlyCost(Node):
    """An hourly cost worked out from a monthly salary: monthly_salary / (hours_per_fte / 12) ×
    (1 + employer_contributions), both of those from the calculation block."""

    monthly_salary: Estimate = _keys("monthly_salary", "månadslön", "manadslon")


def _unit_value_kind(value: Any) -> str:
    if isinstance(value, dict):
        return "salary" if {"monthly_salary", "månadslön", "manadslon"} & set(value) else "range"
    return "number"


class Valuation(Node):
    unit_value: Annotated[
        Annotated[Number, Tag("number")] | Annotated[Range, Tag("range")] | Annotated[HourlyCost, Tag("salary")],
        Discriminator(_unit_value_kind),
    ]
    volume: Estimate = 1.0
    attribution: Estimate = 1.0

    def estimates(self) -> tuple[tuple[str, float | Range], ...]:
        """Each estimate by the field it gives: ``unit_value`` (``monthly_salary`` when the unit
        value is an hourly cost worked out from a salary), ``volume`` and ``attribution``."""
        given = self.unit_value
        unit = ("monthly_salary", given.monthly_salary) if isinstance(given, HourlyCost) else ("unit_value", given)
        return (unit, ("volume", self.volume), ("attribution", self.attribution))


class Baseline(Node):
    value: Value
    date: Date
    source: str | None = None
    note: str | None = None


class Target(Node):
    date: Date
    value: Value
    note: str | None = None


class Measurement(Node):
    date: Date
    value: Value
    source: str | None = None
    note: str | None = None
    kind: Annotated[MeasurementKind, *accepting_aliases(MeasurementKind)] = MeasurementKind.ACTUAL


class Bounds(Node):
    """The values an indicator can take at all: ``lower`` and ``upper``, either optional."""

    lower: Number | None = None
    upper: Number | None = None


class Indicator(Node):
    id: Identifier
    name: str
    unit: str
    direction: Annotated[Direction, *accepting_aliases(Direction)]
    kind: Annotated[IndicatorKind, *accepting_aliases(IndicatorKind)] = IndicatorKind.QUANTITATIVE
    tolerance: Number | None = None
    bounds: Bounds | None = None
    method: str | None = None
    source: str | None = None
    frequency: Annotated[Frequency, *accepting_aliases(Frequency)] | None = None
    follow_up_dates: list[Date] = []
    measured_by: Reference | None = None
    primary: bool = False
    baseline: Baseline | None = None
    targets: list[Target] = []
    measurements: list[Measurement] = []

    @property
    def final_target(self) -> Target | None:
        return self.targets[-1] if self.targets else None


class Benefit(Node):
    id: Identifier
    name: str
    description: str | None = None
    polarity: Annotated[Polarity, *accepting_aliases(Polarity)] = Polarity.BENEFIT
    owner: Reference | None = None
    recipients: list[Annotated[Recipient, BeforeValidator(_recipient)]] = []
    goals: list[Reference] = []
    leads_to: list[Reference] = []
    category: Annotated[Category, *accepting_aliases(Category)] | None = None
    alternative_use: str | None = None
    realisation: Realisation | None = None
    preconditions: list[str] = []
    confidence: Annotated[Rating, *accepting_aliases(Rating)] | None = None
    valuation: Valuation | None = None
    size: Annotated[Size, *accepting_aliases(Size)] | None = None
    indicators: list[Indicator] = []
    tags: list[str] = []

    @property
    def is_disbenefit(self) -> bool:
        return self.polarity is Polarity.DISBENEFIT

    @property
    def primary_indicator(self) -> Indicator | None:
        chosen = [i for i in self.indicators if i.primary]
        return chosen[0] if chosen else None

    @property
    def valuation_indicator(self) -> Indicator | None:
        """The indicator that carries the benefit's valuation: its primary one, or else its first."""
        return self.primary_indicator or (self.indicators[0] if self.indicators else None)


class Cost(Node):
    id: Identifier
    name: str
    kind: Annotated[CostKind, *accepting_aliases(CostKind)]
    category: str | None = None
    bearer: str | None = None
    amounts: dict[int, Estimate]


class Calculation(Node):
    base_year: int
    first_year: int
    last_year: int
    discount_rate: Number
    price_level_year: int | None = None
    rate_source: str | None = None
    hours_per_fte: Annotated[Number, Field(gt=0)] = 1700.0
    employer_contributions: Annotated[Number, Field(ge=0)] = 0.54


class Risk(Node):
    id: Identifier
    description: str | None = None
    affects: list[Reference] = []
    owner: Reference | None = None
    probability: Annotated[Rating, *accepting_aliases(Rating)] | None = None
    impact: Annotated[Rating, *accepting_aliases(Rating)] | None = None
    mitigation: str | None = None


class Revision(Node):
    date: Date | None = None
    by: Reference | None = None
    reason: str | None = None
    changes: str | None = None


def _text_entry(value: Any) -> Any:
    """A proposal or decision written as text only: its ``text``."""
    return {"text": value} if isinstance(value, str) else value


class Proposal(Node):
    """A beslutsförslag: what the analyst proposes the steering group decide. The id lets a
    decision name the proposal it answers."""

    id: Identifier | None = None
    text: str


class Decision(Node):
    """A beslut the steering group (or another decision-maker) took, optionally answering a proposal."""

    text: str
    date: Date | None = None
    decided_by: str | None = None
    proposal: Reference | None = None


class FollowUpEntry(Node):
    """One follow-up occasion (uppföljningstillfälle): the analyst's commentary, the proposals
    for the steering group and the decisions taken."""

    date: Date
    author: Reference | None = None
    commentary: str | None = None
    proposals: list[Annotated[Proposal, BeforeValidator(_text_entry)]] = []
    decisions: list[Annotated[Decision, BeforeValidator(_text_entry)]] = []


class Plan(Node):
    """A whole benefit plan (nyttorealiseringsplan), format version 1."""

    nytta: int
    plan: PlanInfo
    people: list[Person] = []
    stakeholders: list[Stakeholder] = []
    goals: list[Goal] = []
    chain: list[ChainNode] = []
    benefits: list[Benefit] = []
    costs: list[Cost] = []
    calculation: Calculation | None = None
    risks: list[Risk] = []
    revisions: list[Revision] = []
    follow_ups: list[FollowUpEntry] = []

    @property
    def phase(self) -> Phase:
        return self.plan.phase
