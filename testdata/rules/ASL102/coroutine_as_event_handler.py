# A widget's `on_<event>=` keyword takes the handler the library calls when
# the event comes. Calling an `async def` there creates its coroutine while
# the widget is built and hands the widget that object: it is not callable,
# and nothing ever awaits it. The function itself (or a lambda) is the handler.
import asyncio

import flet as ft
from nicegui import ui


async def handle_login_click(username: str, password: str):
    ...


async def refresh():
    ...


async def login_view(user: ft.TextField, password: ft.TextField):
    return ft.Column(
        [
            ft.FilledButton(
                "Log in",
                on_click=handle_login_click(  # want: ASL102 "coroutine `handle_login_click\(\)` is never awaited: it is passed as the `on_click` handler of `ft\.FilledButton\(\)`.*pass the function itself \(`on_click=handler`\)"
                    username=user.value,
                    password=password.value,
                ),
            ),
            ft.IconButton(icon=ft.icons.REFRESH, on_click=refresh()),  # want: ASL102
        ]
    )


def build_page():
    ui.button("Reload", on_click=refresh())  # want: ASL102 "passed as the `on_click` handler of `ui\.button\(\)`"


async def login_view_done_right(user: ft.TextField, password: ft.TextField):
    async def on_login(e):
        await handle_login_click(user.value, password.value)

    return ft.Column(
        [
            ft.FilledButton("Log in", on_click=on_login),
            ft.IconButton(icon=ft.icons.REFRESH, on_click=lambda e: asyncio.create_task(refresh())),
            ft.TextButton("Reload", on_click=refresh),
        ]
    )


class Form:
    def __init__(self, on_submit=None):
        self.on_submit = on_submit

    async def submit(self):
        await self.on_submit


async def project_widget():
    # The project's own class awaits what it is given (judged by its parameter).
    form = Form(on_submit=refresh())
    await form.submit()


async def not_a_handler_keyword():
    # Not an on_<event> slot: asyncio's own functions await what they take.
    await asyncio.wait_for(refresh(), timeout=1)


async def kept_by_the_standard_library():
    # Quiet: builtins and the standard library keep the keyword's value
    # (a dict, a namespace, a partial's bound keyword), awaited later.
    import functools
    import types

    pending = dict(on_start=refresh(), on_stop=refresh())
    await pending["on_start"]
    await pending["on_stop"]
    ns = types.SimpleNamespace(on_ready=refresh())
    await ns.on_ready
    handlers = {}
    handlers.update(on_done=refresh())
    await handlers["on_done"]
    make = functools.partial(dict, on_close=refresh())
    await make()["on_close"]
