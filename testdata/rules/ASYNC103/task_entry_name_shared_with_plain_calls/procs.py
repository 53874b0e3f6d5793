import subprocess


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
