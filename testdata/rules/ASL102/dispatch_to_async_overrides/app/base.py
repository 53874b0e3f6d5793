# The base class declares a synchronous stub; its overrides live in other
# modules of the project.


class Transport:
    def publish(self, topic, payload):
        raise NotImplementedError

    def close(self):
        raise NotImplementedError

    def announce(self, topic):
        self.publish(topic, b"hello")  # want: ASL102
