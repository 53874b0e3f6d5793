from hub.api import Api, SyncApi


class Client:
    def __init__(self) -> None:
        self.api = Api()


class Coordinator:
    client: Client

    @property
    def backup(self) -> Client:
        return self.client


class SyncCoordinator(Coordinator):
    # Shadows the base's `client` with a class whose `api` is synchronous.
    client: "SyncClient"


class SyncClient:
    api: SyncApi


class Mixed:
    def __init__(self, flag: bool) -> None:
        # The two assignments disagree: the type of `api` is unknown.
        self.api = Api() if flag else SyncApi()
        if flag:
            self.either = Api()
        else:
            self.either = SyncApi()


class Node:
    parent: "Node"
