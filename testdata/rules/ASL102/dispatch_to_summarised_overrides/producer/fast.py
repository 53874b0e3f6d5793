from aiormq.base import Channel, FastChannel, SlowChannel


class AsyncFast(FastChannel):
    async def publish(self, body):
        return body

    async def ping(self):
        return None


class AsyncSlow(SlowChannel):
    async def close(self):
        return None


def go(channel: Channel):
    # Quiet: plain overrides below Channel (legacy/, blocked/).
    channel.publish(b"")
    channel.close()
    channel.ping()
    # Fires: logged.chan.Logged's flush is the one override.
    channel.flush()  # want: ASL102
