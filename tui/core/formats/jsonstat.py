"""JSON-stat 2.0 datasets, as SSB's PxWebApi v0 and v2 return them, read into a `Cube`."""

from __future__ import annotations

import json
import math
from typing import Any, NoReturn

from tui.core.cube import Cube, Dimension, Role
from tui.core.errors import DataError
from tui.core.periods import is_time_name

_ROLES: tuple[Role, ...] = ("time", "metric", "geo")
MAX_CELLS = 20_000_000  # as for Eurostat: a sparse 'value' object must not expand without bound
_GUESSED_ROLES: dict[str, Role] = {"contentscode": "metric"}  # time is guessed by its name


def parse_jsonstat(data: bytes | str | dict[str, Any], source: str) -> Cube:
    """Turn a JSON-stat 2.0 dataset (raw body or parsed object) into a Cube, or say what is wrong."""
    doc = data if isinstance(data, dict) else _loads(data, source)
    return _Dataset(doc, source).cube()


def _loads(data: bytes | str, source: str) -> dict[str, Any]:
    """Parse JSON strictly: no NaN/Infinity, no duplicate keys, an object at the top."""
    try:
        text = data.decode("utf-8-sig") if isinstance(data, bytes) else data
        doc = json.loads(text, parse_constant=_reject_constant, object_pairs_hook=_unique_keys)
    except UnicodeDecodeError as exc:
        raise DataError(source, f"not UTF-8 text (byte {exc.start})") from exc
    except json.JSONDecodeError as exc:
        raise DataError(
            source, f"invalid JSON: {exc.msg} (column {exc.colno})", exc.lineno
        ) from exc
    except ValueError as exc:
        raise DataError(source, f"invalid JSON-stat: {exc}") from exc
    except RecursionError as exc:
        raise DataError(source, "JSON is nested too deeply") from exc
    if not isinstance(doc, dict):
        raise DataError(source, "JSON-stat must be an object at the top level")
    return doc


def _reject_constant(name: str) -> NoReturn:
    """NaN and Infinity are not JSON and never a published figure."""
    raise ValueError(f"{name} is not a valid value")


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """Build an object, refusing a key given twice (it would silently drop a category)."""
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise ValueError(f"duplicate key {key!r}")
        out[key] = value
    return out


class _Dataset:
    """One JSON-stat dataset being checked and converted; holds the source for messages."""

    def __init__(self, doc: dict[str, Any], source: str) -> None:
        self.doc = doc
        self.source = source

    def fail(self, problem: str) -> NoReturn:
        """Stop with a DataError naming the source."""
        raise DataError(self.source, problem)

    def cube(self) -> Cube:
        """Check the whole dataset and build the Cube in JSON-stat's row-major order."""
        self._check_header()
        ids = self._ids()
        sizes = self._sizes(len(ids))
        dims_obj = self.doc.get("dimension")
        if not isinstance(dims_obj, dict):
            self.fail("'dimension' must be an object")
        roles = self._roles(ids, dims_obj)
        dims = tuple(
            self._dimension(dim_id, dims_obj.get(dim_id), size, roles.get(dim_id))
            for dim_id, size in zip(ids, sizes, strict=True)
        )
        total = math.prod(sizes)
        if total > MAX_CELLS:
            self.fail(f"the table would have {total} cells (limit {MAX_CELLS})")
        values = self._values(total, sizes)
        statuses = self._statuses(total)
        label = self.doc.get("label")
        updated = self.doc.get("updated")
        return Cube(
            source=self.source,
            label=label if isinstance(label, str) else self.source,
            dimensions=dims,
            values=tuple(values),
            statuses=tuple(statuses),
            updated=updated if isinstance(updated, str) else None,
            notes=self._notes(),
        )

    def _check_header(self) -> None:
        """Only version 2.0 datasets; 1.x datasets, bundles and collections are named as such."""
        version, kind = self.doc.get("version"), self.doc.get("class")
        if kind is None:
            self._refuse_bundle()
            if "dimension" not in self.doc:
                self.fail("not a JSON-stat dataset (no 'version' or 'class')")
        if version is None:
            what = "dataset" if kind in (None, "dataset") else f"{str(kind)[:20]!r}"
            self.fail(f"this is a JSON-stat 1.x {what} (it has no 'version'); need version 2.0")
        if version != "2.0":
            self.fail(f"JSON-stat version {version!r} is not supported (need '2.0')")
        if kind not in (None, "dataset"):  # a 2.0 dataset that leaves 'class' out is read
            self.fail(f"JSON-stat class {kind!r} is not supported (need 'dataset')")

    def _refuse_bundle(self) -> None:
        """Several datasets side by side at the top: a bundle, 1.x or (without 'class') 2.0."""
        inner = {
            str(key): value
            for key, value in self.doc.items()
            if isinstance(value, dict) and ("dimension" in value or "class" in value)
        }
        if not inner:
            return
        names = ", ".join(list(inner)[:3]) + (", ..." if len(inner) > 3 else "")
        count = f"{len(inner)} dataset{'s' if len(inner) > 1 else ''} ({names})"
        if any(v.get("version") == "2.0" for v in inner.values()):
            self.fail(
                f"this is a JSON-stat 2.0 bundle of {count} with no 'class' at the top; "
                "save one dataset on its own"
            )
        self.fail(f"JSON-stat 1.x bundles are not supported: a bundle of {count}; need 2.0")

    def _ids(self) -> list[str]:
        """Dimension ids in value order, each once."""
        ids = self.doc.get("id")
        if not isinstance(ids, list) or not ids or not all(isinstance(i, str) for i in ids):
            self.fail("'id' must be a non-empty list of dimension ids")
        if len(set(ids)) != len(ids):
            self.fail("'id' names a dimension twice")
        return ids

    def _sizes(self, n_ids: int) -> list[int]:
        """One non-negative size per dimension id."""
        sizes = self.doc.get("size")
        if not isinstance(sizes, list) or not all(_is_int(s) and s >= 0 for s in sizes):
            self.fail("'size' must be a list of non-negative integers")
        if len(sizes) != n_ids:
            self.fail(f"'size' has {len(sizes)} entries but 'id' has {n_ids}")
        return sizes

    def _roles(self, ids: list[str], dims_obj: dict[str, Any]) -> dict[str, Role]:
        """Declared roles, plus time by its name and SSB's ContentsCode for roles not declared."""
        role_obj = self.doc.get("role", {})
        if not isinstance(role_obj, dict):
            self.fail("'role' must be an object")
        out: dict[str, Role] = {}
        for role in _ROLES:
            named = role_obj.get(role, [])
            if not isinstance(named, list):
                self.fail(f"role {role!r} must be a list of dimension ids")
            for dim_id in named:
                if dim_id not in ids:
                    self.fail(f"role {role!r} names unknown dimension {dim_id!r}")
                out[dim_id] = role
        declared = {r for r in _ROLES if role_obj.get(r)}
        for dim_id in ids:
            guess = _GUESSED_ROLES.get(dim_id.lower())
            obj = dims_obj.get(dim_id)
            label = obj.get("label") if isinstance(obj, dict) else None
            if is_time_name(dim_id) or (isinstance(label, str) and is_time_name(label)):
                guess = "time"
            if dim_id not in out and guess is not None and guess not in declared:
                out[dim_id] = guess
                declared.add(guess)  # the first time-like dimension only
        return out

    def _dimension(self, dim_id: str, obj: object, size: int, role: Role) -> Dimension:
        """One dimension whose category count must match its size."""
        if not isinstance(obj, dict) or not isinstance(obj.get("category"), dict):
            self.fail(f"dimension {dim_id!r} is missing or has no 'category'")
        category: dict[str, Any] = obj["category"]
        codes = self._codes(dim_id, category)
        if len(codes) != size:
            self.fail(f"dimension {dim_id!r} has {len(codes)} categories but size says {size}")
        labels_obj = category.get("label", {})
        if not isinstance(labels_obj, dict):
            self.fail(f"dimension {dim_id!r}: category 'label' must be an object")
        labels = tuple(str(labels_obj.get(code, code)) for code in codes)
        label = obj.get("label")
        return Dimension(
            id=dim_id,
            label=label if isinstance(label, str) else dim_id,
            codes=codes,
            labels=labels,
            role=role,
            units=self._units(category.get("unit"), codes),
        )

    def _codes(self, dim_id: str, category: dict[str, Any]) -> tuple[str, ...]:
        """Category codes in position order from an index list or {code: position} object."""
        index = category.get("index")
        if index is None:
            labels = category.get("label")
            if isinstance(labels, dict) and len(labels) == 1:
                return (str(next(iter(labels))),)
            self.fail(f"dimension {dim_id!r} has no category 'index'")
        if isinstance(index, list):
            if not all(isinstance(c, str) for c in index):
                self.fail(f"dimension {dim_id!r}: category codes must be strings")
            if len(set(index)) != len(index):
                dup = next(c for c in index if index.count(c) > 1)
                self.fail(f"dimension {dim_id!r}: duplicate category code {dup!r}")
            return tuple(index)
        if isinstance(index, dict):
            positions = list(index.values())
            if sorted(p for p in positions if _is_int(p)) != list(range(len(index))):
                self.fail(
                    f"dimension {dim_id!r}: category index positions must be 0..{len(index) - 1}"
                )
            return tuple(code for code, _ in sorted(index.items(), key=lambda kv: int(kv[1])))
        self.fail(f"dimension {dim_id!r}: category 'index' must be a list or an object")

    def _units(self, unit_obj: object, codes: tuple[str, ...]) -> tuple[str, ...]:
        """Unit text per code (v2 'label', v0 'base', or 'symbol'); () when none is given."""
        if not isinstance(unit_obj, dict) or not unit_obj:
            return ()
        out: list[str] = []
        for code in codes:
            unit = unit_obj.get(code)
            text = ""
            if isinstance(unit, dict):
                for key in ("label", "base", "symbol"):
                    if isinstance(unit.get(key), str) and unit[key]:
                        text = unit[key]
                        break
            out.append(text)
        return tuple(out)

    def _values(self, total: int, sizes: list[int]) -> list[float | None]:
        """Values from a full list or a sparse {position: value} object."""
        raw = self.doc.get("value")
        if isinstance(raw, list):
            if not raw and total:
                self._refuse_metadata(sizes)
            if len(raw) != total:
                self.fail(f"'value' has {len(raw)} entries but the sizes multiply to {total}")
            return [self._number(v, i) for i, v in enumerate(raw)]
        if isinstance(raw, dict):
            values: list[float | None] = [None] * total
            for key, v in raw.items():
                pos = self._position(key, total, "value")
                values[pos] = self._number(v, pos)
            return values
        self.fail("'value' must be a list or an object")

    def _refuse_metadata(self, sizes: list[int]) -> NoReturn:
        """A PxWebApi metadata answer describes the table but holds none of its values."""
        extension = self.doc.get("extension")
        px = extension.get("px") if isinstance(extension, dict) else None
        table = px.get("tableid") if isinstance(px, dict) else None
        endpoint = (
            f"/tables/{table}/data" if isinstance(table, str) and table else "/tables/{id}/data"
        )
        shape = " x ".join(str(n) for n in sizes)
        self.fail(
            f"this is table metadata without values ('value' is empty for {shape} cells), "
            f"as PxWebApi's metadata endpoint answers; its data endpoint ({endpoint}) gives the values"
        )

    def _number(self, v: object, pos: int) -> float | None:
        """A finite number or None; strings, booleans, NaN and overflow are refused."""
        if v is None:
            return None
        if isinstance(v, bool) or not isinstance(v, int | float):
            self.fail(f"value at position {pos} is {str(v)[:40]!r}, not a number or null")
        try:
            number = float(v)
        except OverflowError:
            number = math.inf
        if not math.isfinite(number):
            self.fail(f"value at position {pos} is {str(v)[:40]}, not a finite number")
        return number

    def _position(self, key: object, total: int, what: str) -> int:
        """A sparse object's key as a position inside the table."""
        text = str(key)
        digits = text.lstrip("0") or "0"  # never int() a huge key: Python refuses > 4300 digits
        if (
            not (text.isascii() and text.isdigit())
            or len(digits) > len(str(total))
            or int(digits) >= total
        ):
            self.fail(f"'{what}' key {text[:40]!r} is not a position below {total}")
        return int(digits)

    def _statuses(self, total: int) -> list[str]:
        """Status per cell from a single string, a list or a {position: symbol} object."""
        raw = self.doc.get("status")
        out = [""] * total
        if raw is None:
            pass
        elif isinstance(raw, str):
            out = [raw] * total
        elif isinstance(raw, list):
            if len(raw) not in (1, total):
                self.fail(f"'status' has {len(raw)} entries but there are {total} values")
            out = [self._symbol(s) for s in raw] * (total if len(raw) == 1 else 1)
        elif isinstance(raw, dict):
            for key, s in raw.items():
                out[self._position(key, total, "status")] = self._symbol(s)
        else:
            self.fail("'status' must be a string, a list or an object")
        return out

    def _symbol(self, s: object) -> str:
        """A status symbol; null means none."""
        if s is None:
            return ""
        if not isinstance(s, str):
            self.fail(f"status {s!r} is not a string")
        return s

    def _notes(self) -> tuple[str, ...]:
        """Dataset notes as text lines."""
        note = self.doc.get("note")
        if isinstance(note, str):
            return (note,)
        if isinstance(note, list):
            return tuple(n for n in note if isinstance(n, str))
        return ()


def _is_int(v: object) -> bool:
    """True for real integers (JSON booleans are not sizes or positions)."""
    return isinstance(v, int) and not isinstance(v, bool)
