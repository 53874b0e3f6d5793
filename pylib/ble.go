package pylib

// bleak, the cross-platform asyncio Bluetooth Low Energy client
// (https://bleak.readthedocs.io/en/latest/api/client.html and
// .../api/scanner.html): every I/O method of BleakClient and BleakScanner
// is an `async def`, so a call without await never talks to the device
// (no notification is subscribed, nothing is written). Only the methods
// that have been coroutines in every bleak release since 0.10 are listed;
// BleakClient.is_connected (a coroutine before 0.15, a property since) and
// the deprecated get_services/get_discovered_devices are left out.
func init() {
	for _, typ := range []string{"bleak.BleakClient", "bleak.BleakScanner"} {
		returns(typ, typ)
	}
	coroutineMethods("bleak.BleakClient", "connect", "disconnect", "pair", "unpair", "start_notify", "stop_notify",
		"read_gatt_char", "write_gatt_char", "read_gatt_descriptor", "write_gatt_descriptor",
		"__aenter__", "__aexit__")
	// discover and the find_device_by_* helpers are classmethods: they are
	// called on the class itself (`await BleakScanner.discover()`).
	coroutineMethods("bleak.BleakScanner", "start", "stop", "discover", "find_device_by_address",
		"find_device_by_name", "find_device_by_filter", "__aenter__", "__aexit__")
	// bleak-retry-connector's client, the one Home Assistant Bluetooth
	// integrations connect with (`establish_connection(
	// BleakClientWithServiceCache, device, name)`), is a BleakClient
	// subclass that only adds service caching (bleak_retry_connector/
	// __init__.py: `class BleakClientWithServiceCache(BleakClient): """A
	// BleakClient that implements service caching."""`), so its I/O methods
	// are BleakClient's coroutines.
	LibraryBases["bleak_retry_connector.BleakClientWithServiceCache"] = []string{"bleak.BleakClient"}
	// establish_connection connects with retries and returns the connected
	// client, an instance of the class it is given (bleak_retry_connector/
	// __init__.py: `async def establish_connection(client_class:
	// type[BleakClientT], device: BLEDevice, name: str,
	// disconnected_callback=None, max_attempts=..., cached_services=None,
	// ..., **kwargs) -> BleakClientT`): a plain coroutine function, so
	// `async with establish_connection(...) as client` raises TypeError
	// (bench/realbugs69's TP961 probe integration). The client is taken for
	// a BleakClient (the classes passed are BleakClient or its
	// BleakClientWithServiceCache).
	coroutines("bleak_retry_connector.establish_connection")
	entry("bleak_retry_connector.establish_connection").NoAsyncWith = true
	awaitReturns("bleak_retry_connector.establish_connection", "bleak.BleakClient")
}
