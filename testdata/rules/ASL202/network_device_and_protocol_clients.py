# netmiko's sessions wait on the device for each command (the factory opens
# the SSH session), telnetlib's reads wait for the peer, ntplib waits for
# the NTP server's answer and scapy's sr/sr1/sniff wait for packets. The
# receivers are typed from the libraries' factories and constructors,
# never from the method names.
import asyncio
import telnetlib

import ntplib
from netmiko import ConnectHandler
from scapy.all import IP, ICMP, sr1, sniff


async def show_version(host: str):
    conn = ConnectHandler(device_type="cisco_ios", host=host, username="u", password="p")  # want: ASL202
    output = conn.send_command("show version")  # want: ASL202
    conn.send_config_set(["interface lo0", "description test"])  # want: ASL202
    conn.disconnect()  # want: ASL202
    return output


async def banner(host: str):
    tn = telnetlib.Telnet()
    tn.open(host, 23)  # want: ASL202
    return tn.read_until(b"login: ", timeout=5)  # want: ASL202


async def clock_offset(server: str):
    client = ntplib.NTPClient()
    return client.request(server, version=3).offset  # want: ASL202


async def ping(host: str):
    return sr1(IP(dst=host) / ICMP(), timeout=2)  # want: ASL202


async def capture():
    return sniff(count=10)  # want: ASL202


def backup_config(host: str):
    conn = ConnectHandler(device_type="cisco_ios", host=host)
    try:
        return conn.send_command("show running-config")
    finally:
        conn.disconnect()


async def nightly_backup(host: str):
    return backup_config(host)  # want: ASL201


# Quiet: offloaded to a thread, plain functions, and other classes' methods
# of the same names.

async def offloaded(host: str):
    return await asyncio.to_thread(backup_config, host)


async def offloaded_ntp(server: str):
    client = ntplib.NTPClient()
    return await asyncio.to_thread(client.request, server)


async def offloaded_by_executor(host: str):
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(None, backup_config, host)


def sync_ping(host: str):
    return sr1(IP(dst=host) / ICMP(), timeout=2)


class Shell:
    def send_command(self, command):
        return command

    def request(self, host):
        return host


async def others(shell: Shell, host: str):
    shell.send_command("ls")
    return shell.request(host)
