"""The enumerations of format v1 with their Swedish aliases.

Values are the English words of the format; the Swedish words are accepted as aliases,
with or without å/ä/ö, and mean the same.
"""

from __future__ import annotations

import difflib
import functools
import unicodedata
from enum import Enum
from typing import Any, TypeVar

from pydantic import BeforeValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

from nytta.i18n import _


class Phase(str, Enum):
    IDENTIFY = "identify"
    SPECIFY = "specify"
    PLAN = "plan"
    REALISE = "realise"
    FOLLOW_UP = "follow_up"

    @property
    def rank(self) -> int:
        return list(Phase).index(self)


class StakeholderCategory(str, Enum):
    CITIZENS = "citizens"
    BUSINESSES = "businesses"
    OWN_ORGANISATION = "own_organisation"
    OTHER_PUBLIC = "other_public"
    SOCIETY = "society"


class ChainType(str, Enum):
    INTERVENTION = "intervention"
    OUTPUT = "output"
    CHANGE = "change"
    EFFECT = "effect"


class Polarity(str, Enum):
    BENEFIT = "benefit"
    DISBENEFIT = "disbenefit"


class Category(str, Enum):
    FINANCIAL = "financial"
    REDEPLOYMENT = "redeployment"
    QUALITY = "quality"
    ENVIRONMENT = "environment"


class Direction(str, Enum):
    INCREASE = "increase"
    DECREASE = "decrease"
    MAINTAIN = "maintain"


class IndicatorKind(str, Enum):
    QUANTITATIVE = "quantitative"
    QUALITATIVE = "qualitative"


class Frequency(str, Enum):
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    HALF_YEARLY = "half_yearly"
    YEARLY = "yearly"

    @property
    def months(self) -> int:
        return {"monthly": 1, "quarterly": 3, "half_yearly": 6, "yearly": 12}[self.value]


class CostKind(str, Enum):
    INVESTMENT = "investment"
    RUNNING = "running"
    DECOMMISSIONING = "decommissioning"


class MeasurementKind(str, Enum):
    ACTUAL = "actual"
    FORECAST = "forecast"


class Level(str, Enum):
    VISION = "vision"
    OVERALL = "overall"
    ORGANISATIONAL = "organisational"
    EFFECT = "effect"
    ACTIVITY = "activity"


class Role(str, Enum):
    CHANGE_OWNER = "change_owner"
    BENEFIT_OWNER = "benefit_owner"
    STEERING_GROUP = "steering_group"


class Rating(str, Enum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class Size(str, Enum):
    """How large a benefit that is not valued in money is (Inera: liten/måttlig/stor)."""

    SMALL = "small"
    MODERATE = "moderate"
    LARGE = "large"


class Language(str, Enum):
    SV = "sv"
    EN = "en"


#: Swedish aliases as the method spells them; lookup folds case and å/ä/ö and reads a space
#: as ``_``. Every Swedish word docs/plan-format.md names for a value is here (the goal
#: levels' *verksamhetsmål*, the categories' *kvalitetsnytta* …); a test reads the docs.
SWEDISH: dict[type[Enum], dict[str, str]] = {
    Phase: {
        "identifiera": "identify",
        "specificera": "specify",
        "planera": "plan",
        "realisera": "realise",
        "följa_upp": "follow_up",
    },
    StakeholderCategory: {
        "medborgare": "citizens",
        "företag": "businesses",
        "egen_organisation": "own_organisation",
        "annan_offentlig_aktör": "other_public",
        "samhället": "society",
    },
    ChainType: {"insats": "intervention", "leverans": "output", "förändring": "change", "effekt": "effect"},
    Polarity: {"nytta": "benefit", "onytta": "disbenefit"},
    Category: {
        "finansiell": "financial",
        "omfördelning": "redeployment",
        "kvalitet": "quality",
        "miljö": "environment",
        "finansiell_nytta": "financial",
        "omfördelningsnytta": "redeployment",
        "kvalitetsnytta": "quality",
        "miljönytta": "environment",
    },
    Direction: {"öka": "increase", "minska": "decrease", "bibehålla": "maintain"},
    IndicatorKind: {"kvantitativ": "quantitative", "kvalitativ": "qualitative"},
    Frequency: {"månad": "monthly", "kvartal": "quarterly", "halvår": "half_yearly", "år": "yearly"},
    CostKind: {"investering": "investment", "drift": "running", "avveckling": "decommissioning"},
    MeasurementKind: {"utfall": "actual", "prognos": "forecast"},
    Level: {
        "övergripande": "overall",
        "organisatorisk": "organisational",
        "effekt": "effect",
        "aktivitet": "activity",
        "övergripande_mål": "overall",
        "verksamhetsmål": "organisational",
        "effektmål": "effect",
        "aktivitetsmål": "activity",
    },
    Role: {"förändringsägare": "change_owner", "nyttoägare": "benefit_owner", "styrgrupp": "steering_group"},
    Rating: {"låg": "low", "medel": "medium", "hög": "high"},
    Size: {"liten": "small", "måttlig": "moderate", "stor": "large"},
}


def fold(text: str) -> str:
    """Lower-case and strip diacritics: ``Följa upp`` → ``folja upp``."""
    decomposed = unicodedata.normalize("NFKD", text.strip().lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def normalise(enum: type[Enum], value: Any) -> Any:
    """Map an English value or Swedish alias to the enum's value, or raise a suggestion."""
    if not isinstance(value, str):
        return value
    values = [member.value for member in enum]
    folded = fold(value).replace(" ", "_").replace("-", "_")
    aliases = _folded_aliases(enum)
    if folded in values:
        return folded
    if folded in aliases:
        return aliases[folded]
    choices = values + list(aliases)
    close = difflib.get_close_matches(folded, choices, n=1, cutoff=0.6)
    allowed = ", ".join(values)
    if close:
        template = _("'{value}' is not one of {allowed}; did you mean '{hint}'?")
        error = PydanticCustomError("enum_alias", template, {"value": value, "allowed": allowed, "hint": close[0]})
    else:
        template = _("'{value}' is not one of {allowed}")
        error = PydanticCustomError("enum_alias", template, {"value": value, "allowed": allowed})
    raise error


@functools.cache
def _folded_aliases(enum: type[Enum]) -> dict[str, str]:
    return {fold(k).replace(" ", "_"): v for k, v in SWEDISH.get(enum, {}).items()}


def accepting_aliases(enum: type[Enum]) -> tuple[BeforeValidator, WithJsonSchema]:
    """The metadata for a field of ``enum`` that also accepts its Swedish aliases,
    as in ``phase: Annotated[Phase, *accepting_aliases(Phase)]``."""
    values = [m.value for m in enum]
    swedish = list(SWEDISH.get(enum, {}))
    schema = {"type": "string", "enum": values + swedish + sorted({fold(k) for k in swedish} - set(swedish))}
    return BeforeValidator(lambda v: normalise(enum, v)), WithJsonSchema(schema)


EnumT = TypeVar("EnumT", bound=Enum)


def parse_enum(enum: type[EnumT], value: str) -> EnumT:
    """The member for an English value or Swedish alias; ValueError says what is allowed."""
    try:
        return enum(normalise(enum, value))
    except PydanticCustomError as exc:
        raise ValueError(exc.message()) from None
