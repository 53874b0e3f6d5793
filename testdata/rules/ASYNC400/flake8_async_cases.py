# Cases from flake8-async's eval_files/async400_py311.py (except the rebinding by a nested
# except* clause, whose name Python deletes at its end).
try:
    ...
except* ValueError as e:
    e.anything  # want: ASYNC400
    e.foo()  # want: ASYNC400
    e.bar.zee  # want: ASYNC400

    e.message
    e.exceptions
    e.subgroup
    e.split
    e.derive

    e.args
    e.with_traceback
    e.add_note

    e.__foo__
    e.__bar__

e.anything  # safe

try:
    ...
except* ValueError as e:
    e = e.exceptions[0]
    e.ignore  # safe
except* ValueError as e:
    e, f = 1, 2
    e.anything  # safe
except* TypeError as e:
    e, f = (1, 2)
    e.anything  # safe
except* ValueError as e:
    with blah as e:
        e.anything
    e.anything
except* ValueError as e:
    e: int = 1
    e.real
except* ValueError as e:
    with blah as (e, f):
        e.anything

try:
    ...
except* ValueError as e:
    ...
except* BaseException:
    e.error  # safe

try:
    ...
except* ValueError as e:
    try:
        ...
    except* TypeError as e:
        ...

try:
    ...
except* ValueError as e:

    def foo():
        e.anything

    e.anything  # want: ASYNC400

    def foo(e):
        e.anything

    e.anything  # want: ASYNC400

    lambda e: e.anything

    e.anything  # want: ASYNC400

async def f():
    try:
        await x()
    except* OSError as eg:
        log.error("failed: %s", eg.errno)  # want: ASYNC400
        log.error("failed: %s", eg.exceptions[0].errno)
        for exc in eg.exceptions:
            print(exc.errno)
        print(eg.__traceback__)
        print(eg.__notes__)
        print(eg.__cause__)
