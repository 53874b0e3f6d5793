import time

from plant.decorators import logged, on_worker_thread


class Device:
    def read(self) -> bytes:
        time.sleep(0.5)
        return b""

    def name(self) -> str:
        return "device"


class QuietDevice:
    def read(self) -> bytes:
        return b""


class Store:
    @on_worker_thread
    def save(self) -> None:
        time.sleep(0.1)

    @logged
    def load(self) -> None:
        time.sleep(0.1)
