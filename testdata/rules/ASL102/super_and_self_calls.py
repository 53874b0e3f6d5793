import asyncio


class Base:
    async def save(self):
        await asyncio.sleep(0)

    async def notify(self, msg):
        await asyncio.sleep(0)


class Child(Base):
    async def save(self):
        super().save()  # want: ASL102
        self.notify("saved")  # want: ASL102
        await super().notify("done")

    def on_click(self):
        self.save()  # want: ASL102
        callback = lambda: self.save()
        return callback

    async def maybe(self, flag):
        result = await self.notify("a") if flag else None
        return result
