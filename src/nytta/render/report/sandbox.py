"""The sandbox a report template runs in, bounded so that no template can hang or exhaust.

Jinja's sandbox keeps a template from Python internals; a user's template (``--templates``)
could still read files through symlinks and loop, compute and write without end. Here:

- :class:`ContainedLoader` finds a template by name in its folders and refuses one whose
  real path (symlinks resolved) leaves the folder it was found in, before reading it;
- :class:`BoundedEnvironment` counts every ``for`` loop's iterations (a recursive loop's
  ``loop(…)`` too), the characters the template and its macros put together, the size of
  what ``*``, ``**`` and ``%`` would make (a string or list repeated, a power of an
  integer, a ``%`` format with a huge width) and the time it has run, and stops the
  template with a :class:`~jinja2.exceptions.SecurityError` past each bound.

Recursion ends in Python's RecursionError; ``nytta.render.report.build`` turns every
failure of a user's template into "the report template failed: …" and exit code 2.
"""

from __future__ import annotations

import operator
import os
import re
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from jinja2 import FileSystemLoader, nodes, pass_environment
from jinja2.compiler import CodeGenerator, Frame
from jinja2.environment import Environment
from jinja2.exceptions import SecurityError, TemplateNotFound
from jinja2.loaders import split_template_path
from jinja2.runtime import Context, LoopContext
from jinja2.sandbox import SandboxedEnvironment

#: Iterations of all the ``for`` loops of one rendering together.
MAX_ITERATIONS = 10_000_000
#: Seconds one rendering may take, checked at each loop iteration: the safety net for work
#: that each bound allows but that adds up (a large string made anew in every iteration).
MAX_SECONDS = 120.0
#: Characters one rendering may put together (its output, macros and ``set`` blocks counted).
MAX_OUTPUT = 256 * 1024 * 1024
#: The largest integer an operator may make, in bits (some 30 000 decimal digits).
MAX_INT_BITS = 100_000
#: The longest string or list ``*`` may make.
MAX_REPEAT = 16 * 1024 * 1024
#: A ``%`` format whose width or precision is this long, or given by ``*``.
_HUGE_FORMAT = re.compile(r"%[-#0 +]*(?:\*|[0-9]{7,})|%[-#0 +]*[0-9]*\.(?:\*|[0-9]{7,})")
_COUNTED = "nytta_counted"


class ContainedLoader(FileSystemLoader):
    """Templates by name from folders; a name whose file, symlinks resolved, lies outside
    the folder it is found in is refused, not read."""

    def get_source(self, environment: Environment, template: str) -> tuple[str, str, Callable[[], bool]]:
        pieces = split_template_path(template)  # refuses '..'
        for folder in self.searchpath:
            candidate = os.path.join(folder, *pieces)
            if not os.path.lexists(candidate):
                continue
            real, root = os.path.realpath(candidate), os.path.realpath(folder)
            if os.path.commonpath([real, root]) != root:
                raise SecurityError(f"the template {template!r} in {folder} leads outside that folder")
            if os.path.isfile(real):
                return _read(real)
        raise TemplateNotFound(template)


def _read(path: str) -> tuple[str, str, Callable[[], bool]]:
    with open(path, encoding="utf-8") as handle:
        contents = handle.read()
    mtime = os.path.getmtime(path)

    def uptodate() -> bool:
        try:
            return os.path.getmtime(path) == mtime
        except OSError:
            return False

    return contents, path, uptodate


class _CountingCodeGenerator(CodeGenerator):
    """Compiles every ``{% for %}`` to iterate through the environment's counting filter."""

    def visit_Template(self, node: nodes.Template, frame: Frame | None = None) -> None:
        for loop in node.find_all(nodes.For):
            if not (isinstance(loop.iter, nodes.Filter) and loop.iter.name == _COUNTED):
                loop.iter = nodes.Filter(loop.iter, _COUNTED, [], [], None, None, lineno=loop.lineno)
        super().visit_Template(node, frame)


class BoundedEnvironment(SandboxedEnvironment):
    """A sandbox with budgets for one rendering: make a new one for each."""

    code_generator_class = _CountingCodeGenerator
    intercepted_binops = frozenset({"*", "**", "%"})

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.iterations_left = MAX_ITERATIONS
        self.output_left = MAX_OUTPUT
        self.deadline = time.monotonic() + MAX_SECONDS
        self.filters[_COUNTED] = _counted

    def concat(self, pieces: Iterable[str]) -> str:
        """Join what a template, a macro or a ``set`` block wrote, within the output budget."""
        joined = []
        for piece in pieces:
            self.output_left -= len(piece)
            if self.output_left < 0:
                raise SecurityError(f"the template writes more than {MAX_OUTPUT} characters")
            joined.append(piece)
        return "".join(joined)

    def call_binop(self, context: Any, operator_name: str, left: Any, right: Any) -> Any:
        _check_size(operator_name, left, right)
        return _OPERATORS[operator_name](left, right)

    def call(__self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        """A call from the template; ``loop(…)`` of a recursive loop iterates counted too."""
        if isinstance(__obj, LoopContext) and args:
            args = (_counted(__self, args[0]), *args[1:])
        return super().call(__context, __obj, *args, **kwargs)


_OPERATORS: dict[str, Callable[[Any, Any], Any]] = {"*": operator.mul, "**": operator.pow, "%": operator.mod}


def _check_size(operator_name: str, left: Any, right: Any) -> None:
    """Refuse an operation whose result would be too large to make."""
    if operator_name == "%":
        if isinstance(left, str) and _HUGE_FORMAT.search(left):
            raise SecurityError("a % format with a width or precision that large is not allowed")
        return
    if operator_name == "**":
        if _whole(left) and _whole(right) and abs(left) > 1 and right * max(abs(left).bit_length(), 1) > MAX_INT_BITS:
            raise SecurityError(f"the power would have more than {MAX_INT_BITS} bits")
        return
    if _whole(left) and _whole(right) and abs(left).bit_length() + abs(right).bit_length() > MAX_INT_BITS:
        raise SecurityError(f"the product would have more than {MAX_INT_BITS} bits")
    for sequence, times in ((left, right), (right, left)):
        if isinstance(sequence, (str, list, tuple)) and _whole(times) and len(sequence) * times > MAX_REPEAT:
            raise SecurityError(f"the repetition would be longer than {MAX_REPEAT}")


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


@pass_environment
def _counted(environment: BoundedEnvironment, iterable: Any) -> Iterator[Any]:
    """The items of a ``for`` loop, each counted against the rendering's budget."""
    for item in iterable:
        environment.iterations_left -= 1
        if environment.iterations_left < 0:
            raise SecurityError(f"the template's loops run more than {MAX_ITERATIONS} times")
        if time.monotonic() > environment.deadline:
            raise SecurityError(f"the template runs longer than {MAX_SECONDS:g} seconds")
        yield item
