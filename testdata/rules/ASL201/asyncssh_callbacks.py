# AsyncSSH calls the callbacks of an SSHServer, an SSHClient and its session
# classes on the event loop. Its docstrings say a callback that must block
# (a password check against a database) should be a coroutine. A blocking
# call in a synchronous callback stalls every connection; the same names
# on other classes, coroutine callbacks, offloaded work and methods
# AsyncSSH does not call stay quiet.
import asyncio
import subprocess
import time

import asyncssh
import requests


def lookup_password(username):
    resp = requests.get("https://auth.example.com/users", params={"name": username}, timeout=5)
    return resp.json().get("pw")


class HoneypotServer(asyncssh.SSHServer):
    def connection_made(self, conn):
        self.conn = conn

    def begin_auth(self, username):
        return True

    def password_auth_supported(self):
        return True

    def validate_password(self, username, password):
        expected = lookup_password(username)  # want: ASL201 "`lookup_password\(\)` blocks the event loop in `validate_password`, a synchronous AsyncSSH callback that AsyncSSH calls on the event loop"
        return expected == password

    def validate_public_key(self, username, key):
        requests.post("https://alerts.example.com/key", json={"user": username})  # want: ASL201
        return False

    def report(self):  # AsyncSSH never calls it
        time.sleep(1)


class CoroutineServer(asyncssh.SSHServer):
    async def validate_password(self, username, password):
        expected = await asyncio.to_thread(lookup_password, username)  # quiet: offloaded in a coroutine callback
        return expected == password


class ShellSession(asyncssh.SSHServerSession):
    def shell_requested(self):
        return True

    def data_received(self, data, datatype):
        subprocess.run(["logger", data])  # want: ASL201 "in `data_received`, an AsyncSSH session callback"

    def eof_received(self):
        loop = asyncio.get_running_loop()
        loop.run_in_executor(None, time.sleep, 0.1)  # quiet: handed to a thread
        return False


class KnownHostsClient(asyncssh.SSHClient):
    def validate_host_public_key(self, host, addr, port, key):
        time.sleep(0.2)  # want: ASL201
        return True


class NotAnSSHServer:
    def validate_password(self, username, password):
        return lookup_password(username) is not None  # quiet: no AsyncSSH class


async def main():
    await asyncssh.create_server(HoneypotServer, "", 8022, server_host_keys=["key"])
