# asl201-max-depth = 0 follows chains of any length.
def write_file(path, data):
    with open(path, "w") as f:
        f.write(data)


def save(path, state):
    write_file(path, state)


def commit(store):
    save(store.path, store.state)


def set_state(store, state):
    store.state = state
    commit(store)


def update(store, state):
    set_state(store, state)


async def five_deep(store, state):
    update(store, state)  # want: ASL201 "via update\(\) -> set_state\(\) -> commit\(\) -> save\(\) -> write_file\(\) -> open\(\)"
