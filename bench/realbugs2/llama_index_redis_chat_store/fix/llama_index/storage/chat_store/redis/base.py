import asyncio
import logging
import sys
from typing import Any, List, Optional, Tuple, Union
from urllib.parse import urlparse

from llama_index.core.bridge.pydantic import Field, PrivateAttr
from llama_index.core.llms import ChatMessage
from llama_index.core.storage.chat_store.base import BaseChatStore

from redis.asyncio.client import Redis as AsyncRedis
from redis.asyncio.cluster import RedisCluster as AsyncRedisCluster
from redis.asyncio.sentinel import Sentinel as AsyncSentinel
from redis.client import Redis
from redis.cluster import RedisCluster
from redis.exceptions import AuthenticationError, RedisError
from redis.sentinel import Sentinel


class RedisChatStore(BaseChatStore):
    """Redis chat store."""

    redis_url: str = Field(default="redis://localhost:6379", description="Redis URL.")
    ttl: Optional[int] = Field(default=None, description="Time to live in seconds.")

    _redis_client: Optional[Redis] = PrivateAttr()
    _aredis_client: Optional[AsyncRedis] = PrivateAttr()

    def __init__(
        self,
        redis_url: str = "redis://localhost:6379",
        redis_client: Optional[Redis] = None,
        aredis_client: Optional[AsyncRedis] = None,
        ttl: Optional[int] = None,
        **kwargs: Any,
    ) -> None:
        """Initialize."""
        super().__init__(ttl=ttl)

        self._redis_client = redis_client or self._get_client(redis_url, **kwargs)
        self._aredis_client = aredis_client or self._aget_client(redis_url, **kwargs)

    @classmethod
    def class_name(cls) -> str:
        """Get class name."""
        return "RedisChatStore"

    def set_messages(self, key: str, messages: List[ChatMessage]) -> None:
        """Set messages for a key."""
        self._redis_client.delete(key)
        for message in messages:
            self.add_message(key, message)

        if self.ttl:
            self._redis_client.expire(key, self.ttl)

    async def aset_messages(self, key: str, messages: List[ChatMessage]) -> None:
        await self._aredis_client.delete(key)
        for message in messages:
            await self.async_add_message(key, message)

        if self.ttl:
            await self._aredis_client.expire(key, self.ttl)

    async def aget_messages(self, key: str) -> List[ChatMessage]:
        """Get messages for a key."""
        items = await self._aredis_client.lrange(key, 0, -1)
        if len(items) == 0:
            return []
        return [ChatMessage.model_validate_json(item) for item in items]

    async def async_add_message(
        self, key: str, message: ChatMessage, idx: Optional[int] = None
    ) -> None:
        """Add a message for a key."""
        await self._aredis_client.rpush(key, message.model_dump_json())
        if self.ttl:
            await self._aredis_client.expire(key, self.ttl)

    def _redis_cluster_client(self, redis_url: str, **kwargs: Any) -> "Redis":
        return RedisCluster.from_url(redis_url, **kwargs)  # type: ignore

    def _aredis_cluster_client(self, redis_url: str, **kwargs: Any) -> "AsyncRedis":
        return AsyncRedisCluster.from_url(redis_url, **kwargs)

    def _check_for_cluster(self, redis_client: Union["Redis", "AsyncRedis"]) -> bool:
        try:
            cluster_info = redis_client.info("cluster")
            return cluster_info["cluster_enabled"] == 1
        except RedisError:
            return False

    def _get_client(self, redis_url: str, **kwargs: Any) -> "Redis":
        # Initialize with necessary components.
        redis_client: "Redis"
        # connect to redis server from url, reconnect with cluster client if needed
        redis_client = Redis.from_url(redis_url, **kwargs)
        if self._check_for_cluster(redis_client):
            redis_client.close()
            redis_client = self._redis_cluster_client(redis_url, **kwargs)
        return redis_client

    def _aget_client(self, redis_url: str, **kwargs: Any) -> "AsyncRedis":
        aredis_client: "AsyncRedis"
        # connect to redis server from url, reconnect with cluster client if needed
        aredis_client = AsyncRedis.from_url(redis_url, **kwargs)
        redis_client = Redis.from_url(redis_url, **kwargs)
        is_cluster = self._check_for_cluster(redis_client)
        redis_client.close()

        if is_cluster:
            asyncio.create_task(aredis_client.close())
            aredis_client = self._aredis_cluster_client(redis_url, **kwargs)
        return aredis_client
