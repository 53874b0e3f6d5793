# A synchronous method of the module that returns a Django twin's coroutine
# on a model of an app the run does not hold (`return
# Room.objects.aget(...)`, or the attribute it memoises it in) makes one
# for its callers, as a method returning a project coroutine does.
from channels.generic.websocket import WebsocketConsumer
from chat.models import Message, Room


class ChatConsumer(WebsocketConsumer):
    def get_room(self):
        if not hasattr(self, "_room"):
            self._room = Room.objects.aget(id=self.room_id)
        return self._room

    def count_rooms(self):
        return Room.objects.filter(open=True).acount()

    def receive(self, text_data):
        room = self.get_room()  # want: ASL102 "coroutine `self.get_room\(\)` is never awaited: it is stored in `room` and its attribute `name` is read on the coroutine object"
        self.send(text_data=room.name)

    async def stats(self):
        return self.count_rooms() + 1  # want: ASL102 "coroutine `self.count_rooms\(\)` is never awaited"

    # Quiet: awaited, or handed on.
    async def areceive(self, text_data):
        room = await self.get_room()
        return room.name, await self.count_rooms()

    def room_factory(self):
        return self.get_room()


class Plain(WebsocketConsumer):
    # Quiet: a helper that does not return the twin on every path is taken
    # to do its work in synchronous code; one that returns a plain query's
    # value makes no coroutine.
    def maybe_room(self, cached):
        if cached:
            return Room.objects.aget(id=1)

    def message(self):
        return Message.objects.get(id=1)

    def receive(self, text_data):
        room = self.maybe_room(True)
        message = self.message()
        return room.name, message.body


# A query method of such a model's manager (`create`, `get`, `filter`...)
# sends its arguments to the database as field values: a coroutine there
# is never awaited.
def save_message(room_id, body):
    room = Room.objects.aget(id=room_id)  # want: ASL102 "stored in `room` and passed to `Message.objects.create\(\)`, a query that sends it as data"
    Message.objects.create(room=room, body=body)


def delete_messages(room_id):
    Message.objects.filter(room=Room.objects.aget(id=room_id)).delete()  # want: ASL102 "passed to `Message.objects.filter\(\)`, a query that sends it as data"


class Receiver(WebsocketConsumer):
    def get_room(self):
        return Room.objects.aget(id=self.room_id)

    def receive(self, text_data):
        Message.objects.create(room=self.get_room(), body=text_data)  # want: ASL102 "coroutine `self.get_room\(\)` is never awaited: it is passed to `Message.objects.create\(\)`, a query that sends it as data"


# Quiet: a manager method that is not one of Django's queries (a custom
# manager may take a callable or an awaitable), and a class from a module
# not named `models`.
from chat.services import Notifier


def custom(room_id):
    Message.objects.archive_later(room=Room.objects.aget(id=room_id))
    Notifier.objects.create(room=Room.objects.aget(id=room_id))
