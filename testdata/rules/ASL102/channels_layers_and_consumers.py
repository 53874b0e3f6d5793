# Django Channels: channel layers have a purely async interface, and the
# asynchronous consumers' accept/send/close are coroutines; a bare call
# makes a coroutine that never runs (the group is never joined, the message
# never sent).
from asgiref.sync import async_to_sync
from channels.generic.websocket import AsyncJsonWebsocketConsumer, AsyncWebsocketConsumer, WebsocketConsumer
from channels.layers import get_channel_layer


class CallConsumer(AsyncWebsocketConsumer):
    async def connect(self):
        await self.channel_layer.group_add("call", self.channel_name)
        await self.accept()
        self.send(text_data="connected")  # want: ASL102

    async def disconnect(self, code):
        self.channel_layer.group_discard("call", self.channel_name)  # want: ASL102
        self.channel_layer.group_send("call", {"type": "user.left"})  # want: ASL102


class Notifications(AsyncJsonWebsocketConsumer):
    async def notify(self, event):
        self.send_json(event["payload"])  # want: ASL102


class SyncChat(WebsocketConsumer):
    def receive(self, text_data=None, bytes_data=None):
        # In a synchronous consumer the layer must be wrapped.
        self.channel_layer.group_send("chat", {"type": "chat.message"})  # want: ASL102


def notify_from_view(payload):
    layer = get_channel_layer()
    layer.group_send("updates", {"type": "update", "payload": payload})  # want: ASL102


# Quiet: awaited, wrapped for synchronous code, the synchronous consumer's
# own send, and a project consumer's own synchronous send.
class QuietConsumer(AsyncWebsocketConsumer):
    async def connect(self):
        await self.channel_layer.group_add("room", self.channel_name)
        await self.accept()
        await self.send(text_data="hello")

    async def disconnect(self, code):
        await self.channel_layer.group_discard("room", self.channel_name)


class QuietSync(WebsocketConsumer):
    def connect(self):
        async_to_sync(self.channel_layer.group_add)("room", self.channel_name)
        self.accept()
        self.send(text_data="hello")


def notify_sync(payload):
    async_to_sync(get_channel_layer().group_send)("updates", {"type": "update", "payload": payload})


class Buffered(AsyncWebsocketConsumer):
    def send(self, text_data=None, bytes_data=None, close=False):
        self.buffer.append(text_data)

    async def receive(self, text_data=None, bytes_data=None):
        self.send(text_data=text_data)
