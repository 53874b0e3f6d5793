# paho-mqtt's loop_start() runs the client's network loop in a thread of its
# own, and that thread calls the on_* callbacks and those added with
# message_callback_add(): asyncio's queues and events are not thread-safe
# there.
import asyncio

import paho.mqtt.client as mqtt


class Gateway:
    def __init__(self):
        self.connected = asyncio.Event()
        self.messages = asyncio.Queue()
        self.loop = asyncio.get_event_loop()

    def _on_connect(self, client, userdata, flags, reason_code, properties):
        self.connected.set()  # want: ASL106 "runs in another thread \(handed to paho-mqtt's network thread"

    def _on_message(self, client, userdata, msg):
        self.messages.put_nowait((msg.topic, msg.payload))  # want: ASL106

    def _on_status(self, client, userdata, msg):
        self.messages.put_nowait(msg.payload)  # want: ASL106

    # Quiet: hands the work to the loop thread-safely.
    def _on_disconnect(self, client, userdata, flags, reason_code, properties):
        self.loop.call_soon_threadsafe(self.connected.clear)

    async def start(self, host):
        client = mqtt.Client(callback_api_version=mqtt.CallbackAPIVersion.VERSION2)
        client.on_connect = self._on_connect
        client.on_message = self._on_message
        client.on_disconnect = self._on_disconnect
        client.message_callback_add("status/#", self._on_status)
        client.connect_async(host)
        client.loop_start()
        await self.connected.wait()


# Quiet: a client driven from the event loop (loop_read/loop_write/loop_misc,
# no loop_start) calls its callbacks on the loop's own thread.
class LoopDriven:
    def __init__(self):
        self.messages = asyncio.Queue()

    def _on_message(self, client, userdata, msg):
        self.messages.put_nowait(msg.payload)

    async def run(self, host):
        client = mqtt.Client()
        client.on_message = self._on_message
        client.connect(host)
        loop = asyncio.get_running_loop()
        loop.add_reader(client.socket(), client.loop_read)
        while True:
            client.loop_misc()
            await asyncio.sleep(1)
