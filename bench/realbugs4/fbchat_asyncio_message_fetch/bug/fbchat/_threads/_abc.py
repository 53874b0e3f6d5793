import abc
import attr
import collections
import datetime
from .._common import log, attrs_default
from .. import _util, _exception, _session, _graphql, _models
from typing import MutableMapping, Mapping, Any, Iterable, Tuple, Optional


DEFAULT_COLOR = "#0084ff"


class ThreadABC(metaclass=abc.ABCMeta):
    """Implemented by thread-like classes.

    This is private to implement.
    """

    @property
    @abc.abstractmethod
    def session(self) -> _session.Session:
        """The session to use when making requests."""
        raise NotImplementedError

    @property
    @abc.abstractmethod
    def id(self) -> str:
        """The unique identifier of the thread."""
        raise NotImplementedError

    @abc.abstractmethod
    def _to_send_data(self) -> MutableMapping[str, str]:
        raise NotImplementedError

    @abc.abstractmethod
    def _copy(self) -> "ThreadABC":
        raise NotImplementedError

    async def send_text(self, text: str, reply_to_id: str = None) -> str:
        """Send a message to the thread."""
        data = self._to_send_data()
        data["action_type"] = "ma-type:user-generated-message"
        if text is not None:  # To support `send_files`
            data["body"] = text
        if reply_to_id:
            data["replied_to_message_id"] = reply_to_id

        return await self.session._do_send_request(data)

    async def _fetch_messages(self, limit, before):
        params = {
            "id": self.id,
            "message_limit": limit,
            "load_messages": True,
            "load_read_receipts": True,
            "before": _util.datetime_to_millis(before) if before else None,
        }
        (j,) = await self.session._graphql_requests(
            _graphql.from_doc_id("1860982147341344", params)  # 2696825200377124
        )

        if j.get("message_thread") is None:
            raise _exception.ParseError("Could not fetch messages", data=j)

        read_receipts = j["message_thread"]["read_receipts"]["nodes"]

        thread = self._copy()
        return [
            _models.MessageData._from_graphql(thread, message, read_receipts)
            for message in j["message_thread"]["messages"]["nodes"]
        ]

    async def _forced_fetch(self, message_id: str) -> dict:
        params = {
            "thread_and_message_id": {"thread_id": self.id, "message_id": message_id}
        }
        (j,) = await self.session._graphql_requests(
            _graphql.from_doc_id("1768656253222505", params)
        )
        return j


@attrs_default
class Thread(ThreadABC):
    """Represents a Facebook thread, where the actual type is unknown."""

    #: The session to use when making requests.
    session = attr.ib(type=_session.Session)
    #: The unique identifier of the thread.
    id = attr.ib(converter=str, type=str)

    def _to_send_data(self):
        raise NotImplementedError(
            "The method you called is not supported on raw Thread objects."
            " Please use an appropriate User/Group/Page object instead!"
        )

    def _copy(self) -> "Thread":
        return Thread(session=self.session, id=self.id)
