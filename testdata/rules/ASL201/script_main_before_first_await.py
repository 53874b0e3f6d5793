# config: asl201-local-files = true  # mechanics shown with local-file sinks
# A script's module-level main coroutine, run by its top level on the
# thread's fresh loop (`asyncio.get_event_loop().run_until_complete(main())`,
# the form older scripts write, or `asyncio.run(main())`), stalls nobody
# before its first await: nothing else runs on that loop yet (a bot's main()
# opening its store before logging in). After the first await it is
# reported, and so is a call in a loop that comes back after awaiting.
import asyncio
import json


def load_config(path):
    with open(path) as f:
        return json.load(f)


def save_config(path, config):
    with open(path, "w") as f:
        json.dump(config, f)


async def main():
    config = load_config("config.json")  # quiet: nothing else on the loop yet
    for attempt in range(3):
        load_config("retry.json")  # want: ASL201
        await asyncio.sleep(attempt)
    save_config("config.json", config)  # want: ASL201
    return config


if __name__ == "__main__":
    asyncio.get_event_loop().run_until_complete(main())
