"""``nytta.toml``: found in the working directory or a parent (up to the repository root).

``lang`` (``"sv"`` or ``"en"``) sets the language nytta speaks, unless ``--lang`` or
``NYTTA_LANG`` says otherwise. Two tables are read: ``[rules]`` (``rule-id = "error" | "warning" | "off"``) and
``[thresholds]`` (``on_track``, ``at_risk``: status thresholds for plans that set none).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from nytta.i18n import _

if TYPE_CHECKING:
    from nytta.diagnostics import Severity

FILE_NAME = "nytta.toml"


class ConfigError(Exception):
    """The configuration cannot be used; the CLI exits 2 with this message."""


@dataclass(frozen=True)
class Config:
    path: Path | None = None
    severities: dict[str, Severity] = field(default_factory=dict)
    thresholds: dict[str, float] = field(default_factory=dict)
    lang: str | None = None


def find_config(start: Path) -> Path | None:
    for folder in (start, *start.parents):
        candidate = folder / FILE_NAME
        if candidate.is_file():
            return candidate
        if (folder / ".git").exists():
            return None
    return None


def load_config(path: Path | None, known_rules: set[str]) -> Config:
    """Read and validate a configuration file (None: the defaults)."""
    if path is None:
        return Config()
    import tomllib  # only when there is a configuration to read

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(_("cannot read {file}: {reason}", file=path, reason=exc.strerror)) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(_("{file}: not valid TOML: {error}", file=path, error=exc)) from None
    lang = _language(path, data)
    rules = data.get("rules", {})
    if not isinstance(rules, dict):
        raise ConfigError(_("{file}: [rules] must be a table", file=path))
    from nytta.diagnostics import Severity

    severities: dict[str, Severity] = {}
    for rule_id, value in rules.items():
        if rule_id not in known_rules:
            raise ConfigError(_("{file}: unknown rule '{id}' in [rules]", file=path, id=rule_id))
        try:
            severities[rule_id] = Severity(str(value).lower())
        except ValueError:
            raise ConfigError(
                _(
                    '{file}: rule \'{id}\' must be "error", "warning" or "off", not {value}',
                    file=path,
                    id=rule_id,
                    value=repr(value),
                )
            ) from None
    return Config(path, severities, _thresholds(path, data.get("thresholds", {})), lang)


def configured_language(path: Path) -> str | None:
    """Only the ``lang`` of the configuration at ``path`` (read before the options are parsed)."""
    import tomllib  # only when there is a configuration to read

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return None  # the command that reads the whole configuration says what is wrong
    return _language(path, data)


def _language(path: Path, data: dict[str, object]) -> str | None:
    lang = data.get("lang")
    if lang is not None and lang not in ("sv", "en"):
        raise ConfigError(_('{file}: lang must be "sv" or "en", not {value}', file=path, value=repr(lang)))
    return lang if isinstance(lang, str) else None


def _thresholds(path: Path, table: object) -> dict[str, float]:
    if not isinstance(table, dict):
        raise ConfigError(_("{file}: [thresholds] must be a table", file=path))
    values: dict[str, float] = {}
    for key, value in table.items():
        if key not in ("on_track", "at_risk"):
            raise ConfigError(_("{file}: unknown key '{key}' in [thresholds] (on_track, at_risk)", file=path, key=key))
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 2:
            raise ConfigError(
                _("{file}: [thresholds] {key} must be a number such as 0.9, not {value}", file=path, key=key, value=repr(value))
            )
        values[key] = float(value)
    return values
