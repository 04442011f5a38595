"""Fast bulk writes for the simulation: PostgreSQL COPY, SQLite executemany, and
dropping a big table's secondary indexes and constraints while it is filled.

Rows are tuples in the order of the columns given; columns of the model that the
caller does not give are filled with the field's default, so a field reporting adds
later with a default does not break the simulation.
"""

from collections.abc import Iterable, Sequence
from contextlib import contextmanager
from datetime import date, datetime

from django.db import connection, models


def _literal(value) -> str:
    if value is None:
        return r"\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, datetime | date):
        return value.isoformat()
    text = str(value)
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def _defaults(model: type[models.Model], given: Sequence[str]) -> tuple[list[str], list]:
    """The model's other columns (not the primary key) with their default values."""
    now = datetime.now().astimezone()
    columns, values = [], []
    for field in model._meta.concrete_fields:
        if field.column in given or field.primary_key:
            continue
        auto = getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)
        columns.append(field.column)
        values.append(now if auto else field.get_default())
    return columns, values


class Writer:
    """Writes rows of ``columns`` into ``model``'s table, in batches, on either database."""

    def __init__(self, model: type[models.Model], columns: Sequence[str], *, batch: int = 200_000):
        self.table = model._meta.db_table
        extra_columns, extra_values = _defaults(model, columns)
        self.columns = [*columns, *extra_columns]
        self.extra = extra_values
        self.suffix = "".join("\t" + _literal(v) for v in extra_values)
        self.batch = batch
        self.postgres = connection.vendor == "postgresql"
        self.buffer: list = []
        self.count = 0

    def add(self, row: Sequence) -> None:
        if self.postgres:
            self.buffer.append("\t".join(_literal(v) for v in row) + self.suffix + "\n")
        else:
            self.buffer.append((*row, *self.extra))
        if len(self.buffer) >= self.batch:
            self.flush()

    def add_many(self, rows: Iterable[Sequence]) -> None:
        for row in rows:
            self.add(row)

    def add_values(self, submission_id: int, rows: Iterable[tuple], indicator_ids: Sequence[int]) -> None:
        """Rows (indicator position, value, numerator, denominator) of one submission: the
        hot loop of a national fill, formatted without the generic quoting."""
        buffer = self.buffer
        if self.postgres:
            end = self.suffix + "\n"
            for i, value, num, den in rows:
                if num is None:
                    buffer.append(f"{submission_id}\t{indicator_ids[i]}\t{value}\t\\N\t\\N{end}")
                else:
                    buffer.append(f"{submission_id}\t{indicator_ids[i]}\t{value}\t{num}\t{den}{end}")
        else:
            extra = tuple(self.extra)
            for i, value, num, den in rows:
                buffer.append((submission_id, indicator_ids[i], value, num, den, *extra))
        if len(buffer) >= self.batch:
            self.flush()

    def flush(self) -> None:
        if not self.buffer:
            return
        with connection.cursor() as cursor:
            if self.postgres:
                copy_sql = f"COPY {self.table} ({', '.join(self.columns)}) FROM STDIN"
                with cursor.cursor.copy(copy_sql) as copy:
                    copy.write("".join(self.buffer))
            else:
                marks = ", ".join(["%s"] * len(self.columns))
                cursor.executemany(f"INSERT INTO {self.table} ({', '.join(self.columns)}) VALUES ({marks})", self.buffer)  # noqa: S608 - names from the model
        self.count += len(self.buffer)
        self.buffer = []


@contextmanager
def bare_table(model: type[models.Model]):
    """On PostgreSQL: drop the table's secondary indexes and its constraints other than
    the primary key while it is filled, then put them back (faster than updating them
    row by row). Each step commits at once (autocommit), so that other connections —
    the fill's workers — can write meanwhile. Elsewhere: nothing."""
    if connection.vendor != "postgresql":
        yield
        return
    table = model._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # no pending checks may block ALTER TABLE
        cursor.execute(
            "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint"
            " WHERE conrelid = %s::regclass AND contype <> 'p'", [table])
        constraints = cursor.fetchall()
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = %s AND indexname NOT IN"
            " (SELECT conname FROM pg_constraint WHERE conrelid = %s::regclass)", [table, table])
        indexes = cursor.fetchall()
        for name, _definition in constraints:
            cursor.execute(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
        for name, _definition in indexes:
            cursor.execute(f'DROP INDEX "{name}"')
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("SET LOCAL maintenance_work_mem = '512MB'")
            for _name, definition in indexes:
                cursor.execute(definition)
            for name, definition in constraints:
                cursor.execute(f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}')


def reset_sequence(model: type[models.Model]) -> None:
    if connection.vendor != "postgresql":
        return
    table = model._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT setval(pg_get_serial_sequence(%s, 'id'), COALESCE((SELECT MAX(id) FROM {table}), 1))",  # noqa: S608
            [table],
        )


def next_id(model: type[models.Model]) -> int:
    last = model.objects.order_by("-pk").values_list("pk", flat=True).first()
    return (last or 0) + 1
