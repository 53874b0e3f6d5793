# Quiet: a module that imports neither Django nor Channels; a class from a
# module not named `models`; a method that is not one of Django's twins; a
# queryset chain through a method that is not a lazy queryset method.
from catalog.models import Product
from services.clients import Client


async def lookups(pk):
    Product.objects.aget(pk=pk)
    Client.objects.aget(pk=pk)
