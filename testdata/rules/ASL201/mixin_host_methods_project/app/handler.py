from typing import Tuple

from app.acl import AccessController
from app.retrieval import BasedMixin, RetrievalMixin, SharedMixin


class ResourceHandler(RetrievalMixin):
    def __init__(self, connection, access):
        self.connection = connection
        self.access = access

    async def _get_user_context(self) -> Tuple[object, AccessController]:
        return self.connection, self.access

    def _access_controller(self) -> AccessController:
        return self.access

    async def _refresh(self, model):
        return model


class FirstHost(SharedMixin):
    def _access_controller(self) -> AccessController:
        return AccessController()


class SecondHost(SharedMixin):
    def _access_controller(self) -> object:
        return object()


class BasedHost(BasedMixin):
    def _access_controller(self) -> AccessController:
        return AccessController()
