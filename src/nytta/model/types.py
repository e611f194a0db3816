"""Field types of format v1: identifiers, references, numbers, values and dates.

Each type rejects what YAML would otherwise let through silently (a quoted ``"1,5"``, a
timestamp where a date belongs, an integer read as a date) with a message that says
what to write instead. The messages are pydantic templates (``{value}`` is filled in by
pydantic), translated when the error is raised.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
from typing import Annotated, Any

from pydantic import BeforeValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

from nytta.i18n import _
from nytta.model.dates import impossible_date

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]*$"
_ID_RE = re.compile(ID_PATTERN)
_DECIMAL_COMMA = re.compile(r"^[+-]?[0-9 \u00a0]*[0-9],[0-9]+$")


def number(value: float | str | None) -> float | None:
    """The value as a float, or None when it is text (not a number) or absent."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value)


def number_hint(text: str) -> str | None:
    """The YAML number a text such as ``"1,5"`` or ``"1 234,5"`` was meant to be, if any."""
    stripped = text.strip()
    if _DECIMAL_COMMA.match(stripped):
        return stripped.replace(" ", "").replace("\u00a0", "").replace(",", ".")
    candidate = stripped.replace(" ", "").replace("\u00a0", "")
    try:
        value = float(candidate)
    except ValueError:
        return None
    return candidate if math.isfinite(value) else None  # "nan", "inf" and "1e999" are no numbers to suggest


def shown(value: Any) -> str:
    """A value as a message quotes it: its repr, cut short (pydantic's messages only
    substitute ``{value}``, so the repr is made here)."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _not_a_number(value: Any) -> PydanticCustomError:
    if isinstance(value, str):
        hint = number_hint(value)
        if hint is not None:
            return PydanticCustomError(
                "number_text",
                _("expected a number, got the text '{value}'; write {hint}"),
                {"value": value, "hint": hint},
            )
    return PydanticCustomError("number", _("expected a number, got {value}"), {"value": shown(value)})


def _number(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise _not_a_number(value)
    try:
        result = float(value)
    except OverflowError:
        raise PydanticCustomError("number_range", _("the number is too large")) from None
    if math.isnan(result) or math.isinf(result):
        raise PydanticCustomError("number_range", _("expected a finite number, got {value}"), {"value": value})
    return result


def _value(value: Any) -> float | str:
    if isinstance(value, str):
        return value
    return _number(value)


def _date(value: Any) -> _dt.date:
    if isinstance(value, _dt.datetime):
        raise PydanticCustomError("date", _("expected a date (YYYY-MM-DD), not a date and time"))
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        try:
            return _dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
        reason = impossible_date(value)
        if reason is not None:  # 2025-02-30: shaped like a date, but no day
            raise PydanticCustomError(
                "date_impossible", _("'{value}' is not a date: {reason}"), {"value": value.strip(), "reason": reason}
            )
    raise PydanticCustomError("date", _("expected a date written YYYY-MM-DD, got {value}"), {"value": shown(value)})


def _identifier(value: Any) -> str:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not _ID_RE.fullmatch(value):  # `$` alone lets "id\n" through
        raise PydanticCustomError(
            "identifier",
            _("{value} is not a valid id: start with a letter or digit and use only letters, digits, '.', '_' and '-'"),
            {"value": shown(value)},
        )
    return value


Number = Annotated[float, BeforeValidator(_number), WithJsonSchema({"type": "number"})]
Value = Annotated[Any, BeforeValidator(_value), WithJsonSchema({"type": ["number", "string"]})]
Date = Annotated[_dt.date, BeforeValidator(_date), WithJsonSchema({"type": "string", "format": "date"})]
Identifier = Annotated[str, BeforeValidator(_identifier), WithJsonSchema({"type": "string", "pattern": ID_PATTERN})]
Reference = Annotated[str, WithJsonSchema({"type": "string"})]
