from base import Core


def run(c: Core):
    c.fetch()
