# A package named like a library: a whole-project check keeps it to the end
# and checks the project's other packages in parts it drops. The stubs'
# plain overrides (legacy/, blocked/) stand in the later parts' projects as
# summaries of the classes they derive from here; their async overrides
# (producer/, logged/) keep their modules.


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
        # Quiet: each name has a plain override somewhere below Channel,
        # but flush (logged/ alone defines it, async).
        self.publish(b"")
        self.close()
        self.flush()  # want: ASL102
        self.ping()


class FastChannel(Channel):
    def run_fast(self):
        # Below FastChannel: AsyncFast's publish and ping, Logged's flush
        # (async); PropChannel's close is a property.
        self.publish(b"")  # want: ASL102
        self.close()
        self.flush()  # want: ASL102
        self.ping()  # want: ASL102


class SlowChannel(Channel):
    def run_slow(self):
        # Below SlowChannel: SyncSlow's publish (through legacy's _Mid) and
        # Blocked's ping (a sync wrapper) are plain; AsyncSlow's close is
        # async; none defines flush.
        self.publish(b"")
        self.close()  # want: ASL102
        self.flush()
        self.ping()
