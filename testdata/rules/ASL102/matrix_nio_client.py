# matrix-nio's AsyncClient: every homeserver request is a coroutine.
from nio import AsyncClient, InviteMemberEvent, MatrixRoom, RoomMessageText


class Callbacks:
    def __init__(self, client: AsyncClient):
        self.client = client

    async def invite(self, room: MatrixRoom, event: InviteMemberEvent):
        self.client.join(room.room_id)  # want: ASL102

    async def message(self, room: MatrixRoom, event: RoomMessageText):
        response = self.client.room_send(room.room_id, "m.room.message", {"body": "hi"})  # want: ASL102 "attribute `event_id`"
        return response.event_id

    async def fine(self, room: MatrixRoom, event: RoomMessageText):
        await self.client.room_send(room.room_id, "m.room.message", {"body": "ok"})
        # Synchronous methods of the client are not coroutines.
        self.client.add_event_callback(self.message, RoomMessageText)


async def main():
    client = AsyncClient("https://matrix.example.org", "@bot:example.org")
    client.login("password")  # want: ASL102
    await client.sync_forever(timeout=30000)
    await client.close()
