import asyncio

from app.base import BaseHandler


class ToolHandler(BaseHandler):
    async def search(self, model):
        connection, access = await self.context()
        access.validate(model)  # want: ASL201
        return connection

    async def search_offloaded(self, model):
        connection, access = await self.context()
        await asyncio.to_thread(access.validate, model)
        return connection
