# Another module's thread, told to stop with a sentinel then joined: quiet,
# as in the module that makes it (the annotation constructs nothing).
from worker import Worker


class App:
    def __init__(self):
        self.worker = Worker()

    async def stop(self):
        self.worker.queue.put(None)
        self.worker.thread.join()

    # Reported: nothing told the thread to stop.
    async def wait(self):
        self.worker.thread.join()  # want: ASL202
