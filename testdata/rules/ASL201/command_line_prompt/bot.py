# A bot's module, whose loop serves every conversation at once: a prompt
# through a helper stops them all, as a direct input() does (ASYNC250).
from prompts import ask


async def confirm(question):
    return ask(question)  # want: ASL201
