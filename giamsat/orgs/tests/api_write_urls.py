"""A one-endpoint API with the project's auth, to test writes (CSRF) without
depending on another app's endpoints."""

from django.urls import path
from ninja import NinjaAPI

from giamsat.api.auth import API_AUTH
from giamsat.api.errors import install_error_handlers

api = NinjaAPI(urls_namespace="api-write-test", auth=API_AUTH)
install_error_handlers(api)


@api.api_operation(["GET", "POST"], "/echo")
def echo(request):
    from django.middleware.csrf import get_token

    get_token(request)
    return {"user": request.auth.username}


urlpatterns = [path("api/", api.urls)]
