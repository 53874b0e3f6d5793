# config: asl201-local-files = true  # mechanics shown with local-file sinks
import io


def protoopen(uri):
    return open(uri, encoding="utf-8")


class GameModel:
    # A str is a path or URL to open; anything else is an open file already.
    def load_and_start(self, uri, loader):
        uri_is_file = not isinstance(uri, str)
        if not uri_is_file:
            chessfile = loader.load(protoopen(uri))
        else:
            chessfile = loader.load(uri)
        return chessfile

    def load_path(self, uri, loader):
        is_path = isinstance(uri, str)
        if is_path:
            return loader.load(protoopen(uri))
        return loader.load(uri)

    # The flag is set twice: which test it holds is not known.
    def load_either(self, uri, loader, force):
        is_path = isinstance(uri, str)
        if force:
            is_path = True
        if is_path:
            return loader.load(protoopen(uri))
        return loader.load(uri)


# A StringIO is no str: the flag says it is a file, and nothing opens it.
async def replay(loader, fen):
    model = GameModel()
    model.load_and_start(io.StringIO(fen), loader)
    model.load_path(io.StringIO(fen), loader)


# A path is opened.
async def open_game(loader, path):
    model = GameModel()
    model.load_and_start(path + ".pgn", loader)  # want: ASL201 "it reaches blocking `open\(\)` via GameModel.load_and_start"


async def open_named(loader):
    model = GameModel()
    model.load_path("game.pgn", loader)  # want: ASL201


# The flag may have been overridden.
async def replay_either(loader, fen):
    model = GameModel()
    model.load_either(io.StringIO(fen), loader, False)  # want: ASL201
