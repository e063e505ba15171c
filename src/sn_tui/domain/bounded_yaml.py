"""YAML read with bounds, so that one malformed file is reported instead of taking a command down.

The repository is edited with plain git too, so a frontmatter may hold anything: an impossible
date (`2026-02-30`), a tag on a value it cannot convert (`!!int notanint`), or aliases that
expand a few hundred bytes into billions of nodes ("billion laughs"; PyYAML builds them as
shared objects, but whatever prints or stores the value walks every one). Every such case
becomes a `FrontmatterError` with the file line and a code the front ends translate.
"""

from __future__ import annotations

from typing import Any

from sn_tui.domain.document import FrontmatterError, yaml_loader

MAX_YAML_CHARS = 256 * 1024
"""A frontmatter or a small YAML file is a few KB; adgang.yml for 1,000 people ~150 KB."""
MAX_NODES = 100_000
"""Nodes a document may have once every alias is expanded (adgang.yml, 1,000 people: ~12,000)."""
MAX_DEPTH = 50
"""Nesting of mappings and lists (a frontmatter has two or three levels); deeper nesting would
exhaust the recursion of whatever walks the data."""


def load_bounded(text: str, first_line: int = 1) -> Any:
    """`yaml.load(text)` with the safe C loader, or `FrontmatterError` (line in the file: the
    YAML's line 1 is `first_line`) for text YAML cannot read, a value its tag cannot hold, too
    much text, or aliases that expand beyond `MAX_NODES`."""
    import yaml

    if len(text) > MAX_YAML_CHARS:
        raise FrontmatterError(first_line, str(len(text)), code="yaml-too-large")
    loader = _loader_class()(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        _check_expanded_size(node, first_line)
        return loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = first_line + (mark.line if mark is not None else 0)
        if isinstance(exc.problem, _ValueProblem):
            raise FrontmatterError(line, str(exc.problem), code="yaml-value") from exc
        raise FrontmatterError(line, str(exc.problem or exc.context or exc)) from exc
    except yaml.YAMLError as exc:
        raise FrontmatterError(first_line, str(exc)) from exc
    except RecursionError as exc:
        raise FrontmatterError(first_line, "", code="yaml-too-deep") from exc
    finally:
        loader.dispose()


def _check_expanded_size(root: Any, first_line: int) -> None:
    """Refuse a node graph that aliases expand beyond `MAX_NODES` (or into a cycle), or that
    nests deeper than `MAX_DEPTH`; counted without expanding it: each distinct node's size
    once, iteratively."""
    import yaml

    sizes: dict[int, int] = {}
    stack: list[tuple[Any, int, bool]] = [(root, 0, False)]
    while stack:
        node, depth, done = stack.pop()
        key = id(node)
        if isinstance(node, yaml.ScalarNode):
            sizes[key] = 1
            continue
        if depth > MAX_DEPTH:
            raise FrontmatterError(first_line + node.start_mark.line, "", code="yaml-too-deep")
        children = (
            [part for pair in node.value for part in pair]
            if isinstance(node, yaml.MappingNode)
            else node.value
        )
        if not done:
            if key in sizes:
                continue
            sizes[key] = -1  # being counted: meeting it again below it is a cycle
            stack.append((node, depth, True))
            stack.extend((child, depth + 1, False) for child in children)
            continue
        total = 1
        for child in children:
            size = sizes[id(child)]
            if size < 0:
                raise FrontmatterError(first_line + node.start_mark.line, "", code="yaml-aliases")
            total += size
        if total > MAX_NODES:
            raise FrontmatterError(first_line + node.start_mark.line, "", code="yaml-aliases")
        sizes[key] = total


_SHOWN = 40  # characters of a bad value quoted back to the user
_LOADER: Any = None


def _loader_class() -> Any:
    """The safe loader whose construction errors (a date that does not exist, `!!int x`) are
    `ConstructorError`s carrying the value's position, like every other YAML error."""
    global _LOADER
    if _LOADER is None:
        import yaml

        base = yaml_loader()

        class _Loader(base):  # type: ignore[misc,valid-type]
            def construct_object(self, node: Any, deep: bool = False) -> Any:
                try:
                    return super().construct_object(node, deep)
                except yaml.YAMLError:
                    raise
                except (ValueError, TypeError, OverflowError, ArithmeticError) as exc:
                    value = node.value if isinstance(node, yaml.ScalarNode) else node.tag
                    if len(value) > _SHOWN:
                        value = value[:_SHOWN] + "…"
                    raise yaml.constructor.ConstructorError(
                        None, None, _ValueProblem(str(value)), node.start_mark
                    ) from exc

        _LOADER = _Loader
    return _LOADER


class _ValueProblem(str):
    """A construction problem: the text of the value that could not be converted."""

    __slots__ = ()
