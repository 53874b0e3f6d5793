# Fabric, Paramiko and the official Kubernetes client are synchronous: each
# call below waits for a remote host or the API server on the loop's thread.
import asyncio

import paramiko
from fabric import Connection
from kubernetes import dynamic
from kubernetes.client import api_client


async def deploy(host, script):
    with Connection(host) as c:
        c.put(script, remote="/tmp/deploy.sh")  # want: ASL202 "asyncssh"
        result = c.run("bash /tmp/deploy.sh", hide=True)  # want: ASL202
        with c.sftp().open("/tmp/manifest.json") as f:  # want: ASL202
            return result.stdout, f.read()


async def uptime(host):
    client = paramiko.SSHClient()
    client.connect(host, username="ops")  # want: ASL202
    stdin, stdout, stderr = client.exec_command("uptime")  # want: ASL202
    sftp = client.open_sftp()  # want: ASL202
    return sftp.listdir("/var/log")  # want: ASL202


async def pods(configuration, namespace):
    client = dynamic.DynamicClient(api_client.ApiClient(configuration=configuration))
    api = client.resources.get(api_version="v1", kind="Pod")  # want: ASL202 "kubernetes_asyncio"
    return client.get(api, namespace=namespace)  # want: ASL202


# Quiet: offloaded to a thread, and closing makes no request.
async def offloaded(host, configuration):
    c = Connection(host)
    result = await asyncio.to_thread(c.run, "uname -a", hide=True)
    c.close()
    client = dynamic.DynamicClient(api_client.ApiClient(configuration=configuration))
    api = await asyncio.to_thread(client.resources.get, api_version="v1", kind="Pod")
    return result, api


# Quiet: a plain function runs wherever its caller runs it.
def sync_deploy(host):
    with Connection(host) as c:
        return c.run("true")
