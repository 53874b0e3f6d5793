import hub.loop_a


def make_link():
    return hub.loop_a.Node().link.next()
