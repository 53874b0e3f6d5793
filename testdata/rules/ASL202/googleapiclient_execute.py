# google-api-python-client: build() makes a Resource whose generated methods
# give more Resources (collections) or HttpRequests (API methods); execute()
# sends the request through httplib2, synchronously. Found as a corpus27
# miss (a Sanic Gmail scraper's `service.users().messages().get(...)
# .execute()` in coroutines). Receivers are typed from build(), never from
# the bare name `execute`.
import asyncio

from googleapiclient.discovery import build


async def read_message(creds, msg_id):
    service = build("gmail", "v1", credentials=creds)
    return service.users().messages().get(userId="me", id=msg_id).execute()  # want: ASL202 "`service\.users\(\)\.messages\(\)\.get\(userId=\"me\", id=msg_id\)\.execute\(\)` \(googleapiclient\.discovery\.Resource\.execute\) blocks the event loop in async function `read_message`"


class Drive:
    def __init__(self, creds):
        self.service = build("drive", "v3", credentials=creds)

    async def list_files(self):
        request = self.service.files().list(pageSize=10)
        return request.execute()  # want: ASL202 "`request\.execute\(\)` \(googleapiclient\.discovery\.Resource\.execute\) blocks the event loop"

    def upload(self, body, media):
        return self.service.files().create(body=body, media_body=media).execute()

    async def save(self, body, media):
        return self.upload(body, media)  # want: ASL201 "`self\.upload\(\)` blocks the event loop in async function `save`"

    # Quiet: in a worker thread, in synchronous code, building the request
    # without sending it.
    async def list_files_in_thread(self):
        request = self.service.files().list(pageSize=10)
        return await asyncio.to_thread(request.execute)

    def list_files_sync(self):
        return self.service.files().list().execute()

    async def prepared(self):
        return self.service.files().list(pageSize=10)


class Job:
    def execute(self):
        return 1


async def run_job(job: Job):
    return job.execute()
