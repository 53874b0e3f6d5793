import shop.db as db
from shop.db import OrderRepo, run_sync

from .. import config


class OrderService:
    def __init__(self):
        self.repo = OrderRepo()

    async def place(self, order):
        self.repo.save(order)  # want: ASL102
        if self.repo.count():  # want: ASL102
            return True
        return False


async def list_orders():
    settings = config.load()  # want: ASL201
    rows = db.query("select * from orders")  # want: ASL201
    run_sync()  # want: ASL101
    return settings, rows
