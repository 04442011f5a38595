"""Record audit events. Every write through a service calls :func:`record`."""

import datetime
import decimal
import hashlib
import uuid

from django.db import models
from django.db.models.fields.files import FieldFile
from django.utils import timezone

from giamsat.audit.models import AuditEvent


def _jsonable(value):
    if isinstance(value, decimal.Decimal):
        # plain digits without trailing zeros: 1500.000000 → "1500", 88.690000 → "88.69"
        return format(value.normalize(), "f")
    if isinstance(value, datetime.datetime) and value.tzinfo is not None:
        # one zone for every instant, so the same moment never shows as a change
        return value.astimezone(datetime.UTC).isoformat()
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, FieldFile):
        return value.name or ""
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    return value


# Fields whose values never enter the log: a short digest still shows that they changed.
SECRET_FIELDS = frozenset({"password", "key_hash"})


def _secret(value) -> str:
    if not value:
        return ""
    return "đã ẩn:" + hashlib.sha256(str(value).encode()).hexdigest()[:8]


def snapshot(obj: models.Model, fields: list[str] | None = None, *, m2m: bool = False) -> dict:
    """The concrete field values of ``obj`` as JSON-safe data (FKs as ids); with
    ``m2m``, also its many-to-many fields as sorted lists of ids."""
    data = {}
    for field in obj._meta.concrete_fields:
        if fields is not None and field.name not in fields:
            continue
        value = field.value_from_object(obj)
        data[field.name] = _secret(value) if field.name in SECRET_FIELDS else _jsonable(value)
    if m2m and obj.pk is not None:
        for field in obj._meta.many_to_many:
            if fields is None or field.name in fields:
                pks = sorted(getattr(obj, field.name).values_list("pk", flat=True))
                data[field.name] = _jsonable(pks)
    return data


def changed(before: dict | None, after: dict | None) -> tuple[dict | None, dict | None]:
    """Only the keys whose values differ, so events stay short and readable."""
    if before is None or after is None:
        return before, after
    keys = [k for k in after if before.get(k) != after.get(k)]
    return {k: before.get(k) for k in keys}, {k: after[k] for k in keys}


def record(
    *,
    actor,
    action: str,
    obj: models.Model | None = None,
    object_type: str = "",
    object_id: str = "",
    before: dict | None = None,
    after: dict | None = None,
    reason: str = "",
    via: str = "system",
    at: datetime.datetime | None = None,
) -> AuditEvent:
    if obj is not None:
        object_type = object_type or obj._meta.label_lower
        object_id = object_id or str(obj.pk)
    return AuditEvent.objects.create(
        at=at or timezone.now(),
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        action=action,
        object_type=object_type,
        object_id=object_id,
        object_repr=str(obj)[:255] if obj is not None else "",
        before=before,
        after=after,
        reason=reason,
        via=via,
    )
