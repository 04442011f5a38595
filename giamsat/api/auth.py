"""Who is calling the API: a bearer token (``giamsat createtoken``) or the web session.

Routers take ``auth=API_AUTH``. Either way the endpoint finds the user in
``request.auth`` and, the same object, in ``request.user``. With the session, a
write must carry the CSRF token, as in the web pages; with a token it need not.
"""

from ninja.security import HttpBearer, django_auth

from giamsat.orgs import tokens


class TokenAuth(HttpBearer):
    def authenticate(self, request, token):
        user = tokens.user_for_key(token)
        if user is not None:
            request.user = user
        return user


API_AUTH = [TokenAuth(), django_auth]
