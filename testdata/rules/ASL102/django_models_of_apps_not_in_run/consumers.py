# A model class from an app's models module that the run does not hold
# (authentication/models.py, lists/models.py are elsewhere): the a-prefixed
# twins of Django's query methods on its managers, on querysets built from
# them, and on its instances are coroutines.
from channels.generic.websocket import AsyncWebsocketConsumer
from authentication.models import User
from lists.models import Movie, Note


class GameConsumer(AsyncWebsocketConsumer):
    async def create_lobby(self, opponent_name):
        opponent = User.objects.aget(username=opponent_name)  # want: ASL102
        user = User.objects.aget(username=self.scope["user"])  # want: ASL102

    async def first_searching(self):
        found = User.objects.filter(in_research=True).exclude(id=1).afirst()  # want: ASL102
        return found.username


async def create_note(body):
    film = Movie.mgr.aget(kp_id=body["movie"])  # want: ASL102
    note = Note(movie=film, rating=body["rating"])
    Note.mgr.abulk_create([note])  # want: ASL102
    return film.kp_id


async def update_subscription(user: User):
    user.attempts -= 1
    user.asave()  # want: ASL102


# Quiet: awaited.
async def quiet(name, user: User):
    opponent = await User.objects.aget(username=name)
    await user.asave()
    count = await Movie.mgr.filter(year=2000).acount()
    return opponent, count
