# A package named like a library: a whole-project check keeps it to the end
# and checks the project's other packages in parts it drops. A stub's
# overrides in those parts are looked for only when some source may define
# the stub's name as an async function, which the check reads from the text
# of every source before parsing any: each override in producer/ is a
# generator-based one whose decorator is written otherwise than right above
# its def as a dotted name, or an `async def` with a form feed (a blank to
# Python) after `async`. (This file does not name the decorator: a source
# that does may define any of its defs so.)


class Channel:
    def publish(self, body):
        raise NotImplementedError

    def consume(self):
        raise NotImplementedError

    def declare(self):
        raise NotImplementedError

    def bind(self):
        raise NotImplementedError

    def recover(self):
        raise NotImplementedError

    def unbind(self):
        raise NotImplementedError

    def start(self):
        # Each fires: every subclass defines the name as an async
        # function (producer/).
        self.publish(b"hello")  # want: ASL102
        self.consume()  # want: ASL102
        self.declare()  # want: ASL102
        self.bind()  # want: ASL102
        self.unbind()  # want: ASL102
        # Quiet: legacy.py overrides recover with a plain method.
        self.recover()
