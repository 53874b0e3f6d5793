# A script's own statements run at import, right after the assignment: a
# coroutine stored in a module name and used there as its result fails
# whatever other readers of the global do later (gentoo-root/telegram-tracker,
# bench/realbugs60).
import asyncio
import sys

from telethon import TelegramClient


async def fetch_config():
    await asyncio.sleep(0)
    return {"debug": True}


client = TelegramClient("tracker", 1, "hash")
client.start()

contact = client.get_entity(sys.argv[1])  # want: ASL102 "it is stored in `contact` and its attribute `status` is read on the coroutine object"
print(contact.status)

config = fetch_config()  # want: ASL102 "it is stored in `config`"
if config["debug"]:
    print("debug")

# A comprehension of the module's own code runs at import too.
flags = fetch_config()  # want: ASL102 "it is stored in `flags`"
names = [k for k in flags]

# A rebinding in one branch does not end the reach of the other.
profile = fetch_config()  # want: ASL102 "it is stored in `profile`"
if len(sys.argv) > 2:
    profile = {"name": sys.argv[2]}
else:
    print(profile["name"])

while True:
    polled = client.get_entity(sys.argv[1])  # want: ASL102 "it is stored in `polled`"
    for part in polled:
        print(part)
    break


# Quiet: a global the module's own code never uses as the result (a
# function or another module may read it later), one handed to the loop,
# and one rebound before it is read.
later = fetch_config()


def show():
    print(later["debug"])


settings = fetch_config()
settings = asyncio.run(settings)
print(settings["debug"])

loaded = fetch_config()
loaded = {"debug": False}
print(loaded["debug"])

main_config = fetch_config()
print(asyncio.run(main_config)["debug"])
