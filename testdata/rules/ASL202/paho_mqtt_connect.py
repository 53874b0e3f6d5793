# paho-mqtt's Client.connect "is a blocking call that establishes the
# underlying connection and transmits a CONNECT packet" (its docstring):
# DNS lookup, TCP and TLS handshakes with the broker, on the caller's thread.
# reconnect() does the same work (connect() ends in it), connect_srv() looks
# the broker up in DNS first.
import asyncio

import paho.mqtt.client as mqtt
from paho.mqtt.client import Client


async def start_listener(host: str):
    client = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2)
    client.connect(host, 1883, keepalive=30)  # want: ASL202 "`client.connect\(\)` \(paho\.mqtt\.client\.Client\.connect\) blocks the event loop in async function `start_listener`; use an asyncio MQTT client \(aiomqtt, gmqtt\), or `connect_async\(\)`"
    client.loop_start()
    return client


class Bridge:
    def __init__(self):
        self.client = Client()

    async def recover(self):
        self.client.reconnect()  # want: ASL202

    async def discover(self, domain: str):
        self.client.connect_srv(domain)  # want: ASL202


def _publish_once(host: str, topic: str, payload: str):
    client = mqtt.Client()
    client.connect(host)
    client.publish(topic, payload)
    client.disconnect()


async def sample_loop(host: str):
    while True:
        _publish_once(host, "sensor/temp", "21.5")  # want: ASL201 "it calls blocking `client\.connect\(\)`"
        await asyncio.sleep(10)


# Quiet: connect_async() only records the broker, and the network thread of
# loop_start() connects; a connect run in a worker thread; connect in sync
# code; publish and disconnect hand packets to the network loop.
async def start_in_background(host: str):
    client = mqtt.Client()
    client.connect_async(host, 1883)
    client.loop_start()
    client.publish("status", "online")
    return client


async def start_in_thread(host: str):
    client = mqtt.Client()
    await asyncio.to_thread(client.connect, host, 1883)
    client.loop_start()
    return client


def start_sync(host: str):
    client = mqtt.Client()
    client.connect(host)
    client.loop_forever()
