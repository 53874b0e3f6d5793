# django.contrib.auth's User is a Django model: its manager's a-prefixed
# methods and a fetched user's asave() are coroutines.
from django.contrib.auth.models import Group, User


async def profile(request, pk):
    user = User.objects.aget(pk=pk)  # want: ASL102
    return user.username


async def groups(request):
    return Group.objects.filter(name__startswith="a").acount() + 1  # want: ASL102


def register(form):
    # A plain function: the coroutine is dropped, the row never saved.
    user = User.objects.create(username=form["username"])
    user.is_active = False
    user.asave()  # want: ASL102


async def deactivate(pk):
    user = await User.objects.aget(pk=pk)
    user.is_active = False
    user.asave()  # want: ASL102


# Quiet: awaited.
async def quiet(pk):
    user = await User.objects.aget(pk=pk)
    user.is_active = True
    await user.asave()
    count = await Group.objects.acount()
    return user.username, count
