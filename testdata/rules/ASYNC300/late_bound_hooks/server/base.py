# A protocol server's base class: on_message is a plain def that hands on
# what the hooks return; the hooks are abstract here, each transport's
# subclass implements them (graphql-ws's BaseSubscriptionServer).
import json


class BaseServer:
    def on_message(self, conn, message):
        parsed = json.loads(message)
        return self.process(conn, parsed)

    def process(self, conn, parsed):
        if parsed.get("type") == "start":
            return self.on_start(conn, parsed)
        if parsed.get("type") == "stop":
            return self.on_stop(conn, parsed)
        return self.send_error(conn, "unknown type")

    def send_error(self, conn, text):
        return conn.send(json.dumps({"error": text}))

    def on_start(self, conn, parsed):
        raise NotImplementedError("on_start")

    def on_stop(self, conn, parsed):
        raise NotImplementedError("on_stop")

    def pending(self):
        # A Future that exists already: ensure_future returns it unchanged.
        return conn_loop().create_future()


def conn_loop():
    import asyncio

    return asyncio.get_running_loop()
