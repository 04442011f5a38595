"""API tokens: made once, stored as SHA-256, checked on each API request, revoked.

A token reads ``gs_`` followed by 43 URL-safe characters (256 random bits). Only
its hash is kept, so a copy of the database gives no working key; the first
characters are kept as ``prefix`` so a person can tell their tokens apart.
"""

import datetime
import hashlib
import secrets

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from giamsat.audit.services import record, snapshot
from giamsat.orgs.models import ApiToken

PREFIX = "gs_"
# last_used_at is written at most this often per token, not on every request
LAST_USED_PRECISION = datetime.timedelta(minutes=1)


def _hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


@transaction.atomic
def create_token(user, name: str, *, actor=None, via: str = "cli", now=None) -> tuple[ApiToken, str]:
    """A new token for ``user``; returns it and the key, which is never available again."""
    key = PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user, name=name, prefix=key[: len(PREFIX) + 6], key_hash=_hash(key),
        created_at=now or timezone.now(),
    )
    record(actor=actor, action="create", obj=token, after=snapshot(token), via=via)
    return token, key


def user_for_key(key: str, *, now=None):
    """The active user holding the unrevoked token ``key``, or None."""
    if not key.startswith(PREFIX):
        return None
    token = (
        ApiToken.objects.select_related("user")
        .filter(key_hash=_hash(key), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    now = now or timezone.now()
    ApiToken.objects.filter(pk=token.pk).filter(
        Q(last_used_at__isnull=True) | Q(last_used_at__lt=now - LAST_USED_PRECISION)
    ).update(last_used_at=now)
    return token.user


@transaction.atomic
def revoke_token(token: ApiToken, *, actor=None, via: str = "system", now=None) -> None:
    rows = ApiToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(revoked_at=now or timezone.now())
    if rows:
        token.refresh_from_db(fields=["revoked_at"])
        record(actor=actor, action="revoke", obj=token, after={"revoked_at": token.revoked_at.isoformat()},
               via=via)
