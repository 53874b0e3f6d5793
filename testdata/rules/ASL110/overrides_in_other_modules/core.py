# A plain method is reported when awaited unless a subclass, in any module
# (backends.py, which app.py does not import), defines it other than as a
# plain method whose value is not awaitable.


class DockerCore:
    def list_images(self):
        return [{"id": 1}]

    def refresh(self):
        return None

    def close(self):
        print("closed")

    def connect(self):
        raise NotImplementedError


core = DockerCore()
