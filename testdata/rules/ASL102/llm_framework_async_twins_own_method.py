# A module that defines its own synchronous `aquery` may be calling it on a
# receiver of unknown type: the a-prefixed name is not taken for LlamaIndex's.


class LocalIndex:
    def aquery(self, text):
        return [text]


async def local_lookup(index, text):
    return index.aquery(text)


# Another a-prefixed name the module does not define is still LangChain's.
async def answer(llm, prompt):
    reply = llm.ainvoke(prompt)  # want: ASL102
    return reply.content
