class ApiClient:
    async def fetch(self, path):
        return path


class Recorder:
    def get(self, path):
        return path

    def post(self, path):
        return path
