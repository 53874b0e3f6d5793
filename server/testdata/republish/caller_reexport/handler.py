class Handler:
    def __init__(self, nc):
        self.nc = nc

    def handle(self):
        self.nc.publish('s', b'')
