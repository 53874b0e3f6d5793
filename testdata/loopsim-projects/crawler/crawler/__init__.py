from .crawl import crawl_all
from .config import URLS
