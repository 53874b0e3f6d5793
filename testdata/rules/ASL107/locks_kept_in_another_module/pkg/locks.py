import asyncio
import threading
import sys

tlock = threading.Lock()
alock = asyncio.Lock()
LockClass = threading.Lock

if sys.platform == "win32":
    either = threading.Lock()
else:
    either = asyncio.Lock()
