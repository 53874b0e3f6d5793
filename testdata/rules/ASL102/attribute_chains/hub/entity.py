from hub.base import BaseEntity


class Entity(BaseEntity):
    """Attributes of attributes, each typed in its own class of another module."""

    async def refresh(self) -> None:
        # `coordinator` is set in the base class (another module), `client`
        # is declared in Coordinator's body, `api` is set in Client.__init__.
        self.coordinator.client.api.fetch()  # want: ASL102
        self.coordinator.backup.api.fetch()  # want: ASL102
        self.coordinator.client.api.fetch().real  # want: ASL102 "its attribute `real` is read"
        # A library coroutine method at the end of the chain.
        self.coordinator.client.api.session.get("https://example.com")  # want: ASL102

    async def refresh_ok(self) -> None:
        # Quiet: awaited; a synchronous method; a subclass that redeclares
        # `client` with a synchronous `api`; assignments that disagree; an
        # attribute no class defines; a chain through a self-typed attribute
        # that ends in nothing defined.
        await self.coordinator.client.api.fetch()
        self.coordinator.client.api.describe()
        self.sync.client.api.fetch()
        self.mixed.api.fetch()
        self.mixed.either.fetch()
        self.coordinator.client.missing.fetch()
        self.node.parent.parent.parent.fetch()

    async def shadowed(self, coordinator: object) -> None:
        # Quiet: a local of unknown type, not the attribute.
        coordinator.client.api.fetch()
