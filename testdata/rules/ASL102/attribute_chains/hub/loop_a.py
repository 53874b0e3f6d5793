from hub.loop_b import make_link


class Node:
    def __init__(self) -> None:
        # What make_link returns reads this very attribute again: a cycle
        # through two modules, which resolves to nothing.
        self.link = make_link()
