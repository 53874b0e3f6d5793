# A package's __main__.py is the program's entry: the same as a module that
# parses the command line.
import asyncio


async def dump(path, data):
    with open(path, "w") as f:  # quiet: a command-line tool's local file
        f.write(data)


asyncio.run(dump("out.txt", "x"))
