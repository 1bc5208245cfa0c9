"""A minimal immutable record base, cheap to define.

``@dataclass`` generates and ``exec``s code for every class: about 0.8 ms
each, 12 ms for aigap's model, paid at the start of every command (measured
with ``python -X importtime``). This base reads the class annotations once in
``__init_subclass__`` and shares one generic ``__init__``, so defining a
record costs microseconds. ``dataclass_transform`` tells type checkers that
subclasses behave like frozen dataclasses.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any, ClassVar, TypeVar, cast, dataclass_transform

T = TypeVar("T")


class Factory:
    """A default built afresh for every instance (like ``field(default_factory=...)``)."""

    __slots__ = ("make",)

    def __init__(self, make: Callable[[], Any]) -> None:
        self.make = make


def factory(make: Callable[[], T]) -> T:
    """``field(default_factory=make)`` for records, typed as what ``make`` returns."""
    return cast(T, Factory(make))


@dataclass_transform(frozen_default=True)
class Record:
    _fields: ClassVar[tuple[str, ...]] = ()
    _field_set: ClassVar[frozenset[str]] = frozenset()
    _defaults: ClassVar[dict[str, Any]] = {}
    _plain_defaults: ClassVar[dict[str, Any]] = {}
    _factories: ClassVar[tuple[tuple[str, Callable[[], Any]], ...]] = ()
    _frozen: ClassVar[bool] = True

    def __init_subclass__(cls, frozen: bool = True, kw_only: bool = False, **kwargs: Any) -> None:
        # kw_only only informs type checkers (dataclass_transform); at run time
        # every record accepts keywords, and positions in field order.
        super().__init_subclass__(**kwargs)
        fields: list[str] = []
        defaults: dict[str, Any] = {}
        for base in reversed(cls.__mro__[1:]):
            for name in getattr(base, "_fields", ()):
                if name not in fields:
                    fields.append(name)
            defaults.update(getattr(base, "_defaults", {}))
        for name, hint in inspect.get_annotations(cls).items():
            if name.startswith("_") or str(hint).startswith("ClassVar"):
                continue
            if name not in fields:
                fields.append(name)
            if name in cls.__dict__:
                defaults[name] = cls.__dict__[name]
        cls._fields = tuple(fields)
        cls._field_set = frozenset(fields)
        cls._defaults = defaults
        cls._plain_defaults = {n: d for n, d in defaults.items() if type(d) is not Factory}
        cls._factories = tuple((n, d.make) for n, d in defaults.items() if type(d) is Factory)
        cls._frozen = frozen
        for name in defaults:  # instances hold every field; class attributes would mislead
            if name in cls.__dict__:
                delattr(cls, name)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # Hot: validation builds every record of a fact base through here, so
        # the instance dict is filled with two C-level updates, not a loop.
        fields = self._fields
        if args:
            if len(args) > len(fields):
                raise TypeError(f"{type(self).__name__} takes at most {len(fields)} arguments")
            for name, value in zip(fields, args, strict=False):
                if name in kwargs:
                    raise TypeError(f"{type(self).__name__}: bad or repeated argument {name!r}")
                kwargs[name] = value
        if not self._field_set.issuperset(kwargs):
            bad = next(name for name in kwargs if name not in self._field_set)
            raise TypeError(f"{type(self).__name__}: bad or repeated argument {bad!r}")
        values = self.__dict__
        values.update(self._plain_defaults)
        values.update(kwargs)
        for name, make in self._factories:
            if name not in kwargs:
                values[name] = make()
        if len(values) != len(fields):
            missing = next(name for name in fields if name not in values)
            raise TypeError(f"{type(self).__name__}: missing argument {missing!r}")

    def __setattr__(self, name: str, value: Any) -> None:
        if self._frozen:
            raise AttributeError(f"{type(self).__name__} is immutable")
        object.__setattr__(self, name, value)

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self._fields)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._values() == other._values()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        if not self._frozen:
            raise TypeError(f"unhashable type: {type(self).__name__}")
        return hash((type(self), self._values()))

    def __repr__(self) -> str:
        inner = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._fields)
        return f"{type(self).__name__}({inner})"
