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
from typing import Any, ClassVar, dataclass_transform


class Factory:
    """A default built afresh for every instance (like ``field(default_factory=...)``)."""

    __slots__ = ("make",)

    def __init__(self, make: Callable[[], Any]) -> None:
        self.make = make


@dataclass_transform(frozen_default=True)
class Record:
    _fields: ClassVar[tuple[str, ...]] = ()
    _defaults: ClassVar[dict[str, Any]] = {}
    _frozen: ClassVar[bool] = True

    def __init_subclass__(cls, frozen: bool = True, **kwargs: Any) -> None:
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
        cls._defaults = defaults
        cls._frozen = frozen
        for name in defaults:  # instances hold every field; class attributes would mislead
            if name in cls.__dict__:
                delattr(cls, name)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        fields = self._fields
        if len(args) > len(fields):
            raise TypeError(f"{type(self).__name__} takes at most {len(fields)} arguments")
        values = dict(zip(fields, args, strict=False))
        for name, value in kwargs.items():
            if name not in fields or name in values:
                raise TypeError(f"{type(self).__name__}: bad or repeated argument {name!r}")
            values[name] = value
        set_field = object.__setattr__
        defaults = self._defaults
        for name in fields:
            if name in values:
                set_field(self, name, values[name])
            elif name in defaults:
                default = defaults[name]
                set_field(self, name, default.make() if type(default) is Factory else default)
            else:
                raise TypeError(f"{type(self).__name__}: missing argument {name!r}")

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
