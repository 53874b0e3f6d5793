from aiormq.base import SlowChannel


class _Mid(SlowChannel):
    pass


class SyncSlow(_Mid):
    def publish(self, body):
        return None
