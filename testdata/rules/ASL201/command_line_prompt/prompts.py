# A helper module with no command-line parser of its own.
def ask(question):
    return input(question)
