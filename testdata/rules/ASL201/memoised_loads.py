# config: asl201-local-files = true  # mechanics shown with local-file sinks
# A helper that loads once and keeps the result still blocks the loop on
# its first use, for as long as the load takes: llama-stack's dataset
# `load()` (`if self.df is not None: return`, then pandas.read_csv of the
# whole file) was a real bug fixed upstream (bench/realbugs9). Memoised
# helpers are reported like any other; see the rule's Notes.
import functools

_CONFIG = None


class Dataset:
    def __init__(self, path):
        self.path = path
        self.rows = None

    def load(self):
        if self.rows is not None:
            return self.rows
        with open(self.path) as f:
            self.rows = f.read().splitlines()
        return self.rows


def load_config():
    global _CONFIG
    if _CONFIG is None:
        with open("/etc/app.conf") as f:
            _CONFIG = f.read()
    return _CONFIG


@functools.cache
def defaults():
    with open("/etc/app.defaults") as f:
        return f.read()


async def iterrows(ds: Dataset):
    rows = ds.load()  # want: ASL201 "`ds\.load\(\)` blocks the event loop in async function `iterrows`: it calls blocking `open\(\)`"
    return rows, load_config(), defaults()  # want: ASL201
