# The project's own package `agents` (not the OpenAI Agents SDK, which is
# imported by that name too): on sys.path it shadows the library, and its
# Runner runs synchronously.
class Runner:
    @classmethod
    def run(cls, agent, question):
        return agent.answer(question)

    @classmethod
    def run_sync(cls, agent, question):
        return cls.run(agent, question)
