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

from nytta.i18n import _
from nytta.model.enums import fold
from nytta.model.glossary import Term, swedish_key
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
    """A plan model (None when nothing could be salvaged), the shape issues, dropped ids, and
    the Swedish keys read as the English ones they stand for (new data path → written path)."""

    plan: Plan | None
    issues: list[SchemaIssue]
    dropped_ids: set[str] = field(default_factory=set)
    dropped_paths: set[Path] = field(default_factory=set)
    renamed: dict[Path, Path] = field(default_factory=dict)


def validate_plan(data: dict[Any, Any]) -> Validated:
    """Validate ``data``; report the first round's errors and prune until the rest validates.

    A Swedish word written as a key (``nyttoägare``) is reported with the key it stands for
    and then read as that key (``owner``) rather than dropped, so that nothing follows from
    it; errors in what it holds are reported in the rounds after.
    """
    issues: list[SchemaIssue] | None = None
    result = Validated(None, [])
    for _round in range(_MAX_ROUNDS):
        try:
            result.plan = Plan.model_validate(data)
            break
        except ValidationError as exc:
            errors = exc.errors(include_url=False)
        located = [_locate(data, err) for err in errors]
        renames = _renames(data, located, errors) if issues is None else {}
        kept = [(path, err) for path, err in zip(located, errors) if path not in renames and path not in renames.values()]
        if issues is None:  # a key a Swedish word stands for is neither unknown nor missing
            issues = [_issue(data, path, err) for path, err in zip(located, errors) if path not in renames.values()]
        else:
            issues += [_issue(data, path, err) for path, err in kept if _under(path, result.renamed)]
        targets = [_prune_target(path, err) for path, err in kept]
        written = {_source_path(data, target) for target in targets}
        for old, new in renames.items():
            result.renamed[new] = _source_path(data, old)
            parent = _get(data, old[:-1])
            parent[new[-1]] = parent.pop(old[-1])
        if not _prune(data, targets, result.dropped_ids) and not renames:
            break
        result.dropped_paths.update(written)
    result.issues = _dedupe(issues or [])
    return result


def _renames(data: Any, located: list[Path], errors: list[Any]) -> dict[Path, Path]:
    """Unknown keys that are Swedish words for a key their mapping lacks: old path → new path."""
    renames: dict[Path, Path] = {}
    for path, error in zip(located, errors):
        if error["type"] != "extra_forbidden" or not path:
            continue
        term = _swedish_term(path)
        if term is None:
            continue
        parent, new = _get(data, path[:-1]), (*path[:-1], term.key)
        if isinstance(parent, dict) and term.key not in parent and new not in renames.values():
            renames[path] = new
    return renames


def _under(path: Path, prefixes: dict[Path, Path]) -> bool:
    return any(path[: len(prefix)] == prefix for prefix in prefixes)


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
    if error["type"] == "invalid_key":  # loc names the key as text ('datetime.date(1, 1, 1)'); the input is the key
        loc = (*loc[:-1], error["input"])
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
        elif i == len(loc) - 1 and error["type"] in ("missing", "extra_forbidden", "invalid_key"):
            path.append(part)
    return tuple(path)


def _issue(data: Any, path: Path, error: Any) -> SchemaIssue:
    kind = error["type"]
    if kind == "missing":
        return SchemaIssue(path[:-1], _missing_key(path))
    if kind in ("extra_forbidden", "invalid_key"):  # invalid_key: a key that is not text (5, true)
        return SchemaIssue(path, _unknown_key(path), at_key=True)
    return SchemaIssue(path, _message(error, path))


def _entity(path: Path) -> str | None:
    """The plan key of the entity at ``path`` (``benefits``), None at the top level."""
    names = [p for p in path if isinstance(p, str)]
    return names[-1] if names else None


def _missing_key(path: Path) -> str:
    entity = _entity(path[:-1])
    if entity is None:
        return _("missing required key '{key}' at the top level", key=path[-1])
    return _("missing required key '{key}' in {entity}", key=path[-1], entity=entity)


def _message(error: Any, path: Path) -> str:
    kind = error["type"]
    given = _show(error.get("input"))
    if kind == "date_impossible":  # names the date itself: "'2025-02-30' is not a date: …"
        return str(error["msg"])
    if path and isinstance(path[-1], str):
        return _keyed(kind, error, path[-1], given)
    return _unkeyed(kind, error, given)


def _keyed(kind: str, error: Any, key: str, given: str) -> str:
    """The message about the value of ``key``."""
    if kind == "string_type":
        return _("'{key}' must be text, got {given}", key=key, given=given)
    if kind == "list_type":
        return _("'{key}' must be a list, got {given}", key=key, given=given)
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return _("'{key}' must be a mapping, got {given}", key=key, given=given)
    if kind.startswith("int_"):
        return _("'{key}' must be a whole number, got {given}", key=key, given=given)
    if kind.startswith("bool_"):
        return _("'{key}' must be true or false, got {given}", key=key, given=given)
    if kind == "greater_than_equal":
        return _("'{key}' must be at least {limit}, got {given}", key=key, limit=_limit(error), given=given)
    if kind == "less_than_equal":
        return _("'{key}' must be at most {limit}, got {given}", key=key, limit=_limit(error), given=given)
    if kind == "greater_than":
        return _("'{key}' must be more than {limit}, got {given}", key=key, limit=_limit(error), given=given)
    return _("'{key}': {problem}", key=key, problem=_problem(error))


def _unkeyed(kind: str, error: Any, given: str) -> str:
    """The message about a value that is not under a key of its own (a list item)."""
    if kind == "string_type":
        return _("value must be text, got {given}", given=given)
    if kind == "list_type":
        return _("value must be a list, got {given}", given=given)
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return _("value must be a mapping, got {given}", given=given)
    if kind.startswith("int_"):
        return _("value must be a whole number, got {given}", given=given)
    if kind.startswith("bool_"):
        return _("value must be true or false, got {given}", given=given)
    if kind == "greater_than_equal":
        return _("value must be at least {limit}, got {given}", limit=_limit(error), given=given)
    if kind == "less_than_equal":
        return _("value must be at most {limit}, got {given}", limit=_limit(error), given=given)
    if kind == "greater_than":
        return _("value must be more than {limit}, got {given}", limit=_limit(error), given=given)
    return _("value: {problem}", problem=_problem(error))


def _limit(error: Any) -> object:
    context = error.get("ctx") or {}
    return context.get("ge", context.get("le", context.get("gt", "")))


def _problem(error: Any) -> str:
    """pydantic's own words for an error no message above covers; nytta's own errors are
    translated where they are raised."""
    return str(error["msg"])


def _show(value: Any) -> str:
    if isinstance(value, dict):
        return _("a mapping")
    if isinstance(value, list):
        return _("a list")
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _unknown_key(path: Path) -> str:
    written = path[-1]
    key = str(written).lower() if isinstance(written, bool) else str(written)
    entity = _entity(path[:-1])
    term = _swedish_term(path)
    if term is not None and fold(term.swedish).replace(" ", "_") != term.key:
        if entity is None:
            return _(
                "unknown key '{key}' at the top level; did you mean '{known}' ({term})?",
                key=key,
                known=term.key,
                term=term.swedish,
            )
        return _(
            "unknown key '{key}' in {entity}; did you mean '{known}' ({term})?",
            key=key,
            entity=entity,
            known=term.key,
            term=term.swedish,
        )
    close = [term.key] if term is not None else difflib.get_close_matches(key, list(_fields_at(path[:-1])), n=1, cutoff=0.6)
    if close and entity is None:
        return _("unknown key '{key}' at the top level; did you mean '{known}'?", key=key, known=close[0])
    if close:
        return _("unknown key '{key}' in {entity}; did you mean '{known}'?", key=key, entity=entity, known=close[0])
    if entity is None:
        return _("unknown key '{key}' at the top level", key=key)
    return _("unknown key '{key}' in {entity}", key=key, entity=entity)


def _swedish_term(path: Path) -> Term | None:
    """The glossary's term when the last key of ``path`` is a Swedish word for a key there."""
    model = _model_at(path[:-1])
    if model is None or not isinstance(path[-1], str) or path[-1] in model.model_fields:
        return None
    return swedish_key(path[-1], model.__name__)


def expects_text(path: Path) -> bool:
    """Whether the value at ``path`` is text by the models (a ``note``, a ``name``), not a
    number or a value that may be either."""
    fields = _fields_at(path[:-1])
    info = fields.get(str(path[-1])) if path else None
    return info is not None and _unwrap(info.annotation) is str


def _fields_at(path: Path) -> dict[str, Any]:
    """The model fields expected at a data path (empty when the path leaves the models)."""
    model = _model_at(path)
    return dict(model.model_fields) if model is not None else {}


def _model_at(path: Path) -> type[BaseModel] | None:
    """The model expected at a data path (None when the path leaves the models)."""
    annotation: Any = Plan
    for part in path:
        annotation = _unwrap(annotation)
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            info = annotation.model_fields.get(str(part))
            if info is None:
                return None
            annotation = info.annotation
        else:
            origin = typing.get_origin(annotation)
            args = typing.get_args(annotation)
            if origin is list and args:
                annotation = args[0]
            elif origin is dict and len(args) == 2:
                annotation = args[1]
            else:
                return None
    annotation = _unwrap(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return None


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
