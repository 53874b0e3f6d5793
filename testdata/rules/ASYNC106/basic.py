from asyncio import sleep  # want: ASYNC106 "use `import asyncio` and write `asyncio\.sleep`"
import asyncio as aio  # want: ASYNC106
import trio as t  # want: ASYNC106

# Quiet
import asyncio
import asyncio.subprocess
from asyncio.subprocess import PIPE
import anyio
