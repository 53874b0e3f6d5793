# A chat bot's module, whose loop serves every conversation at once: a
# prompt on standard input stops them all.
async def ask_operator(question):
    return input(question)  # want: ASYNC250
