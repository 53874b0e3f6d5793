# Called with an async page by app.py and a sync one by sync_app.py: the
# callers do not agree on one type, so the report is on app.py's argument.
def warm_up(page):
    page.goto("about:blank")


# Every caller passes an async page: the parameter has that type, and the
# dropped call is reported here as any coroutine call is.
def warm_up_async_only(page):
    page.goto("about:blank")  # want: ASL102 "its result is discarded"
