# A model instance's related managers (the reverse side of a ForeignKey,
# `related_name=...`, and many-to-many fields) run a query like
# `Model.objects` does: `owner.installations.filter(...).first()` in a
# coroutine raises SynchronousOnlyOperation (codecov-api#360,
# bench/realbugs103). The model may be another app's (`codecov_auth.models`,
# not in view) or the project's own.
from typing import Optional

from asgiref.sync import sync_to_async
from codecov_auth.models import Owner
from django.db import models


class Repository(models.Model):
    name = models.CharField(max_length=100)
    contributors = models.ManyToManyField("codecov_auth.Owner")


async def default_installation(owner: Owner):
    return owner.github_app_installations.filter(name="default").first()  # want: ASL202 "`owner.github_app_installations.filter\(name=\"default\"\).first\(\)` blocks the event loop in async function `default_installation`; Django raises SynchronousOnlyOperation"


async def has_contributors(repo: Repository):
    return repo.contributors.all().exists()  # want: ASL202


async def installation_count(owner: Optional[Owner]):
    if owner is None:
        return 0
    return owner.github_app_installations.exclude(name="default").order_by("id").count()  # want: ASL202


# Quiet: the async twins, sync_to_async, a chain without a lazy queryset
# method (`owner.settings.get("k")` may be a JSON field's dict), an object
# that is no model, and synchronous code.
async def default_installation_async(owner: Owner):
    return await owner.github_app_installations.filter(name="default").afirst()


async def default_installation_in_thread(owner: Owner):
    return await sync_to_async(lambda: owner.github_app_installations.filter(name="default").first())()


async def setting(owner: Owner):
    return owner.settings.get("theme")


class Report:
    def __init__(self, frame):
        self.frame = frame

    async def rows(self):
        return self.frame.filter(items=["a"]).count()


def default_installation_sync(owner: Owner):
    return owner.github_app_installations.filter(name="default").first()
