# Helpers that call the callable they are given and drop what it returns.


def run_hooks(hooks, event):
    for hook in hooks:
        hook(event)


def fire(event, hook):
    hook(event)


def fire_checked(event, hook):
    result = hook(event)
    if result is not None:
        raise ValueError(result)
