# The project's own Beanie documents (in the run).
from beanie import Document


class Product(Document):
    name: str
    price: float
