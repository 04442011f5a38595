"""Idempotency keys of the bulk API: a retried request gets the first answer and stores nothing.

The key is stored in the same transaction as the values it answered for, so either both
are there or neither is. A key sent again with a different body is refused.
"""

import datetime
import hashlib

from django.utils import timezone
from django.utils.translation import gettext as _

from giamsat.errors import GiamsatError
from giamsat.reporting.errors import IdempotencyKeyReusedError
from giamsat.reporting.models import IdempotencyKey

MAX_KEY = 200
KEEP_DAYS = 7


def read_key(request) -> str | None:
    key = request.headers.get("Idempotency-Key")
    if key is None:
        return None
    key = key.strip()
    if not key or len(key) > MAX_KEY:
        raise GiamsatError(_("Idempotency-Key phải có từ 1 đến 200 ký tự."), location="Idempotency-Key")
    return key


def fingerprint(method: str, path: str, body: bytes) -> str:
    return hashlib.sha256(method.encode() + b" " + path.encode() + b"\n" + body).hexdigest()


def replay(user, key: str, print_: str) -> tuple[int, dict] | None:
    """The stored answer for ``key``; refuses a key reused for a different request."""
    stored = IdempotencyKey.objects.filter(user=user, key=key).first()
    if stored is None:
        return None
    if stored.fingerprint != print_:
        raise IdempotencyKeyReusedError()
    return stored.status, stored.response


def remember(user, key: str, print_: str, status: int, response: dict) -> None:
    """Store the answer; must run inside the transaction that wrote the data (a key
    already stored by a racing retry raises IntegrityError and rolls it all back)."""
    IdempotencyKey.objects.create(
        user=user, key=key, fingerprint=print_, status=status, response=response, created_at=timezone.now(),
    )


def purge(now: datetime.datetime, keep_days: int = KEEP_DAYS) -> int:
    """Forget keys older than ``keep_days``; returns how many were removed."""
    deleted, _rows = IdempotencyKey.objects.filter(created_at__lt=now - datetime.timedelta(days=keep_days)).delete()
    return deleted

