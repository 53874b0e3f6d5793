# Cases from flake8-async's eval_files/async123.py.
import asyncio
import copy
from typing import Any


def condition() -> bool:
    return True


def any_fun(arg: Exception) -> Exception:
    return arg


try:
    ...
except ExceptionGroup as e:
    if condition():
        raise e.exceptions[0]  # want: ASYNC123
    elif condition():
        raise copy.copy(e.exceptions[0])  # safe
    elif condition():
        raise copy.deepcopy(e.exceptions[0])  # safe
    else:
        raise any_fun(e.exceptions[0])  # safe
try:
    ...
except BaseExceptionGroup as e:
    raise e.exceptions[0]  # want: ASYNC123
try:
    ...
except ExceptionGroup as e:
    my_e = e.exceptions[0]
    raise my_e  # want: ASYNC123
try:
    ...
except ExceptionGroup as e:
    excs = e.exceptions
    my_e = excs[0]
    raise my_e  # want: ASYNC123
try:
    ...
except ExceptionGroup as e:
    excs_2 = e.subgroup(bool)
    if excs_2:
        raise excs_2.exceptions[0]  # want: ASYNC123
try:
    ...
except ExceptionGroup as e:
    excs_1, excs_2 = e.split(bool)
    if excs_1:
        raise excs_1.exceptions[0]  # want: ASYNC123
    if excs_2:
        raise excs_2.exceptions[0]  # want: ASYNC123

try:
    ...
except ExceptionGroup as e:
    f = e
    raise f.exceptions[0]  # want: ASYNC123
try:
    ...
except ExceptionGroup as e:
    excs = e.exceptions
    excs2 = excs
    raise excs2[0]  # want: ASYNC123
try:
    ...
except ExceptionGroup as e:
    my_exc = e.exceptions[0]
    my_exc2 = my_exc
    raise my_exc2  # want: ASYNC123

try:
    ...
except ExceptionGroup as e:
    raise e.exceptions[0].exceptions[0]  # want: ASYNC123
try:
    ...
except ExceptionGroup as e:
    excs = e.exceptions
    for exc in excs:
        if ...:
            raise exc  # want: ASYNC123
    raise
try:
    ...
except ExceptionGroup as e:
    ff: ExceptionGroup[Exception] = e
    raise ff.exceptions[0]  # want: ASYNC123
try:
    ...
except ExceptionGroup as e:
    raise e.subgroup(bool).exceptions[0]  # want: ASYNC123

try:
    ...
except ExceptionGroup as e:
    a, *b = e.exceptions
    raise a

try:
    ...
except ExceptionGroup as e:
    x: Any = object()
    x.y = e
    raise x.y.exceptions[0]

try:
    ...
except ExceptionGroup:
    ...

try:
    ...
except ExceptionGroup as e:
    exc = e.exceptions[0]
    b, c = exc
    if condition():
        raise b
    else:
        raise c

async def f():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(x())
    except* ValueError as eg:
        raise eg.exceptions[0]  # want: ASYNC123
    try:
        pass
    except ExceptionGroup as eg:
        raise eg.exceptions[0] from eg  # want: ASYNC123
    try:
        pass
    except ExceptionGroup as eg:
        for exc in eg.exceptions:
            raise exc from None  # want: ASYNC123
