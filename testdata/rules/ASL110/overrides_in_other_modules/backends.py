from core import DockerCore


class RemoteCore(DockerCore):
    async def refresh(self):
        return None

    def close(self):
        return None

    async def connect(self):
        return self
