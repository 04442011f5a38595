"""The hot write path of a report's values: one read, set-wise writes, no model instances.

A national round is 3,400 submissions × 150 values; building and comparing 150 model
instances per call cost more than the database work, so this module works on tuples:
it reads the stored values as tuples (the caller compares them with the new ones),
inserts the new rows (``COPY`` on PostgreSQL, multi-row ``INSERT`` on SQLite),
overwrites the changed ones (one ``UPDATE … FROM unnest(…)`` on PostgreSQL) and deletes
the removed ones. The caller holds the transaction and the submissions' locks.
"""

from decimal import Decimal

from django.db import connection

from giamsat.reporting.models import Value

# The stored part of a value, in the order the tuples carry it.
FIELDS = ("value", "numerator", "denominator", "note", "outlier_confirmed")
# A new row: its submission and indicator, then the stored part.
COLUMNS = ("submission", "indicator", *FIELDS)


def plain(number):
    """A number as audit text without trailing zeros: Decimal('12.000000') → '12'."""
    if not isinstance(number, Decimal):
        return number
    text = str(number)
    if "E" in text or "e" in text:
        number = number.normalize()
        return str(number.quantize(Decimal(1)) if number == number.to_integral() else number)
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def as_dict(row: tuple | None) -> dict | None:
    """A stored tuple as the audit shows it."""
    if row is None:
        return None
    value, numerator, denominator, note, confirmed = row
    return {
        "value": None if value is None else plain(value),
        "numerator": None if numerator is None else plain(numerator),
        "denominator": None if denominator is None else plain(denominator),
        "note": note, "outlier_confirmed": confirmed,
    }


def load_many(submission_ids: list[int]) -> dict[int, dict[int, tuple[int, tuple]]]:
    """Submission id → indicator id → (value row id, stored tuple), in one query."""
    result: dict[int, dict[int, tuple[int, tuple]]] = {}
    if not submission_ids:
        return result
    rows = Value.objects.filter(submission_id__in=submission_ids).values_list("submission_id", "indicator_id", "id", *FIELDS)
    for sub_id, ind_id, pk, *rest in rows:
        result.setdefault(sub_id, {})[ind_id] = (pk, tuple(rest))
    return result


def _max_params() -> int:
    if connection.vendor == "sqlite":
        # Django assumes SQLite's old limit of 999; ask the library for the real one (32,766 since 3.32).
        import sqlite3

        connection.ensure_connection()
        return min(connection.connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER), 30000)
    return getattr(connection.features, "max_query_params", None) or 30000


def chunk_size() -> int:
    """Rows per INSERT statement, within the database's limit on parameters."""
    return max(1, min(_max_params(), 30000) // len(COLUMNS))


def _column(name: str) -> str:
    return connection.ops.quote_name(Value._meta.get_field(name).column)


def insert(rows: list[tuple]) -> None:
    """Insert new rows ``(submission id, indicator id, *FIELDS)``.

    The caller holds the lock on their submissions and has read their stored values, so
    none of these rows exists: a unique violation means someone wrote behind the lock
    and surfaces as ``IntegrityError``, never as a silent overwrite. PostgreSQL takes the
    rows with ``COPY``, the fastest way in; SQLite with multi-row ``INSERT``s.
    """
    if not rows:
        return
    table, columns = connection.ops.quote_name(Value._meta.db_table), ", ".join(_column(c) for c in COLUMNS)
    with connection.cursor() as cursor, connection.wrap_database_errors:
        if connection.vendor == "postgresql":
            with cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            return
        one = "(" + ", ".join(["%s"] * len(COLUMNS)) + ")"
        size = chunk_size()
        for start in range(0, len(rows), size):
            chunk = rows[start:start + size]
            # names from the model, values as parameters
            cursor.execute(f"INSERT INTO {table} ({columns}) VALUES " + ", ".join([one] * len(chunk)), [x for row in chunk for x in row])  # noqa: S608


def update(rows: list[tuple]) -> int:
    """Overwrite stored rows ``(value id, *FIELDS)`` (in one statement on PostgreSQL);
    returns how many rows were found."""
    if not rows:
        return 0
    table = connection.ops.quote_name(Value._meta.db_table)
    pk = _column("id")
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            types = ("bigint", "numeric", "numeric", "numeric", "text", "boolean")
            names = ", ".join([pk] + [_column(f) for f in FIELDS])
            sets = ", ".join(f"{_column(f)} = n.{_column(f)}" for f in FIELDS)
            arrays = ", ".join(f"%s::{t}[]" for t in types)
            cursor.execute(
                f"UPDATE {table} AS v SET {sets} FROM unnest({arrays}) AS n({names}) WHERE v.{pk} = n.{pk}",  # noqa: S608
                [list(column) for column in zip(*rows, strict=True)],
            )
            return cursor.rowcount
        sets = ", ".join(f"{_column(f)} = %s" for f in FIELDS)
        cursor.executemany(f"UPDATE {table} SET {sets} WHERE {pk} = %s", [(*row[1:], row[0]) for row in rows])  # noqa: S608
        return cursor.rowcount


def delete(value_ids: list[int]) -> None:
    if value_ids:
        Value.objects.filter(pk__in=value_ids).delete()
