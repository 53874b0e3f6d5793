# Functions whose callers (app.py, bus.py) are modules the streamed check
# builds and drops before it checks this one.
VERSION = 1


def notify(client, subject):
    client.publish(subject, b"")  # want: ASL102 "coroutine `client\.publish\(\)` is never awaited"


def relay(client, subject):
    # Quiet: app.py passes a nats client, bus.py a synchronous bus.
    client.publish(subject, b"")
