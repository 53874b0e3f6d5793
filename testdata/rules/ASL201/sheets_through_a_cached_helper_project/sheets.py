# A helper that keeps a workbook for five minutes and otherwise downloads
# every sheet of it with googlexcel-nopassword (the shape of the esports
# tournament bot of bench/realbugs73).
import time

import Googlexcel_noPassword as ggx

_cache = {}


def get_sheets(url, force_refresh=False):
    if not force_refresh:
        entry = _cache.get(url)
        if entry is not None and time.time() - entry[1] < 300:
            return entry[0]
    sheets = ggx.data_fromAllSheets(url)
    _cache[url] = (sheets, time.time())
    return sheets


def cached_only(url):
    entry = _cache.get(url)
    return entry[0] if entry else None
