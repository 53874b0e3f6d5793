# Methods that a library calls on the event loop's thread because of the
# class they belong to: asyncio's protocol callbacks (the transports call
# them from the loop), Textual's handlers found by name (`on_*`,
# `action_*`, `watch_*`) and Tornado's request handler methods. A blocking
# call in such a synchronous method stalls the loop as it would in a
# coroutine; the same method name on a class of no such library, a typing
# Protocol, work handed to a thread, and methods the library does not call
# stay quiet.
import asyncio
import sqlite3
import subprocess
import time
from asyncio import DatagramProtocol
from concurrent.futures import ThreadPoolExecutor
from typing import Protocol

import requests
import tornado.concurrent
import tornado.web
from textual import work
from textual.app import App
from textual.widgets import Static
from tornado.concurrent import run_on_executor


def post_reading(value):
    return requests.post("https://collector.example.com/readings", json={"v": value})


class Collector(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport = transport

    def data_received(self, data):
        post_reading(data.decode())  # want: ASL201 "`post_reading\(\)` blocks the event loop in `data_received`, a protocol callback that the event loop calls on its own thread: it calls blocking `requests.post\(\)`"

    def eof_received(self):
        time.sleep(0.5)  # want: ASL201 "`time.sleep\(\)` blocks the event loop in `eof_received`, a protocol callback"

    def connection_lost(self, exc):
        loop = asyncio.get_running_loop()
        loop.run_in_executor(None, post_reading, "lost")  # quiet: handed to a thread

    def summary(self):  # not a callback the loop calls
        time.sleep(1)


class Echo(DatagramProtocol):
    def datagram_received(self, data, addr):
        subprocess.run(["logger", data.decode()])  # want: ASL201

    def error_received(self, exc):
        print(exc)  # quiet: nothing blocks


class LoggingCollector(Collector):  # derives from the protocol through a project class
    def data_received(self, data):
        time.sleep(0.1)  # want: ASL201


class Parser(Protocol):  # typing.Protocol: a structural type, not asyncio's
    def data_received(self, data) -> None:
        time.sleep(1)


class Plain:
    def data_received(self, data):
        time.sleep(1)

    def on_click(self):
        time.sleep(1)


class Counter(Static):
    def on_click(self):
        subprocess.run(["beep"])  # want: ASL201 "`subprocess.run\(\)` blocks the event loop in `on_click`, a synchronous Textual handler that Textual calls on the app's event loop"

    def watch_count(self, count):
        time.sleep(count)  # want: ASL201

    @work(thread=True)
    def on_mount(self):
        time.sleep(1)  # quiet: a thread worker

    async def on_key(self, event):
        await asyncio.to_thread(time.sleep, 1)  # quiet: off the loop

    def refresh_label(self):  # not a name Textual calls
        time.sleep(1)


class Console(App):
    def action_save(self):
        conn = sqlite3.connect("/var/lib/console/history.db")  # quiet by default: local file work (asl201-local-files)
        conn.close()

    def action_fetch(self):
        post_reading("fetch")  # want: ASL201


class Main(tornado.web.RequestHandler):
    def get(self):
        self.write(requests.get("https://api.example.com/").text)  # want: ASL201

    async def post(self):
        self.write("ok")  # quiet: nothing blocks

    def compute(self):  # not a method Tornado calls
        time.sleep(1)


class Report(tornado.web.RequestHandler):
    executor = ThreadPoolExecutor(4)

    @run_on_executor
    def get(self):  # quiet: run_on_executor runs it in self.executor's thread and Tornado awaits the future
        return requests.get("https://api.example.com/report").text

    @tornado.concurrent.run_on_executor(executor="executor")
    def post(self):  # quiet: the same, naming the executor
        time.sleep(1)

    @tornado.web.authenticated
    def put(self):
        time.sleep(1)  # want: ASL201 "in `put`, a synchronous Tornado handler method"


class Refresher(App):
    def action_refresh(self):
        post_reading("refresh")  # want: ASL201

    def on_button_pressed(self, event):
        self.action_refresh()  # one mistake, one finding: action_refresh reports its own blocking call


class Framed(asyncio.Protocol):
    def data_received(self, data):
        post_reading(data.decode())  # want: ASL201

    def eof_received(self):
        self.data_received(b"\n")  # one finding: data_received's own


class Download(tornado.web.RequestHandler):
    def open(self, path):  # quiet: a plain handler's own helper, not a WebSocket callback
        time.sleep(0.1)
        return path
