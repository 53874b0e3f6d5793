# A synchronous event bus: it keeps subscribers and calls them, dropping
# what they return.


class Bus:
    def __init__(self):
        self._subscribers = {}

    def subscribe(self, topic, callback):
        self._subscribers.setdefault(topic, []).append(callback)

    def publish(self, topic, message):
        for callback in self._subscribers.get(topic, []):
            callback(message)
