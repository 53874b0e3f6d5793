# A helper that only starts a process (subprocess.Popen forks and execs the
# child and returns) costs the loop what asyncio.create_subprocess_exec
# costs it: the same fork and exec on the loop's thread. What blocks is
# waiting for the child, looked for along the chain: wait(), communicate(),
# reading its pipes, a context manager's exit, or handing the process to
# another call.
import subprocess
import threading

import requests


def spawn_server(cmd):
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE)
    proc.stdin.close()
    return proc


def run_tool(cmd):
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE)
    out, _ = proc.communicate()
    return out


def run_and_wait(cmd):
    proc = spawn_server(cmd)
    return proc.wait()


def read_version(cmd):
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE)
    return proc.stdout.readline()


def lines_of(cmd):
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE)
    for line in proc.stdout:
        yield line


def with_process(cmd):
    with subprocess.Popen(cmd) as proc:
        return proc.pid


def reap(proc):
    proc.wait()


def spawn_and_reap(cmd):
    proc = subprocess.Popen(cmd)
    reap(proc)


def start_detached(cmd):
    subprocess.Popen(cmd)


def start_and_register(cmd):
    proc = subprocess.Popen(cmd)
    return proc.pid


def start_then_fetch(cmd, url):
    proc = subprocess.Popen(cmd)
    return proc, requests.get(url)


class Kernel:
    def __init__(self, cmd):
        self._process: subprocess.Popen = None
        self._process = self._spawn(cmd)
        self._stdout = self._process.stdout
        self._reader = threading.Thread(target=self._read)

    def _spawn(self, cmd):
        try:
            process = subprocess.Popen(cmd, stdout=subprocess.PIPE)
        except FileNotFoundError:
            raise RuntimeError(cmd[0] + " was not found") from None
        else:
            return process

    def _read(self):
        return self._stdout.read()


class Launcher:
    def start(self, cmd):
        self.proc = subprocess.Popen(cmd)
        if self.proc.poll() is not None:
            raise RuntimeError("exited at once")


async def launch(cmd, url):
    server = spawn_server(cmd)  # quiet: started, never waited for on the loop
    start_detached(cmd)  # quiet
    pid = start_and_register(cmd)  # quiet: only its pid is kept
    kernel = Kernel(cmd)  # quiet: the reader thread reads its output
    Launcher().start(cmd)  # quiet
    run_tool(cmd)  # want: ASL201
    return pid, kernel


async def wait_for_it(cmd):
    run_and_wait(cmd)  # want: ASL201
    read_version(cmd)  # want: ASL201


async def iterate(cmd):
    for line in lines_of(cmd):  # want: ASL201
        print(line)


async def contexts(cmd):
    with_process(cmd)  # want: ASL201
    spawn_and_reap(cmd)  # want: ASL201


async def handed_back(cmd):
    return spawn_server(cmd)  # want: ASL201


async def waits_itself(cmd):
    proc = spawn_server(cmd)  # want: ASL201
    await something(proc)


async def something(proc):
    return proc


async def the_spawn_and_a_request(cmd, url):
    start_then_fetch(cmd, url)  # want: ASL201
