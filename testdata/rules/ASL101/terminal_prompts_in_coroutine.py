# prompt_toolkit's Application.run() ends in asyncio.run() unless
# in_thread=True, and PromptSession.prompt(), prompt(), the dialogs' run(),
# InquirerPy's execute() and questionary's ask() all go through it: called
# from a coroutine they raise "asyncio.run() cannot be called from a running
# event loop". The coroutines (prompt_async, run_async, execute_async,
# ask_async) are what a coroutine awaits.
import asyncio

import questionary
from InquirerPy import inquirer
from prompt_toolkit import PromptSession, prompt
from prompt_toolkit.shortcuts import input_dialog

session = PromptSession()


async def repl():
    text = session.prompt("> ")  # want: ASL101 "`session\.prompt\(\)` called in coroutine `repl` raises RuntimeError.*await `prompt_async\(\)` instead"
    name = prompt("name: ")  # want: ASL101 "await `PromptSession\(\)\.prompt_async\(\.\.\.\)` instead"
    answer = input_dialog(title="Rename").run()  # want: ASL101 "await `run_async\(\)` instead"
    again = input_dialog(title="Again").run(in_thread=False)  # want: ASL101
    return text, name, answer, again


async def repl_done_right():
    text = await session.prompt_async("> ")
    answer = await input_dialog(title="Rename").run_async()
    # in_thread=True runs the application on a thread of its own and waits for it.
    threaded = input_dialog(title="Threaded").run(in_thread=True)
    also = session.prompt("> ", in_thread=True)
    return text, answer, threaded, also


async def prompt_for_code(ptk3: bool):
    # Written for both releases: prompt_toolkit 2's prompt(async_=True)
    # returned an awaitable.
    if ptk3:
        return await session.prompt_async("> ")
    return await session.prompt("> ", async_=True)


def pick_server(servers):
    return inquirer.select(message="Server:", choices=servers).execute()


def confirm_delete():
    return questionary.confirm("Delete?").ask()


async def sync_command(servers):
    server = pick_server(servers)  # want: ASL101 "coroutine `sync_command` reaches `inquirer\.select\(.*\)\.execute\(\)` via pick_server\(\)"
    if questionary.select("Mode:", choices=["a", "b"]).ask():  # want: ASL101 "await `ask_async\(\)` instead"
        return server
    return confirm_delete()  # want: ASL101


async def sync_command_done_right(servers):
    server = await inquirer.select(message="Server:", choices=servers).execute_async()
    mode = await questionary.select("Mode:", choices=["a", "b"]).ask_async()
    return server, mode


def ask_anywhere(question):
    # Written for both worlds: it asks whether a loop runs first.
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return question.unsafe_ask()
    return question.application.run(in_thread=True)


async def guarded():
    return ask_anywhere(questionary.text("Name?"))


def main():
    # No loop runs here.
    print(session.prompt("> "), pick_server(["a"]), confirm_delete())


class Shell:
    def prompt(self, text):
        return input(text)


async def own_prompt(shell: Shell):
    return shell.prompt("> ")
