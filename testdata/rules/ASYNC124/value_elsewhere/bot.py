class Bot:
    def __init__(self, router):
        self.router = router

    def setup(self):
        self.router.add("ping", self.on_ping)
