# A project package named like a library asyncls has facts about: a
# streamed check builds it first and keeps it (the library part), and
# checks app.py and impl.py, which do not import each other, apart.


class Runner:
    def step(self):
        return None

    def status(self):
        return {"ok": True}
