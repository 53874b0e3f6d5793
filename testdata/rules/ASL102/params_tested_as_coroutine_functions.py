# A parameter of unknown type that an `iscoroutinefunction` test (inspect's,
# asyncio's, asgiref's) says is a coroutine function makes a coroutine when
# called in that branch: Django's `@sync_and_async_middleware` factories
# test get_response and call it in an `async def` nested in the branch
# (django-ninja's fix_request_files_middleware returned it un-awaited).
# The same calls awaited, in the other branch, or of a rebound name stay
# quiet.
import asyncio
import inspect
from typing import Any

from asgiref.sync import iscoroutinefunction
from django.utils.decorators import sync_and_async_middleware


@sync_and_async_middleware
def returns_unawaited(get_response: Any) -> Any:
    if iscoroutinefunction(get_response):

        async def async_middleware(request):
            return get_response(request)  # want: ASL102

        return async_middleware

    def sync_middleware(request):
        return get_response(request)  # quiet: the sync branch

    return sync_middleware


def drops_it_in_the_else_of_a_negated_test(hook):
    if not inspect.iscoroutinefunction(hook):

        def run(event):
            hook(event)  # quiet: a plain function here

        return run
    else:

        async def run_async(event):
            hook(event)  # want: ASL102

        return run_async


async def conjunction(callback, enabled):
    if asyncio.iscoroutinefunction(callback) and enabled:
        callback()  # want: ASL102


@sync_and_async_middleware
def awaits_it(get_response: Any) -> Any:
    if iscoroutinefunction(get_response):

        async def async_middleware(request):
            return await get_response(request)  # quiet: awaited

        return async_middleware
    return get_response


async def scheduled(callback):
    if inspect.iscoroutinefunction(callback):
        task = asyncio.ensure_future(callback())  # quiet: scheduled
        await task


def rebound(get_response):
    if iscoroutinefunction(get_response):
        get_response = wrap(get_response)

        async def middleware(request):
            return get_response(request)  # quiet: the name is rebound

        return middleware
    return get_response


def another_name_tested(get_response, other):
    if iscoroutinefunction(other):

        async def middleware(request):
            return get_response(request)  # quiet: the test is about another name

        return middleware
    return get_response


def elif_branch(get_response, flag):
    if flag:
        return get_response
    elif iscoroutinefunction(get_response):

        async def middleware(request):
            return get_response(request)  # want: ASL102

        return middleware
    return get_response


def wrap(f):
    return f
