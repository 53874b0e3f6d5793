import asyncio


class AccessoryDisconnectedError(Exception):
    pass


class Connection:
    # aiohomekit's request(): any failure closes the transport; a timeout
    # becomes the library's error, everything else (a cancellation too)
    # takes the bare raise.
    async def request(self, result, transport):
        try:
            return await result
        except (asyncio.TimeoutError, BaseException) as ex:
            transport.close()
            if isinstance(ex, asyncio.TimeoutError):
                raise AccessoryDisconnectedError("Timeout while waiting for response")
            raise

    async def request_ordinary(self, result):
        # Quiet: `isinstance(ex, Exception)`: a CancelledError is no Exception.
        try:
            return await result
        except BaseException as ex:
            if isinstance(ex, (ValueError, Exception)):
                raise AccessoryDisconnectedError("failed")
            raise

    async def request_elif(self, result):
        # Quiet: an elif branch for other exceptions only.
        try:
            return await result
        except BaseException as ex:
            if isinstance(ex, KeyError):
                raise
            elif isinstance(ex, OSError):
                raise AccessoryDisconnectedError("failed")
            raise

    async def request_broad_check(self, result):
        # Fires: the branch also runs for a cancellation.
        try:
            return await result
        except BaseException as ex:
            if isinstance(ex, (OSError, BaseException)):
                raise AccessoryDisconnectedError("failed")  # want: ASYNC104
            raise

    async def request_else(self, result):
        # Fires: the else branch of the check runs for a cancellation.
        try:
            return await result
        except BaseException as ex:
            if isinstance(ex, asyncio.TimeoutError):
                raise
            else:
                raise AccessoryDisconnectedError("failed")  # want: ASYNC104

    async def request_other_name(self, result, err):
        # Fires: the check is on another name.
        try:
            return await result
        except BaseException as ex:
            if isinstance(err, asyncio.TimeoutError):
                raise AccessoryDisconnectedError("failed")  # want: ASYNC104
            raise
