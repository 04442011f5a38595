"""Login throttling: django-axes' lockout check as an authentication backend."""

from axes.backends import AxesStandaloneBackend


class LoginThrottleBackend(AxesStandaloneBackend):
    """Refuses a locked-out username before any password is checked.

    django-axes raises when ``authenticate()`` is called without a request; the
    login pages always pass one, so a call without a request (the test client's
    ``login()``, a shell) is no login form to throttle and is let through to the
    next backend.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username, password, **kwargs)
