import attr
import datetime
import enum
from string import Formatter
from . import _attachment, _location, _file, _quick_reply, _sticker
from .._common import log, attrs_default
from .. import _exception, _util
from typing import Optional, Mapping, Sequence, Any


# Exaustively searched for options by using the list in:
# https://unicode.org/emoji/charts/full-emoji-list.html
SENDABLE_REACTIONS = ("❤", "😍", "😆", "😮", "😢", "😠", "👍", "👎")


@attrs_default
class Message:
    """Represents a Facebook message.

    Example:
        >>> thread = fbchat.User(session=session, id="1234")
        >>> message = fbchat.Message(thread=thread, id="mid.$XYZ")
    """

    #: The thread that this message belongs to.
    thread = attr.ib()
    #: The message ID.
    id = attr.ib(converter=str, type=str)

    @property
    def session(self):
        """The session to use when making requests."""
        return self.thread.session

    @staticmethod
    async def _delete_many(session, message_ids):
        data = {}
        for i, id_ in enumerate(message_ids):
            data["message_ids[{}]".format(i)] = id_
        j = await session._payload_post("/ajax/mercury/delete_messages.php?dpr=1", data)

    async def delete(self):
        """Delete the message (removes it only for the user)."""
        await self._delete_many(self.session, [self.id])

    async def unsend(self):
        """Unsend the message (removes it for everyone)."""
        data = {"message_id": self.id}
        j = await self.session._payload_post("/messaging/unsend_message/?dpr=1", data)

    async def react(self, reaction: Optional[str]):
        """React to the message, or removes reaction."""
        if reaction and reaction not in SENDABLE_REACTIONS:
            raise ValueError(
                "Invalid reaction! Please use one of: {}".format(SENDABLE_REACTIONS)
            )

        data = {
            "action": "ADD_REACTION" if reaction else "REMOVE_REACTION",
            "client_mutation_id": "1",
            "actor_id": self.session.user.id,
            "message_id": self.id,
            "reaction": reaction,
        }
        data = {
            "doc_id": 1491398900900362,
            "variables": _util.json_minimal({"data": data}),
        }
        j = await self.session._payload_post("/webgraphql/mutation", data)
        _exception.handle_graphql_errors(j)

    async def fetch(self) -> "MessageData":
        """Fetch fresh `MessageData` object.

        Example:
            >>> message = message.fetch()
            >>> message.text
            "The message text"
        """
        message_info = await self.thread._forced_fetch(self.id).get("message")
        return MessageData._from_graphql(self.thread, message_info)


@attrs_default
class MessageData(Message):
    """Represents data in a Facebook message.

    Inherits `Message`.
    """

    #: ID of the sender
    author = attr.ib(type=str)
    #: When the message was sent
    created_at = attr.ib(type=datetime.datetime)
    #: The actual message
    text = attr.ib(None, type=Optional[str])

    @classmethod
    def _from_graphql(cls, thread, data, read_receipts=None):
        if data.get("message_sender") is None:
            data["message_sender"] = {}
        if data.get("message") is None:
            data["message"] = {}
        created_at = _util.millis_to_datetime(int(data.get("timestamp_precise")))
        return cls(
            thread=thread,
            id=str(data["message_id"]),
            author=str(data["message_sender"]["id"]),
            created_at=created_at,
            text=data["message"].get("text"),
        )
