# upstream: tests/eval_files/async123.py @ 051204cc9b6f67db8000379b87b7a9f467942185
# codes: ASYNC123
# Restated from flake8-async's test suite (MIT, flake8-async contributors); see README.md.
import copy
import sys
from typing import Any

if sys.version_info < (3, 11):
    from exceptiongroup import BaseExceptionGroup, ExceptionGroup


def pick() -> bool: ...


def wrap(exc: Exception) -> Exception: ...


def run(): ...


try:
    run()
except ExceptionGroup as group:
    if pick():
        raise group.exceptions[0]  # want: ASYNC123
    elif pick():
        raise copy.copy(group.exceptions[0])
    elif pick():
        raise copy.deepcopy(group.exceptions[0])
    else:
        raise wrap(group.exceptions[0])

try:
    run()
except BaseExceptionGroup as group:
    raise group.exceptions[0]  # want: ASYNC123

try:
    run()
except ExceptionGroup as group:
    first = group.exceptions[0]
    raise first  # want: ASYNC123

try:
    run()
except ExceptionGroup as group:
    members = group.exceptions
    first = members[0]
    raise first  # want: ASYNC123

try:
    run()
except ExceptionGroup as group:
    part = group.subgroup(bool)
    if part:
        raise part.exceptions[0]  # want: ASYNC123

try:
    run()
except ExceptionGroup as group:
    matched, rest = group.split(bool)
    if matched:
        raise matched.exceptions[0]  # want: ASYNC123
    if rest:
        raise rest.exceptions[0]  # want: ASYNC123

try:
    run()
except ExceptionGroup as group:
    same = group
    raise same.exceptions[0]  # want: ASYNC123

try:
    run()
except ExceptionGroup as group:
    members = group.exceptions
    alias = members
    raise alias[0]  # want: ASYNC123

try:
    run()
except ExceptionGroup as group:
    first = group.exceptions[0]
    again = first
    raise again  # want: ASYNC123

try:
    run()
except ExceptionGroup as group:
    raise group.exceptions[0].exceptions[0]  # want: ASYNC123

try:
    run()
except ExceptionGroup as group:
    for member in group.exceptions:
        if pick():
            raise member  # want: ASYNC123
    raise

try:
    run()
except ExceptionGroup as group:
    typed: ExceptionGroup[Exception] = group
    raise typed.exceptions[0]  # want: ASYNC123

try:
    run()
except ExceptionGroup as group:
    raise group.subgroup(bool).exceptions[0]  # want: ASYNC123

try:
    run()
except ExceptionGroup as group:
    head, *tail = group.exceptions
    raise head

try:
    run()
except ExceptionGroup:
    pass
