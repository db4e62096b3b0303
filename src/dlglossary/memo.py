"""Values worked out once per object and forgotten with it.

``functools.lru_cache`` keyed by a store or a matcher keeps up to ``maxsize`` of them
alive: a language server that loads a new project store on every glossary edit would
hold on to old matchers and their caches. :func:`per_object` keeps each value only as long
as the object it was made from.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import TypeVar

__all__ = ["per_object"]

K = TypeVar("K")
V = TypeVar("V")


def per_object(function: Callable[[K], V]) -> Callable[[K], V]:
    """``function(key)``, computed once per ``key`` (weakly referenced) and remembered.

    The value must not refer to the key, or the key would never be forgotten.
    """
    values: weakref.WeakKeyDictionary[K, V] = weakref.WeakKeyDictionary()

    def remembered(key: K) -> V:
        try:
            return values[key]
        except KeyError:
            value = values[key] = function(key)
            return value

    remembered.__doc__ = function.__doc__
    remembered.__name__ = function.__name__
    return remembered
