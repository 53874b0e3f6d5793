from .core import *
from .repo import OrderRepo
