# Quiet: Django is imported, but the receiver is not a model of an app's
# models module, or the method is not one of Django's twins.
from django.conf import settings
from services.clients import Client
from shop.models import Order


async def lookups(pk, order: Order):
    Client.objects.aget(pk=pk)
    Order.objects.get_cached(pk).afirst()
    order.asave_later()
    order.archive.asave()
    return settings.DEBUG
