# upstream: tests/eval_files/async232_asyncio.py @ 1db72de8164049b836ba2a7ea3140dafb0de019d
# codes: ASYNC232
# config: ignore = ["ASYNC230"]  # upstream runs this file with ASYNC232 alone (with ASYNC230 on, asyncls folds the calls on a file the coroutine opens into the open's finding)
# Restated from flake8-async's test suite (MIT, flake8-async contributors); see README.md.
# Reduced: one case per shape upstream tests.
import io
from io import BufferedRandom, BufferedReader, BufferedWriter, TextIOWrapper
from typing import Any, Optional

placeholder: Any = None


async def text_param(f: io.TextIOWrapper):
    f.read()  # want: ASYNC232
    f.readlines()  # want: ASYNC232
    f.unknown_method()  # differs: ASYNC232 -- only methods that do I/O block (not fileno(), isatty(), unknown ones)


async def binary_reader(f: io.BufferedReader):
    f.read()  # want: ASYNC232


async def binary_writer(f: io.BufferedWriter):
    f.write(b"")  # differs: ASYNC232 -- an empty write moves no data (a probe; the open() that creates a file is ASYNC230)
    f.write(b"data")  # want: ASYNC232


async def binary_random(f: io.BufferedRandom):
    f.read()  # want: ASYNC232


async def imported_names(a: TextIOWrapper, b: BufferedReader, c: BufferedWriter, d: BufferedRandom):
    a.read()  # want: ASYNC232
    b.read()  # want: ASYNC232
    c.flush()  # want: ASYNC232
    d.read()  # want: ASYNC232


async def with_default(f: TextIOWrapper = placeholder):
    f.read()  # want: ASYNC232


async def optional_union(f: TextIOWrapper | None):
    f.read()  # want: ASYNC232
    if f:
        f.read()  # want: ASYNC232


async def optional_union_left(f: None | TextIOWrapper):
    f.read()  # want: ASYNC232


async def optional_default(f: Optional[TextIOWrapper] = None):
    f.read()  # want: ASYNC232


async def union_with_other(f: TextIOWrapper | int):
    f.read()


async def positional_only(f: TextIOWrapper = placeholder, /):
    f.read()  # want: ASYNC232


async def keyword_only(*, f: TextIOWrapper = placeholder):
    f.read()  # want: ASYNC232


async def opened_unused():
    with open("x") as f:
        print(f)


async def opened_read():
    with open("x") as f:
        f.read()  # want: ASYNC232


async def assigned_read():
    f = open("x")
    f.read()  # want: ASYNC232


async def assigned_alias():
    first = open("x")
    second = first
    second.read()  # want: ASYNC232
    first.read()  # want: ASYNC232


async def unknown_manager():
    with placeholder("x") as f:
        f.read()


def sync_outer(f: TextIOWrapper):
    async def inner():
        f.read()  # want: ASYNC232


async def annotated_local():
    f: TextIOWrapper = placeholder
    f.read()  # want: ASYNC232


async def shadowed(f: TextIOWrapper):
    def inside(f: int):
        f.read()

    f.read()  # want: ASYNC232
    lambda f: f.read()


async def retyped(f: TextIOWrapper):
    f: int = 7
    f.read()
    f: TextIOWrapper = placeholder
    f.read()  # differs: ASYNC232 -- a name given two types is not tracked statement by statement


def sync_read(f: TextIOWrapper):
    f.read()



async def reassigned(f: TextIOWrapper):
    f = make()
    f.read()  # differs: ASYNC232 -- `f` was rebound to something unknown (upstream: a known false alarm)


# What upstream's tests list as cases it should report but does not.
async def tuple_opened():
    x, y = open("a"), open("b")
    x.read()  # extra: ASYNC232 -- tuple assignments are followed (upstream: should error)


class Holder:
    def __init__(self):
        self.f: TextIOWrapper = open("x")

    async def read(self):
        self.f.read()  # extra: ASYNC232 -- attributes are followed (upstream: should error)


def opener() -> TextIOWrapper:
    return open("x")


async def read_returned():
    k = opener()
    k.read()  # extra: ASYNC232 -- return annotations are followed (upstream: should error)


async def read_each(files: list[TextIOWrapper]):
    for f in files:
        f.read()  # extra: ASYNC232 -- element types of annotated collections are followed (upstream: not handled)
