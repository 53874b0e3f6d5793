# Django's ORM in async code: a query raises SynchronousOnlyOperation (or blocks
# the loop where that check is off); the a-prefixed twins are coroutines.
from django.contrib.auth.models import User
from django.db import models


class Article(models.Model):
    title = models.CharField(max_length=100)


async def article_view(request, pk):
    article = Article.objects.get(pk=pk)  # want: ASL202
    return article.title


async def latest(request):
    return Article.objects.filter(title__startswith="a").order_by("-id").first()  # want: ASL202


async def lazy(request):
    return Article.objects.filter(title="x")  # builds a query only


async def async_ok(request, pk):
    article = await Article.objects.aget(pk=pk)
    await article.asave()
    return article


async def save_it(article: Article):
    article.save()  # want: ASL202


async def forgot_await(pk):
    article = Article.objects.aget(pk=pk)  # want: ASL102
    return article.title


def sync_view(request, pk):
    return Article.objects.get(pk=pk)


# A row fetched or made by a manager is a model instance: its save() queries
# too. django.contrib.auth's User is a model.
async def edit_title(pk):
    article = Article.objects.get(pk=pk)  # want: ASL202
    article.title = "x"
    article.save()  # want: ASL202


async def activate(pk):
    user = User.objects.get(pk=pk)  # want: ASL202
    user.is_active = True
    user.save()  # want: ASL202


# Quiet: the async twins, and synchronous code.
async def activate_async(pk):
    user = await User.objects.aget(pk=pk)
    user.is_active = True
    await user.asave()


def activate_sync(pk):
    user = User.objects.get(pk=pk)
    user.save()
