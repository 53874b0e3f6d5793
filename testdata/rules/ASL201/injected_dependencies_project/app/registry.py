class Inject:
    def __init__(self, factory):
        self.factory = factory
