package pylib

// Async libraries whose sources are in the judged corpora (twenty-fourth
// session, branch `libcov24`, docs/pylib-coverage.md): anyio's and trio's
// file I/O, aiohttp-session, aiohttp-security and python-zeroconf.
//
// anyio's and trio's asynchronous file I/O: their Path classes and file
// wrappers run the blocking call in a worker thread and are awaited; a
// call without await reads or writes nothing (`text = path.read_text()` is a coroutine object).
// Matched on values typed as their classes (the constructor, `open_file`'s
// await result, a Path's pure methods), never on the names alone:
// pathlib.Path's same names are blocking calls (ASYNC240).

var (
	// anyio/_core/_fileio.py (corpus/src python3-anyio): Path's `async def`
	// methods (glob, rglob and iterdir return async iterators: not
	// coroutines; the pure ones are plain).
	anyioPathCoroutines = []string{"absolute", "chmod", "cwd", "exists", "expanduser", "group", "hardlink_to", "home",
		"is_block_device", "is_char_device", "is_dir", "is_fifo", "is_file", "is_mount", "is_socket", "is_symlink",
		"lchmod", "lstat", "mkdir", "open", "owner", "read_bytes", "read_text", "readlink", "rename", "replace",
		"resolve", "rmdir", "samefile", "stat", "symlink_to", "touch", "unlink", "write_bytes", "write_text"}
	anyioPathPure = []string{"joinpath", "relative_to", "with_name", "with_stem", "with_suffix"}
	// AsyncFile's `async def` methods (the same file).
	anyioFileCoroutines = []string{"aclose", "read", "read1", "readline", "readlines", "readinto", "readinto1", "write",
		"writelines", "truncate", "seek", "tell", "flush"}
	// trio/_path.py (corpus/src python3-trio): Path wraps every method of
	// pathlib.Path that pathlib.PurePath lacks in an `async def` running it
	// in a thread ("A pathlib.Path wrapper that executes blocking methods
	// in trio.to_thread.run_sync"), glob/rglob/iterdir included ("an async
	// method that returns a synchronous iterator"); PurePath's methods are
	// forwarded as plain calls.
	trioPathCoroutines = []string{"absolute", "chmod", "cwd", "exists", "expanduser", "glob", "group", "home",
		"is_block_device", "is_char_device", "is_dir", "is_fifo", "is_file", "is_mount", "is_socket", "is_symlink",
		"iterdir", "lchmod", "link_to", "lstat", "mkdir", "open", "owner", "read_bytes", "read_text", "readlink",
		"rename", "replace", "resolve", "rglob", "rmdir", "samefile", "stat", "symlink_to", "touch", "unlink",
		"write_bytes", "write_text"}
	trioPathPure = []string{"joinpath", "relative_to", "with_name", "with_stem", "with_suffix"}
	// trio/_file_io.py: AsyncIOWrapper's _FILE_ASYNC_METHODS, wrapped in
	// `async def`s, and its own detach and aclose.
	trioFileCoroutines = []string{"flush", "read", "read1", "readall", "readinto", "readline", "readlines", "seek",
		"tell", "truncate", "write", "writelines", "readinto1", "peek", "detach", "aclose"}
)

func init() {
	const aPath, aFile = "anyio.Path", "anyio.AsyncFile"
	LibraryBases["anyio._core._fileio.Path"] = []string{aPath}
	LibraryBases["anyio._core._fileio.AsyncFile"] = []string{aFile}
	returns(aPath, aPath)
	coroutineMethods(aPath, anyioPathCoroutines...)
	awaitReturns(aPath+".open", aFile)
	for _, m := range []string{"absolute", "expanduser", "readlink", "rename", "replace", "resolve", "cwd", "home"} {
		awaitReturns(aPath+"."+m, aPath)
	}
	for _, m := range anyioPathPure {
		returns(aPath+"."+m, aPath)
	}
	LibraryAttrTypes[aPath+".parent"] = aPath
	coroutines("anyio.open_file")
	awaitReturns("anyio.open_file", aFile)
	returns("anyio.wrap_file", aFile)
	coroutineMethods(aFile, anyioFileCoroutines...)

	const tPath, tFile = "trio.Path", "trio.AsyncIOWrapper"
	LibraryBases["trio._path.Path"] = []string{tPath}
	LibraryBases["trio._file_io.AsyncIOWrapper"] = []string{tFile}
	returns(tPath, tPath)
	coroutineMethods(tPath, trioPathCoroutines...)
	awaitReturns(tPath+".open", tFile)
	for _, m := range []string{"absolute", "expanduser", "readlink", "rename", "replace", "resolve", "cwd", "home"} {
		awaitReturns(tPath+"."+m, tPath)
	}
	for _, m := range trioPathPure {
		returns(tPath+"."+m, tPath)
	}
	LibraryAttrTypes[tPath+".parent"] = tPath
	coroutines("trio.open_file")
	awaitReturns("trio.open_file", tFile)
	returns("trio.wrap_file", tFile)
	coroutineMethods(tFile, trioFileCoroutines...)
}

// aiohttp-session and aiohttp-security (corpus2 aiohttp_session/__init__.py:
// `async def get_session(request) -> Session`, `async def new_session`;
// aiohttp_security/api.py: remember, forget, authorized_userid, permits,
// is_anonymous, check_authorized and check_permission are `async def`s,
// exported by the package). An un-awaited `check_authorized(request)` or
// `check_permission(...)` checks nothing: the handler goes on for anyone.
func init() {
	const session = "aiohttp_session.Session"
	for _, f := range []string{"get_session", "new_session"} {
		coroutines("aiohttp_session." + f)
		awaitReturns("aiohttp_session."+f, session)
	}
	for _, mod := range []string{"aiohttp_security", "aiohttp_security.api"} {
		coroutines(prefixed(mod+".", "remember", "forget", "authorized_userid", "permits", "is_anonymous",
			"check_authorized", "check_permission")...)
	}
}

// python-zeroconf (corpus2 zeroconf/_core.py: Zeroconf's register_service,
// update_service, unregister_service and unregister_all_services run their
// coroutine on the instance's loop and wait for it
// (`run_coro_with_timeout`: `asyncio.run_coroutine_threadsafe(aw,
// loop).result(...)`, which "may raise EventLoopBlocked"), get_service_info
// waits up to 3 s through ServiceInfo.request; zeroconf/asyncio.py:
// AsyncZeroconf's async_* methods and AsyncServiceBrowser.async_cancel are
// `async def`s, `aiozc.zeroconf` the sync instance; _services/info.py:
// `async def async_request`). close is left out: called from the loop it
// shuts down without waiting.
func init() {
	const zc, azc, info = "zeroconf.Zeroconf", "zeroconf.asyncio.AsyncZeroconf", "zeroconf.ServiceInfo"
	const zcAlt = "use `zeroconf.asyncio.AsyncZeroconf` and await its `async_*` method"
	LibraryBases["zeroconf._core.Zeroconf"] = []string{zc}
	LibraryBases["zeroconf._services.info.ServiceInfo"] = []string{info}
	LibraryBases["zeroconf.asyncio.AsyncServiceInfo"] = []string{info}
	returns(zc, zc)
	returns(azc, azc)
	serviceRequests("ASL202", zcAlt, prefixed(zc+".", "register_service", "update_service", "unregister_service",
		"unregister_all_services", "get_service_info")...)
	serviceRequests("ASL202", "use `await info.async_request(zc, timeout)`", info+".request")
	coroutineMethods(info, "async_request")
	coroutineMethods(azc, "async_register_service", "async_unregister_all_services", "async_unregister_service",
		"async_update_service", "async_close", "async_get_service_info", "async_add_service_listener",
		"async_remove_service_listener", "async_remove_all_service_listeners")
	LibraryAttrTypes[azc+".zeroconf"] = zc
	coroutineMethods("zeroconf.asyncio.AsyncServiceBrowser", "async_cancel")
}

// aioesphomeapi (corpus5 aioesphomeapi/client.py): APIClient's connect,
// start_connection, finish_connection, disconnect, device_info,
// list_entities_services and the bluetooth_device_*/bluetooth_gatt_*
// requests are `async def`s. The entity commands (switch_command,
// light_command, ...) are plain methods in this release and were
// coroutines in older ones: not recorded.
func init() {
	const client = "aioesphomeapi.APIClient"
	LibraryBases["aioesphomeapi.client.APIClient"] = []string{client}
	returns(client, client)
	coroutineMethods(client, "connect", "start_connection", "finish_connection", "disconnect", "device_info",
		"list_entities_services", "bluetooth_device_connect", "bluetooth_device_pair", "bluetooth_device_unpair",
		"bluetooth_device_clear_cache", "bluetooth_device_disconnect", "bluetooth_gatt_get_services",
		"bluetooth_gatt_read", "bluetooth_gatt_read_descriptor", "bluetooth_gatt_write",
		"bluetooth_gatt_write_descriptor", "bluetooth_gatt_start_notify")
}
