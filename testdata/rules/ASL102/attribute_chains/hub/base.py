from hub.coordinator import Coordinator, Mixed, Node, SyncCoordinator


class BaseEntity:
    def __init__(self, coordinator: Coordinator, sync: SyncCoordinator, mixed: Mixed, node: Node) -> None:
        self.coordinator = coordinator
        self.sync = sync
        self.mixed = mixed
        self.node = node
