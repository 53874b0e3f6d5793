# A class of the project defines `achat` (French: a purchase) as a plain
# method: a receiver of unknown type calling it may be this class's object,
# not an LLM chat engine (views.py).


class Client:
    def achat(self, item):
        return {"item": item}

    def drain(self):
        return []
