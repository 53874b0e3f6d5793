# An event-loop integration (qasync's QEventLoop) runs the asyncio handles it
# keeps by timer id: `handle._run()` is asyncio.Handle._run, synchronous.


class QtLoop:
    def __init__(self):
        self.__callbacks = {}

    def timer_event(self, timer_id):
        handle = self.__callbacks[timer_id]
        handle._run()  # quiet: asyncio.Handle._run is no coroutine

    def start_job(self, timer_id):
        job = self.__callbacks[timer_id]
        job._start()  # want: ASL102 (only the project's Job has _start, a coroutine method)
