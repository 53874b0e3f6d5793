import asyncio
import builtins
import getpass
import sys


async def confirm(prompt: str = "Continue? [y/N] ") -> bool:
    answer = input(prompt)  # want: ASYNC250
    return answer.strip().lower() in {"y", "yes"}


async def chat_loop(send) -> None:
    while True:
        line = builtins.input("> ")  # want: ASYNC250
        if line in ("quit", "exit"):
            break
        await send(line)


async def ask_name() -> str:
    # Quiet: in a worker thread.
    name = await asyncio.to_thread(input, "name: ")
    other = await asyncio.get_running_loop().run_in_executor(None, input, "again: ")
    return name or other


async def read_stdin() -> str:
    # Quiet: stdin read through the loop.
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(None, sys.stdin.readline)


class Prompt:
    def input(self, text: str) -> str:
        return text

    async def ask(self) -> str:
        # Quiet: the method, not the builtin.
        return self.input("x")


async def shadowed(input) -> str:
    # Quiet: parameter named input.
    return await input("x")


def main() -> None:
    if input("run? ") == "y":
        asyncio.run(confirm())


if __name__ == "__main__":
    main()
