"""A quick walk over a whole doctree, for the handlers that look at every node.

``Node.findall`` takes docutils' general path for a predicate function or a tuple of
classes, and even its fast path is a chain of nested generators, one per level of
nesting. The extension walks every document several times (reading, collecting, resolving,
decorating), so that overhead showed up in build times; this is a plain loop over an
explicit stack instead, with the same result.
"""

from __future__ import annotations

from typing import TypeVar, overload

from docutils import nodes

__all__ = ["descendants"]

N = TypeVar("N", bound=nodes.Node)


@overload
def descendants(node: nodes.Node, classes: type[N]) -> list[N]: ...


@overload
def descendants(node: nodes.Node, classes: tuple[type[nodes.Node], ...]) -> list[nodes.Node]: ...


def descendants(
    node: nodes.Node, classes: type[N] | tuple[type[nodes.Node], ...]
) -> list[N] | list[nodes.Node]:
    """``node`` and the nodes under it that are instances of ``classes``, in document order.

    The result is a list, so the caller may change the tree while going through it.
    """
    found: list[nodes.Node] = []
    stack: list[nodes.Node] = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, classes):
            found.append(current)
        children = current.children
        if children:
            stack.extend(reversed(children))
    return found
