# upstream: tests/eval_files/async400_py311.py @ 910e98a6ee07180bf3fb50d5848a20c542990d59
# codes: ASYNC400
# Restated from flake8-async's test suite (MIT, flake8-async contributors); see README.md.


def run(): ...


try:
    run()
except* ValueError as group:
    group.errno  # want: ASYNC400
    group.describe()  # want: ASYNC400
    group.detail.text  # want: ASYNC400

    group.message
    group.exceptions
    group.subgroup
    group.split
    group.derive

    group.args
    group.with_traceback
    group.add_note

    group.__notes__
    group.__cause__

group.anything

try:
    run()
except* ValueError as group:
    group = group.exceptions[0]
    group.errno
except* KeyError as group:
    group, other = 1, 2
    group.errno
except* TypeError as group:
    group: int = 1
    group.real

try:
    run()
except* ValueError as group:
    pass
except* BaseException:
    group.errno

try:
    run()
except* ValueError as group:
    try:
        run()
    except* TypeError as group:
        pass
    group.errno  # want: ASYNC400

try:
    run()
except* ValueError as group:
    try:
        run()
    except TypeError as group:
        group.errno
    with open("f") as group:
        group.errno
    group.errno

try:
    run()
except* ValueError as group:

    def later():
        group.errno

    group.errno  # want: ASYNC400

    def param(group):
        group.errno

    group.errno  # want: ASYNC400

    lambda group: group.errno

    group.errno  # want: ASYNC400
