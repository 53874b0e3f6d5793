# A package named like a library: a whole-project check keeps it to the end
# and checks the project's other packages in parts it drops. patcher/ both
# overrides the stubs with async methods and patches publish onto Channel:
# a module that patches the name is neither kept nor summarised for it, and
# a check that asked about the name without it is checked again with it,
# from parts checked before patcher/ (aaa/) and after (zzz/).


class Channel:
    def publish(self, body):
        raise NotImplementedError

    def close(self):
        raise NotImplementedError

    def run(self):
        # Quiet: patcher.mod patches publish onto Channel.
        self.publish(b"")
        self.close()  # want: ASL102
