# The queues are attributes of a class of another module: put() on the
# unbounded one cannot wait, put() on the bounded one can.
from app.server import Server


class Scheduler:
    def __init__(self):
        self.server = Server()

    async def publish(self, item):
        self.server.publish_queue.put(item)
        self.server.bounded.put(item)  # want: ASL202
