# As in flake8-async, a module name bound nowhere in the file is read as
# that module (the import is elsewhere: a prelude, a snippet).


async def build():
    subprocess.run(["make"])  # want: ASYNC221
    time.sleep(1)  # want: ASYNC251


async def shadowed(runner):
    subprocess = runner
    subprocess.run(["make"])  # quiet: a local, not the module


class Tools:
    async def build(self):
        self.subprocess.run(["make"])  # quiet: an attribute, not a module
