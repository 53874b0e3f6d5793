from plant.device import Device, QuietDevice, Store


class Gateway:
    def __init__(self) -> None:
        self.device = Device()
        self.store = Store()


class Hub:
    gateway: Gateway

    @property
    def spare(self) -> Gateway:
        return self.gateway


class QuietHub(Hub):
    gateway: "QuietGateway"


class QuietGateway:
    device: QuietDevice
