# A sync helper that queries Django's ORM, called from a coroutine, is ASL201;
# run through sync_to_async (or Channels' database_sync_to_async) it is not.
from asgiref.sync import sync_to_async
from channels.db import database_sync_to_async
from django.db import models


class Article(models.Model):
    title = models.CharField(max_length=100)


@sync_to_async
def get_article(pk):
    return Article.objects.get(pk=pk)


@database_sync_to_async
def count_articles():
    return Article.objects.count()


def load(pk):
    return Article.objects.get(pk=pk)


async def view(request, pk):
    a = await get_article(pk)
    n = await count_articles()
    b = await sync_to_async(load)(pk)
    c = load(pk)  # want: ASL201
    return a, b, c, n
