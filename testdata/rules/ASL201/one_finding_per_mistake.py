# config: asl201-local-files = true  # mechanics shown with local-file sinks
# One finding per mistake: per coroutine, one per blocking call reached (at
# the first call that reaches it) and one per line.
import json
import time


class Config:
    def __init__(self, path):
        self.path = path
        self.data = {}

    def set_key(self, key, value):
        self.data[key] = value
        self.save()

    def save(self):
        with open(self.path, "w") as f:
            json.dump(self.data, f)


class Wordlist:
    @classmethod
    def from_file(cls, name):
        with open(name) as f:
            return f.read().split()


class Mnemonic:
    def __init__(self, lang="en"):
        self.words = Wordlist.from_file(lang + ".txt")

    def make_seed(self):
        return " ".join(Wordlist.from_file("en.txt")[:12])


def read_headers(path):
    with open(path, "rb") as f:
        return f.read(80)


def pause():
    time.sleep(0.1)


config = Config("config.json")


async def set_parameters(host, port, proxy, oneserver):
    # Four calls that write the same file: one finding at the first.
    config.set_key("host", host)  # want: ASL201 "open\(\)` via Config.set_key\(\) -> self.save\(\) -> open\(\) \(and 3 more calls in .set_parameters. reach it: .config.set_key\(\)` lines 52, 53, 54\)"
    config.set_key("port", port)
    config.set_key("proxy", proxy)
    config.set_key("oneserver", oneserver)


async def make_seed(lang):
    # The constructor and the method reach the same open(): one finding.
    return Mnemonic(lang).make_seed()  # want: ASL201 "Mnemonic\(lang\).make_seed\(\)` blocks .* \(and 1 more call in .make_seed. reaches it: .Mnemonic\(\)` line 59\)"


async def two_mistakes(path):
    # Two different blocking calls in one coroutine: two findings.
    config.set_key("last", path)  # want: ASL201
    pause()  # want: ASL201
    config.save()


async def one_line(path):
    # Two different blocking calls on one line: one finding, naming both.
    return read_headers(path) or pause()  # want: ASL201 "read_headers\(\)` blocks .*; on the same line .pause\(\)` reaches blocking .time.sleep\(\)` via pause\(\) -> time.sleep\(\)"


async def another_coroutine(host):
    # Another coroutine reaching the same open() is its own finding.
    config.set_key("host", host)  # want: ASL201


async def silenced_first(host, port):
    # A noqa silences its own line; the next call reaching the same open()
    # is still reported.
    config.set_key("host", host)  # noqa: ASL201
    config.set_key("port", port)  # want: ASL201
    config.set_key("proxy", None)
