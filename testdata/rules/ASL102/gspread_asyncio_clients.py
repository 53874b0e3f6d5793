import gspread
import gspread_asyncio


def get_manager() -> gspread_asyncio.AsyncioGspreadClientManager:
    return gspread_asyncio.AsyncioGspreadClientManager(lambda: None)


agcm = get_manager()


async def use_client(agc, title):
    return await agc.create(title)


# gspread_asyncio's manager, client, spreadsheet and worksheet methods are
# coroutines: the un-awaited call is reported wherever the receiver comes from.
async def not_awaited(ws: gspread_asyncio.AsyncioGspreadWorksheet):
    client = agcm.authorize()  # want: ASL102 "coroutine `agcm.authorize\(\)` is never awaited: it is stored in `client` and passed to `use_client\(\)` as `agc`, where its method `create\(\)` is called"
    sheet = await use_client(client, "puzzle")
    values = ws.get_all_values()  # want: ASL102 "coroutine `ws.get_all_values\(\)` is never awaited: it is stored in `values`"
    for row in values:
        print(row)
    ws.update_cell(1, 1, "solved")  # want: ASL102 "its result is discarded"
    return sheet


async def chained():
    agc = await agcm.authorize()
    ss = await agc.open_by_key("key")
    ws = ss.worksheet("Sheet1")  # want: ASL102 "coroutine `ss.worksheet\(\)` is never awaited: it is stored in `ws` and its attribute `title` is read"
    print(ws.title)
    fresh = await ss.add_worksheet("Quick Links", 10, 2)
    fresh.append_row(["a", "b"])  # want: ASL102


# Quiet: everything awaited, the wrappers' plain properties, and the wrapped
# synchronous gspread objects outside async code.
async def awaited(ws: gspread_asyncio.AsyncioGspreadWorksheet):
    agc = await agcm.authorize()
    ss = await agc.open_by_url("https://docs.google.com/spreadsheets/d/x")
    sheet = await ss.worksheet("Sheet1")
    cells = await sheet.range(1, 1, 10, 2)
    await sheet.update_cells(cells)
    await ws.update_cell(1, 1, "x", nowait=True)
    print(ss.id, sheet.title, sheet.row_count, sheet.col_count)
    return await ss.get_title()


def sync_side(ws: gspread_asyncio.AsyncioGspreadWorksheet, gc: gspread.Client):
    print(ws.ws.title)
    return gc.open_by_key("key")
