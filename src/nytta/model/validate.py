"""Validate plan data against the models and turn pydantic's errors into located findings.

Validation never gives up on a whole plan because of one bad entity: the parts that
fail are reported as ``schema`` findings, removed, and the rest is validated again, so
the rules can still run on everything that is sound.
"""

from __future__ import annotations

import difflib
import types
import typing
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ValidationError

from nytta.model.plan import Plan

Path = tuple[str | int, ...]

_MAX_ROUNDS = 25


@dataclass(frozen=True, slots=True)
class SchemaIssue:
    """One shape error: the data path it is about, whether it points at a key, the message."""

    path: Path
    message: str
    at_key: bool = False


@dataclass
class Validated:
    """A plan model (None when nothing could be salvaged), the shape issues, dropped ids."""

    plan: Plan | None
    issues: list[SchemaIssue]
    dropped_ids: set[str] = field(default_factory=set)
    dropped_paths: set[Path] = field(default_factory=set)


def validate_plan(data: dict[Any, Any]) -> Validated:
    """Validate ``data``; report the first round's errors and prune until the rest validates."""
    issues: list[SchemaIssue] | None = None
    dropped: set[str] = set()
    paths: set[Path] = set()
    for _ in range(_MAX_ROUNDS):
        try:
            return Validated(Plan.model_validate(data), issues or [], dropped, paths)
        except ValidationError as exc:
            errors = exc.errors(include_url=False)
        located = [_locate(data, err) for err in errors]
        if issues is None:
            issues = _dedupe([_issue(data, path, err) for path, err in zip(located, errors)])
        targets = [_prune_target(path, err) for path, err in zip(located, errors)]
        written = {_source_path(data, target) for target in targets}
        if not _prune(data, targets, dropped):
            break
        paths.update(written)
    return Validated(None, issues or [], dropped, paths)


def _dedupe(issues: list[SchemaIssue]) -> list[SchemaIssue]:
    seen: set[tuple[Path, str]] = set()
    unique = []
    for issue in issues:
        if (issue.path, issue.message) not in seen:
            seen.add((issue.path, issue.message))
            unique.append(issue)
    return unique


def _locate(data: Any, error: Any) -> Path:
    """The data path of an error: pydantic's loc without its union/validator tags."""
    path: list[str | int] = []
    current = data
    loc = error["loc"]
    for i, part in enumerate(loc):
        if isinstance(current, dict) and part in current:
            path.append(part)
            current = current[part]
        elif isinstance(current, dict) and isinstance(part, str) and str(part).isdigit() and int(part) in current:
            path.append(int(part))
            current = current[int(part)]
        elif isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current):
            path.append(part)
            current = current[part]
        elif i == len(loc) - 1 and error["type"] in ("missing", "extra_forbidden"):
            path.append(part)
    return tuple(path)


def _issue(data: Any, path: Path, error: Any) -> SchemaIssue:
    kind = error["type"]
    if kind == "missing":
        return SchemaIssue(path[:-1], f"missing required key '{path[-1]}'" + _entity(path[:-1]))
    if kind == "extra_forbidden":
        return SchemaIssue(path, _unknown_key(path), at_key=True)
    return SchemaIssue(path, _message(error, path))


def _entity(path: Path) -> str:
    names = [p for p in path if isinstance(p, str)]
    return f" in {names[-1]}" if names else " at the top level"


def _message(error: Any, path: Path) -> str:
    kind, msg = error["type"], error["msg"]
    where = f"'{path[-1]}'" if path and isinstance(path[-1], str) else "value"
    given = error.get("input")
    if kind in ("string_type",):
        return f"{where} must be text, got {_show(given)}"
    if kind in ("list_type",):
        return f"{where} must be a list, got {_show(given)}"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return f"{where} must be a mapping, got {_show(given)}"
    if kind.startswith("int_"):
        return f"{where} must be a whole number, got {_show(given)}"
    if kind.startswith("bool_"):
        return f"{where} must be true or false, got {_show(given)}"
    if kind in ("greater_than_equal", "less_than_equal"):
        return f"{where} {msg[0].lower()}{msg[1:]}, got {_show(given)}"
    return f"{where}: {msg}"


def _show(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _unknown_key(path: Path) -> str:
    known = list(_fields_at(path[:-1]))
    key = str(path[-1])
    close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    hint = f"; did you mean '{close[0]}'?" if close else ""
    return f"unknown key '{key}'{_entity(path[:-1])}{hint}"


def _fields_at(path: Path) -> dict[str, Any]:
    """The model fields expected at a data path (empty when the path leaves the models)."""
    annotation: Any = Plan
    for part in path:
        annotation = _unwrap(annotation)
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            info = annotation.model_fields.get(str(part))
            if info is None:
                return {}
            annotation = info.annotation
        else:
            origin = typing.get_origin(annotation)
            args = typing.get_args(annotation)
            if origin is list and args:
                annotation = args[0]
            elif origin is dict and len(args) == 2:
                annotation = args[1]
            else:
                return {}
    annotation = _unwrap(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return dict(annotation.model_fields)
    return {}


def _unwrap(annotation: Any) -> Any:
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            options = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = options[0] if len(options) == 1 else annotation
            if len(options) != 1:
                return annotation
        else:
            return annotation


def _prune_target(path: Path, error: Any) -> Path:
    if error["type"] == "missing":
        return path[:-1]
    return path


def _prune(data: Any, targets: list[Path], dropped: set[str]) -> bool:
    """Remove each target from the data (list items by index, highest first)."""
    removals: dict[tuple[int, Path], tuple[Any, str | int]] = {}
    for target in targets:
        if not target:
            return False
        parent = _get(data, target[:-1])
        key = target[-1]
        if (isinstance(parent, dict) and key in parent) or (
            isinstance(parent, list) and isinstance(key, int) and key < len(parent)
        ):
            removals[(id(parent), target)] = (parent, key)
    if not removals:
        return False
    for parent, key in sorted(
        removals.values(), key=lambda pk: (id(pk[0]), pk[1] if isinstance(pk[1], int) else -1), reverse=True
    ):
        value = parent[key]
        if isinstance(value, dict) and isinstance(value.get("id"), str):
            dropped.add(value["id"])
        del parent[key]
    return True


def _source_path(data: Any, target: Path) -> Path:
    """The path as written in the file (list indices shift as items are pruned)."""
    try:
        node = _get(data, target)
        own = getattr(node, "path", None)
        if isinstance(own, tuple):
            return own
        parent = _get(data, target[:-1])
    except (KeyError, IndexError, TypeError):
        return target
    written = getattr(parent, "path", None)
    return (*written, target[-1]) if isinstance(written, tuple) else target


def _get(data: Any, path: Path) -> Any:
    for part in path:
        data = data[part]
    return data
