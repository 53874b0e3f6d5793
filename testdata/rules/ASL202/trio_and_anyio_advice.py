# trio's advice: its own primitives, its to_thread, its socket module.
import socket
import threading

import trio


async def serve(worker: threading.Thread, sock: socket.socket):
    worker.join()  # want: ASL202 "wait for the thread in a worker thread: `await trio\.to_thread\.run_sync\(thread\.join\)`"
    conn, _ = sock.accept()  # want: ASL202 "use trio streams \(`trio\.open_tcp_stream`\) or `await trio\.socket\.\*\(\.\.\.\)`"
    await trio.sleep(0)
    return conn
