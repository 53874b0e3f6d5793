# An annotated assignment declares the type even when the value's is unknown.
from io import TextIOWrapper
from typing import Any

make: Any = None


async def declared_file():
    f: TextIOWrapper = make()
    return f.read()  # want: ASYNC232


async def declared_other():
    f: int = make()
    return f.read()


async def undeclared():
    f = make()
    return f.read()
