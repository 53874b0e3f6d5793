# Reduced shape of https://github.com/aio-libs/aiobotocore/issues/854
# (a project coroutine's object used as its result (method called on it)); not the project's code.
class Credentials:
    def frozen(self):
        return ("key", "secret")


class Fetcher:
    async def _source_credentials(self, profile):
        return Credentials()

    async def fetch(self, profile):
        creds = self._source_credentials(profile)
        key, secret = creds.frozen()
        return key, secret
