# Plain functions other modules import by name and call.


def notify(client, subject):
    client.publish(subject, b"")  # want: ASL102 "coroutine `client\.publish\(\)` is never awaited"


def relay(client, subject):
    # Quiet: the callers disagree (a nats client in main.py, a LocalBus in
    # disagree.py).
    client.publish(subject, b"")


def forward(client, subject):
    # Quiet: one caller passes a value of unknown type (untyped.py).
    client.publish(subject, b"")


def dispatch(client):
    # Quiet: no module calls this function; other.py calls a function of
    # its own that has the same name.
    client.publish("s", b"")


def on_message(client):
    # Quiet: main.py also hands it on as a callback, which may be called
    # with anything.
    client.publish("m", b"")


def broadcast(client, subject):
    # Quiet: main.py passes a nats client, reexported.py a LocalBus through
    # api.py's re-export (a call of this function all the same).
    client.publish(subject, b"")


def announce(client, subject):
    # Called only through api.py's re-export (reexported.py), with a nats
    # client.
    client.publish(subject, b"")  # want: ASL102 "coroutine `client\.publish\(\)` is never awaited"


def alert(client, subject):
    # Quiet: main.py passes a nats client, aliased.py a LocalBus through
    # `from app.funcs import alert as warn` (a call of this function).
    client.publish(subject, b"")


def herald(client, subject):
    # Called only as `shout(...)` (aliased.py imports it under that name),
    # with a nats client.
    client.publish(subject, b"")  # want: ASL102 "coroutine `client\.publish\(\)` is never awaited"
