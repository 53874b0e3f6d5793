def handler(log):
    try:
        fetch()
    except* OSError as eg:
        log(eg.errno)  # want: ASYNC400 "`eg` is an ExceptionGroup, not a single exception: `\.errno`"
        log(eg.strerror)  # want: ASYNC400
        log(eg.exceptions)
        log(eg.message)
        log(eg.__notes__)
        for exc in eg.exceptions:
            log(exc.errno)


def rebound(log):
    try:
        fetch()
    except* OSError as eg:
        eg = eg.exceptions[0]
        log(eg.errno)


def plain(log):
    try:
        fetch()
    except OSError as e:
        log(e.errno)


def fetch():
    pass
