# Another module's synchronous use of the same library callee is not read:
# the inference is the module's own (one answer for `check app.py` and
# `check .`).
from sdk import Remote


def pull_now(remote: Remote, key):
    return remote.pull(key)
