# The decorated functions called from a third module.
from pkg.clients import make_blocking, make_pooled


def fetch(url):
    make_pooled().get(url)  # want: ASL102
    # Quiet: a synchronous session.
    make_blocking().get(url)
