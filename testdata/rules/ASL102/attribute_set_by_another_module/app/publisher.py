# The class's own stores give the attribute a value of its own, so what
# other code stores on an instance (a test's fake client below) says
# nothing of it (review28): a parameter some call of the class passes, a
# keyword read from **kwargs. A parameter no call passes is the value
# before it is set, as None is.
from typing import Any


class Publisher:
    def __init__(self, client: Any = None) -> None:
        self.client = client

    def publish(self, topic: str) -> None:
        self.client.publish(topic, b"")


class KeywordPublisher:
    def __init__(self, **options: Any) -> None:
        self.client = options.get("client")

    def publish(self, topic: str) -> None:
        self.client.publish(topic, b"")


class LatePublisher:
    def __init__(self, client: Any = None) -> None:
        self.client = client

    def publish(self, topic: str) -> None:
        self.client.publish(topic, b"")  # want: ASL102
