# Tortoise ORM: a QuerySet's update, delete, count and exists give queries
# that run only when awaited; a model's create and an instance's save,
# delete and fetch_related are coroutines.
from .models import Group, Sub
from .models import Version as DBVersion


async def bump(version):
    DBVersion.all().update(version=version)  # want: ASL102
    await DBVersion.all().update(version=version)


async def add_group(group_id, admin=True):
    if Group.filter(id=group_id).exists():  # want: ASL102
        return
    Group.create(id=group_id, admin=admin)  # want: ASL102


async def purge(group_id):
    query = Group.filter(id=group_id).exclude(admin=True)
    query.delete()  # want: ASL102
    group = await Group.create(id=group_id, admin=True)
    group.admin = False
    group.save()  # want: ASL102
    group.fetch_related("subs")  # want: ASL102


# Quiet: awaited, iterated with async for, chained before the await, or the
# project's own classmethod of that name.
async def quiet(group_id):
    await Group.create(id=group_id, admin=True)
    if await Group.filter(id=group_id).exists():
        n = await Group.filter(admin=True).order_by("id").count()
        print(n)
    async for group in Group.all():
        await group.save()
    group = await Group.get(id=group_id).prefetch_related("subs")
    first = await Group.filter(admin=True).first()
    await group.delete()
    await first.fetch_related("subs")
    await Sub.update({"uid": 1}, uid=2)
    subs = Sub.get(uid=1)
    async for sub in subs:
        print(sub.uid)


def build_query(group_id):
    # A queryset built for a caller to await is not a dropped query.
    return Group.filter(id=group_id).update(admin=False)
