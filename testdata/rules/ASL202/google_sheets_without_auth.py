# googlexcel-nopassword (imported as Googlexcel_noPassword) downloads a
# shared Google Spreadsheet's sheets with requests and pandas.read_csv of
# their CSV export URLs on the calling thread: one HTTPS request per sheet.
import asyncio

import Googlexcel_noPassword as ggx
from Googlexcel_noPassword import data_OneSheet


async def load_standings(url: str):
    sheets = ggx.data_fromAllSheets(url)  # want: ASL202
    return sheets["Standings"]


async def sheet_names(url: str):
    return ggx.fetch_sheetnameslist(url)  # want: ASL202


async def one_sheet(url: str, name: str):
    return data_OneSheet(url, name)  # want: ASL202


async def load_standings_in_a_thread(url: str):
    sheets = await asyncio.to_thread(ggx.data_fromAllSheets, url)
    return sheets["Standings"]


def load_standings_sync(url: str):
    return ggx.data_fromAllSheets(url)["Standings"]
