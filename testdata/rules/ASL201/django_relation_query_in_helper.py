# A synchronous helper that queries through a model instance's related
# manager blocks the coroutine that calls it (codecov-api's get_adapter,
# bench/realbugs103).
from typing import Optional

from asgiref.sync import sync_to_async
from codecov_auth.models import Owner
from django.conf import settings


def default_installation(owner: Optional[Owner]):
    if not settings.GITHUB_APP_ENABLED:
        return None
    if owner is None:
        return None
    return owner.github_app_installations.filter(name="default").first()


async def file_content(owner: Owner):
    return default_installation(owner)  # want: ASL201 "`default_installation\(\)` blocks the event loop in async function `file_content`"


# Quiet: the helper wrapped in sync_to_async, and an async twin.
async def file_content_in_thread(owner: Owner):
    return await sync_to_async(default_installation)(owner)


async def default_installation_async(owner: Optional[Owner]):
    if owner is None:
        return None
    return await owner.github_app_installations.filter(name="default").afirst()


async def file_content_async(owner: Owner):
    return await default_installation_async(owner)
