from aiormq.base import Channel


def go(ch: Channel):
    ch.publish(b"")
    ch.close()  # want: ASL102
