from plant.gateway import Hub, QuietHub


class Sensor:
    hub: Hub
    quiet: QuietHub

    async def poll(self) -> None:
        # A synchronous method that sleeps, reached through attributes typed
        # in classes of another module.
        self.hub.gateway.device.read()  # want: ASL201

    async def poll_spare(self) -> None:
        # The same through a property with a return annotation.
        self.hub.spare.device.read()  # want: ASL201

    async def load(self) -> None:
        # A decorator whose wrapper calls the method: its body runs here.
        self.hub.gateway.store.load()  # want: ASL201

    async def poll_ok(self) -> None:
        # Quiet: a method that does not block; a subclass whose `gateway`
        # holds a device that does not block; an unknown attribute.
        self.hub.gateway.device.name()
        self.quiet.gateway.device.read()
        self.hub.gateway.other.read()
        # The decorator hands the method to a worker thread: its body does
        # not run on the loop.
        self.hub.gateway.store.save()
