# Passes forward() a value whose type is not known here.
from app.funcs import forward


def run(thing):
    forward(thing, "x")
