import handlers
from handlers import on_ping
from jobs import run_nightly


class Bot:
    def __init__(self, router, version):
        self.router = router
        # A parameter and an attribute named like handlers.version are not it.
        self.version = version

    def setup(self, args, scheduler):
        self.router.add("ping", on_ping)
        self.router.add("pong", handlers.on_pong)
        self.router.add("help", self.on_help)
        scheduler.every(60, run_nightly)
        print(args.version, self.version)

    def on_help(self, message):
        return message


def describe(on_unused="unused"):
    # A local variable named like handlers.on_unused is not it either.
    version = "1.0"
    return on_unused, version
