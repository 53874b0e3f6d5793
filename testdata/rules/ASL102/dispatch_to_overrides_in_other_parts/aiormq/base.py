# A package named like a library (here a vendored copy): a whole-project
# check builds it first and keeps it to the end, and builds the project's
# other packages in parts it drops once checked. The stub's overrides live
# in those parts: a synchronous one in legacy/, async ones in producer/.


class Channel:
    def publish(self, body):
        raise NotImplementedError

    def announce(self):
        # Quiet: legacy.channels.SyncChannel.publish is synchronous.
        self.publish(b"hello")


class FastChannel(Channel):
    def flush(self):
        # Fires: every class below FastChannel defines publish as async
        # (SyncChannel derives from Channel through legacy's own _Base).
        self.publish(b"")  # want: ASL102
