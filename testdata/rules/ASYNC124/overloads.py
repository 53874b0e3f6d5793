from typing import overload


# The implementation of overloads declared `async def`: the coroutine type is
# the declared API, whatever the body does.
@overload
async def unwrap(value: int) -> int: ...


@overload
async def unwrap(value: str) -> str: ...


async def unwrap(value):
    return value


# Overloads declared as plain `def` say nothing about being a coroutine.
@overload
def convert(value: int) -> int: ...


@overload
def convert(value: str) -> str: ...


async def convert(value):  # want: ASYNC124 "async function `convert` never awaits"
    return value


# An overload of another name does not cover this one.
@overload
async def parse(value: int) -> int: ...


async def parse_all(values):  # want: ASYNC124
    return list(values)


class Reader:
    @overload
    async def read(self, n: int) -> bytes: ...

    async def read(self, n=None):
        return b""


# A method's overloads do not cover a module-level function of the same name.
async def read(n):  # want: ASYNC124
    return n
