# Strings computed at run time decide the work: f-string cache keys,
# str.split() feeding a loop, %-formatting and str.format() as dict keys
# -> 3 hosts x 0.04 s + 0.06 s (one cached) + 0.05 s = 0.23 s.
import asyncio

DELAY = {"host-0": 0.04, "host-1": 0.04, "host-2": 0.04}
cache = {}


async def lookup(host, port):
    key = f"{host}:{port:05d}"
    if key in cache:
        return cache[key]
    await asyncio.sleep(DELAY[host])
    cache[key] = len(key)
    return cache[key]


async def main():
    hosts = "host-0, host-1, host-2".split(", ")
    for h in hosts:
        await lookup(h, 80)
    await lookup("host-1", 80)  # cached
    slow = {"%s/%d" % ("x", 1): 0.06, "{}-{}".format("y", 2): 0.05}
    await asyncio.sleep(slow["x/1"])
    await asyncio.sleep(slow.get("y-2", 1.0))
    label = f"{len(cache)} keys, {0.5:.1%} done, {'ok'!r:>6}"
    return label


if __name__ == "__main__":
    asyncio.run(main())
