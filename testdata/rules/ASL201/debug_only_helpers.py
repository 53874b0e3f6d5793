# config: asl201-local-files = true  # mechanics shown with local-file sinks
# A helper that writes its log only in a debug or verbose mode (nala's
# dprint: `if not arguments.debug: return`, then append to the debug log)
# does not make its callers block in normal runs: that is the mode's cost,
# as with the logging module's file handlers. One that writes every time
# does.
import asyncio


class Arguments:
    debug = False
    verbose = False


arguments = Arguments()


def dprint(msg):
    if not arguments.debug:
        return
    print(f"DEBUG: {msg}")
    with open("/var/log/app-debug.log", "a") as logfile:
        logfile.write(f"{msg}\n")


def vprint(msg):
    if arguments.verbose:
        print(msg)
    if arguments.debug and msg:
        with open("/var/log/app-debug.log", "a") as logfile:
            logfile.write(f"{msg}\n")


def record(msg):
    with open("/var/log/app.log", "a") as logfile:
        logfile.write(f"{msg}\n")


def record_unless_quiet(msg, quiet):
    if not quiet:
        return
    with open("/var/log/app.log", "a") as logfile:
        logfile.write(f"{msg}\n")


async def download(url):
    dprint(f"starting {url}")
    vprint(f"starting {url}")
    await asyncio.sleep(0)
    record(f"done {url}")  # want: ASL201 "blocking `open\(\)`"
    record_unless_quiet(f"done {url}", url.endswith("/"))  # want: ASL201 "blocking `open\(\)`"
    # A literal argument decides the early return: `not False` returns
    # before the write (none_default_arguments.py).
    record_unless_quiet(f"done {url}", False)
