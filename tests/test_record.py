"""Record: the cheap frozen-dataclass stand-in every model class is built on."""

from __future__ import annotations

from typing import ClassVar

import pytest

from aigap.record import Factory, Record


class Point(Record):
    x: int
    y: int = 0
    tags: list[str] = Factory(list)
    kind_name: ClassVar[str] = "point"


class Point3(Point):
    z: int = 5


class Mutable(Record, frozen=False):
    value: int
    items: list[int] = Factory(list)


def test_positional_keyword_and_defaults() -> None:
    assert Point(1) == Point(x=1) == Point(1, 0) == Point(1, y=0, tags=[])
    p = Point(1, 2, ["a"])
    assert (p.x, p.y, p.tags) == (1, 2, ["a"])
    assert Point._fields == ("x", "y", "tags")
    assert Point.kind_name == "point"


def test_factory_default_is_fresh_per_instance() -> None:
    a, b = Point(1), Point(1)
    assert a.tags == [] and a.tags is not b.tags


def test_subclass_extends_fields_in_order() -> None:
    p = Point3(1, 2, [], 3)
    assert Point3._fields == ("x", "y", "tags", "z")
    assert (p.x, p.y, p.z) == (1, 2, 3)
    assert Point3(1).z == 5
    assert Point3(1) != Point(1)  # another type


@pytest.mark.parametrize(
    ("args", "kwargs", "message"),
    [
        ((), {}, "missing argument 'x'"),
        ((), {"y": 1}, "missing argument 'x'"),
        ((1,), {"x": 1}, "bad or repeated argument 'x'"),
        ((), {"x": 1, "w": 2}, "bad or repeated argument 'w'"),
        ((1, 2, [], 4), {}, "takes at most 3 arguments"),
    ],
)
def test_bad_arguments(args: tuple[object, ...], kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(TypeError, match=message):
        Point(*args, **kwargs)


def test_frozen_and_hashable() -> None:
    p = Point3(1, 2, z=3)
    with pytest.raises(AttributeError):
        p.x = 5  # type: ignore[misc]
    assert hash(Point(1, 2, ())) == hash(Point(1, 2, ()))  # type: ignore[arg-type]
    assert {Point(1, 2, ()), Point(1, 2, ())} == {Point(1, 2, ())}  # type: ignore[arg-type]


def test_mutable_records() -> None:
    m = Mutable(1)
    m.value = 2
    m.items.append(3)
    assert m == Mutable(2, [3])
    with pytest.raises(TypeError):
        hash(m)


def test_repr_and_equality() -> None:
    assert repr(Point(1, 2, [])) == "Point(x=1, y=2, tags=[])"
    assert Point(1) != Point(2)
    assert Point(1).__eq__(object()) is NotImplemented


def test_class_attributes_do_not_shadow_fields() -> None:
    assert "y" not in Point.__dict__  # defaults live on instances only
    assert vars(Point(1, 2)) == {"x": 1, "y": 2, "tags": []}
