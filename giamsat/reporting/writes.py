"""The hot write path of a report's values: one read, one upsert per chunk, no model instances.

A national round is 3,400 submissions × 150 values; building and comparing 150 model
instances per call cost more than the database work, so this module works on tuples:
it reads the stored values as tuples, compares them with the new ones, and writes the
changed ones with one ``INSERT … ON CONFLICT … DO UPDATE`` per chunk (SQLite ≥ 3.24 and
PostgreSQL both speak it). The caller holds the transaction.
"""

from decimal import Decimal

from django.db import connection

from giamsat.reporting.models import Value

# The stored part of a value, in the order the tuples carry it.
FIELDS = ("value", "numerator", "denominator", "note", "outlier_confirmed")


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
    return None if row is None else {name: plain(v) for name, v in zip(FIELDS, row, strict=True)}


def load_many(submission_ids: list[int]) -> dict[int, dict[int, tuple[int, tuple]]]:
    """Submission id → indicator id → (value row id, stored tuple), in one query."""
    result: dict[int, dict[int, tuple[int, tuple]]] = {}
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
    """Rows per upsert statement, within the database's limit on parameters."""
    return max(1, min(_max_params(), 30000) // (len(FIELDS) + 2))


def upsert(rows: list[tuple[int, int, tuple]]) -> None:
    """Insert or update (submission id, indicator id, stored tuple) rows in one statement."""
    if not rows:
        return
    meta, qn = Value._meta, connection.ops.quote_name
    columns = [meta.get_field("submission").column, meta.get_field("indicator").column] + [meta.get_field(f).column for f in FIELDS]
    unique = ", ".join(qn(c) for c in columns[:2])
    updates = ", ".join(f"{qn(c)} = excluded.{qn(c)}" for c in columns[2:])
    one = "(" + ", ".join(["%s"] * len(columns)) + ")"
    sql = (
        f"INSERT INTO {qn(meta.db_table)} ({', '.join(qn(c) for c in columns)}) VALUES "  # noqa: S608 - names from the model, values as parameters
        + ", ".join([one] * len(rows))
        + f" ON CONFLICT ({unique}) DO UPDATE SET {updates}"
    )
    params = []
    for submission_id, ind_id, stored in rows:
        params.append(submission_id)
        params.append(ind_id)
        params.extend(stored)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def delete(value_ids: list[int]) -> None:
    if value_ids:
        Value.objects.filter(pk__in=value_ids).delete()
