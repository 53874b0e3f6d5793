ARTIFICIAL, LOCAL, REMOTE = 0, 1, 2


class Human:
    def __init__(self, *args):
        self.args = args

    def setOptionInitialBoard(self, board):
        pass


# A game starter: a player tuple carries a kind tag, a factory and its
# arguments. Only the ARTIFICIAL factory is a coroutine function, and the
# branches on the tag say so: no run awaits in one and calls in the other.
async def general_start(player0tup, player1tup):
    players = []
    for playertup in (player0tup, player1tup):
        kind, func, args = playertup
        if kind != LOCAL:
            if kind == ARTIFICIAL:
                player = await func(*args)
            else:
                player = func(*args)
            players.append(player)
        else:
            player = func(*args)
            players.append(player)
        player.setOptionInitialBoard(None)
    return players


async def elif_branches(kind, make, args):
    if kind == ARTIFICIAL:
        return await make(*args)
    elif kind == REMOTE:
        player = make(*args)
        player.setOptionInitialBoard(None)
        return player


# The await and the plain call are in the same branch, or the await is
# outside the if: the function itself says every call makes a coroutine.
async def same_branch(kind, make, args):
    if kind == ARTIFICIAL:
        await make(*args)
        player = make(*args)  # want: ASL102
        player.setOptionInitialBoard(None)


async def await_before_the_if(kind, make, args):
    await make(*args)
    if kind == ARTIFICIAL:
        pass
    else:
        player = make(*args)  # want: ASL102
        player.setOptionInitialBoard(None)
