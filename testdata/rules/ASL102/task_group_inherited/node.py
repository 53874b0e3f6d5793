# A base between the server and the worker, in a third module.
from core import Server


class ServerNode(Server):
    pass
