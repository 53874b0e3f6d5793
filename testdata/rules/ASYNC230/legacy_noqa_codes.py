# The first flake8-async (and ruff before 0.5) called `open`, `time.sleep`
# and subprocess calls in a coroutine ASYNC101; `# noqa: ASYNC101` written
# then on an `open()` silences ASYNC230 there. ASYNC100 (then blocking HTTP)
# does not.
import asyncio


async def save(path, chunks):
    with open(path, "wb") as file:  # noqa: ASYNC101
        for chunk in chunks:
            await asyncio.sleep(0)


async def load(path):
    with open(path) as f:  # noqa: ASYNC100  # want: ASYNC230
        return f.read()


async def load_unsilenced(path):
    with open(path) as f:  # want: ASYNC230
        return f.read()
