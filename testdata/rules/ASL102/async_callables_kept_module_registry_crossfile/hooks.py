# A module-level hook registry whose runner calls the hooks synchronously.

_STARTUP_HOOKS = []


def startup_hook(fn):
    _STARTUP_HOOKS.append(fn)
    return fn


def run_startup_hooks(app):
    for hook in _STARTUP_HOOKS:
        hook(app)
