# Coroutines handed to APIs that call their callable synchronously.
import asyncio
import signal
import threading


class Server:
    async def shutdown(self) -> None:
        pass

    def stop_now(self) -> None:
        pass

    async def on_done(self, fut: asyncio.Future) -> None:
        pass

    def install(self) -> None:
        loop = asyncio.get_running_loop()
        loop.add_signal_handler(signal.SIGTERM, self.shutdown)  # want: ASL102
        loop.add_signal_handler(signal.SIGINT, lambda: self.shutdown())  # want: ASL102
        loop.call_later(5, self.shutdown)  # want: ASL102
        threading.Thread(target=self.shutdown).start()  # want: ASL102
        fut = loop.create_future()
        fut.add_done_callback(self.on_done)  # want: ASL102

    def install_ok(self) -> None:
        # Quiet: sync callbacks, or ones that schedule the coroutine.
        loop = asyncio.get_running_loop()
        loop.add_signal_handler(signal.SIGTERM, self.stop_now)
        loop.add_signal_handler(signal.SIGINT, lambda: asyncio.ensure_future(self.shutdown()))
        loop.call_soon(asyncio.ensure_future, self.shutdown())
        threading.Thread(target=asyncio.run, args=(self.shutdown(),)).start()
        signal.signal(signal.SIGTERM, lambda *_: self.stop_now())
