from alias import Cmd


class Deep(Cmd):
    def _flush(self):
        pass
