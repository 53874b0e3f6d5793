class Channel:
    def publish(self, body):
        raise NotImplementedError

    def close(self):
        raise NotImplementedError

    def flush(self):
        raise NotImplementedError

    def ping(self):
        raise NotImplementedError

    def run(self):
        self.publish(b"")
        self.close()
        self.flush()
        self.ping()


class FastChannel(Channel):
    def run_fast(self):
        self.publish(b"")
        self.close()
        self.flush()
        self.ping()


class SlowChannel(Channel):
    def run_slow(self):
        self.publish(b"")
        self.close()
        self.flush()
        self.ping()
