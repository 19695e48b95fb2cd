"""The site's URLs plus one view that fails, to see the 500 page a visitor would get."""

from django.urls import path

from koonto.urls import urlpatterns as site_urlpatterns


def broken_view(request):
    raise RuntimeError("secret detail: the database password is hunter2")


urlpatterns = [path("broken/", broken_view), *site_urlpatterns]
