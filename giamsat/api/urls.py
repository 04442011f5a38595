from django.urls import path

from giamsat.api.root import api

urlpatterns = [path("", api.urls)]
