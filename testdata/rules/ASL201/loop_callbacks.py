# A plain function handed to the event loop to call later runs on the
# loop's own thread (loop.call_soon/call_later/call_at/call_soon_threadsafe,
# add_signal_handler, an asyncio Task's or Future's add_done_callback: the
# asyncio docs, "Scheduling callbacks"; done callbacks are "scheduled with
# loop.call_soon()"): a blocking call in it stalls the loop when it runs.
# Reported where the function is handed over. Quiet: a concurrent.futures
# future's done callback (called in the thread that completes it), a
# callback with nothing blocking, a callback that offloads, code the
# callback runs only when no loop is running, a project method named like a
# loop method, and add_reader/add_writer (their callbacks run when the
# descriptor is ready).
import asyncio
import concurrent.futures
import functools
import signal
import socket
import subprocess
import time

import requests
from gamekit.clock import Clock  # another library's scheduler, whose call_later is its own
from tornado.concurrent import run_on_executor


def refresh_token():
    return requests.post("https://auth.example.com/token").json()


def record(task, path):
    subprocess.run(["logger", path, str(task.result())])


def tick():
    print("tick")


def notify():
    subprocess.run(["notify-send", "done"])


def flush():
    time.sleep(0.2)


def reload_config():
    return requests.get("https://config.example.com/app.json").json()


def sync_scores():
    requests.put("https://scores.example.com/", json={})


def offloaded():
    asyncio.get_running_loop().run_in_executor(None, refresh_token)


def either_world():
    if asyncio._get_running_loop() is not None:
        return None
    return refresh_token()  # only without a running loop


class Poller:
    def __init__(self, loop: asyncio.AbstractEventLoop):
        self._loop = loop

    def start(self):
        self._loop.call_later(30, self.poll)  # want: ASL201 "`Poller.poll` blocks the event loop: `self._loop.call_later\(\)` has the loop call it on its own thread, and it reaches blocking `requests.post\(\)` via Poller.poll\(\) -> refresh_token\(\) -> requests.post\(\)"

    def poll(self):
        refresh_token()
        self._loop.call_later(30, self.poll)  # the same function: one finding, at its first registration


class Saver:
    executor = concurrent.futures.ThreadPoolExecutor(1)

    @run_on_executor
    def save(self):  # run in the executor's thread whoever calls it
        time.sleep(1)


class Scheduler:  # a project class whose own call_later is no event loop's
    def call_later(self, delay, fn):
        pass


async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(lambda: time.sleep(0.5))  # want: ASL201 "the lambda blocks the event loop"
    loop.call_later(5, refresh_token)  # want: ASL201
    loop.call_at(loop.time() + 5, notify)  # want: ASL201
    loop.call_soon_threadsafe(flush)  # want: ASL201
    loop.add_signal_handler(signal.SIGHUP, reload_config)  # want: ASL201
    loop.call_later(60, refresh_token)  # the same function: one finding, at its first registration
    task = asyncio.create_task(asyncio.sleep(1))
    task.add_done_callback(functools.partial(record, path="/tmp/x"))  # want: ASL201 "`record` blocks the event loop: `task.add_done_callback\(\)`"
    fut = loop.run_in_executor(None, tick)
    fut.add_done_callback(lambda f: refresh_token())  # want: ASL201

    # Quiet.
    loop.call_soon(tick)
    loop.call_later(1, offloaded)
    loop.call_soon(either_world)
    Scheduler().call_later(1, refresh_token)
    Clock.call_later(1, sync_scores)  # another library's object, by its import: not asyncio's loop
    loop.call_soon(Saver().save)  # quiet: `@run_on_executor` hands the body to a thread
    with concurrent.futures.ThreadPoolExecutor() as pool:
        done = pool.submit(tick)
        done.add_done_callback(lambda f: refresh_token())  # runs in the worker thread
    sock = socket.socket()
    sock.setblocking(False)
    loop.add_reader(sock.fileno(), lambda: sock.recv(4096))
    await task
