# config: asl201-local-files = true  # mechanics shown with local-file sinks
import json
from contextlib import contextmanager


class Config:
    def __init__(self, path: str) -> None:
        with open(path) as fh:
            self.data = json.load(fh)

    @classmethod
    def from_env(cls) -> "Config":
        return cls("config.json")


@contextmanager
def opened(path):
    fh = open(path)
    try:
        yield fh
    finally:
        fh.close()


async def main() -> None:
    cfg = Config("x.json")  # want: ASL201 "and 1 more call in .main. reaches it: .* line 27\)"
    cfg2 = Config.from_env()
    with opened("y") as fh:  # want: ASL201
        print(fh)
    print(cfg, cfg2)


@contextmanager
def timer(name: str):
    import time

    start = time.perf_counter()
    yield
    print(name, time.perf_counter() - start)


async def quiet() -> None:
    # Quiet: the context manager does no blocking work; a generator called
    # without `with` runs none of its body.
    with timer("x"):
        pass
    gen = opened("z")
    print(gen)
