# Reduced shape of https://github.com/langchain-ai/langchain/pull/15986
# (`return await self.aembed_documents(...)[0]`); not the project's code.
class Embeddings:
    async def aembed_documents(self, texts):
        return [[0.0] for _ in texts]

    async def aembed_query(self, text):
        return await self.aembed_documents([text])[0]
