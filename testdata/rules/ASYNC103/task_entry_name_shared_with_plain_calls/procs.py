import subprocess

from coordinator import Coordinator


class Child:
    def __init__(self, args):
        self._child = subprocess.Popen(args)

    def running(self):
        self._child.poll()
        if self._child.poll() is not None:
            return False
        assert not self._child.poll()
        return self._child.poll() is None


def check_all(resources):
    results = [r.check() for r in resources]
    status = resources[0].check()
    return results, status


class Resource:
    def sample(self):
        return True


def sample_all(resources):
    for resource in resources:
        changed = resource.sample()
        if changed:
            print("changed")
        elif changed is None:
            print("unknown")


class Listener:
    state = "idle"

    def stop(self):
        self.state = "stopped"


class Monitor:
    def __init__(self):
        self.listen: Listener | None = None
        self.listen = Listener()

    def close(self):
        if self.listen is not None:
            self.listen.stop()
            print(self.listen.state)
        del self.listen


def gather_all(resources):
    found = resources[0].gather()
    if found:
        return found
    return None


def watch_again(target):
    return target.watch.retry_with(stop=3)()


class Batch:
    def __init__(self):
        self.collect = []

    def add(self, item):
        self.collect.append(item)
        if len(self.collect) > 10:
            for item in self.collect:
                print(item)
            self.flush(self.collect)

    def flush(self, items):
        pass


class Feeder:
    def schedule(self, hooks):
        hooks.register(self.feed)


def retry(func):
    return func


class Retrying(Coordinator):
    def __init__(self):
        self.drain = retry(self.drain)

    async def finish(self):
        await self.drain()
