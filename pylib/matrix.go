package pylib

// matrix-nio, the asyncio Matrix client library of most Matrix bots
// (nio/client/async_client.py, AsyncClient): every request to the
// homeserver is an `async def` method (login, sync, sync_forever,
// room_send, join, room_leave, upload, download, close, ...), so a call
// without await sends nothing (a bot's invite callback that calls
// `self.client.join(room.room_id)` without await never joins). Only the
// methods read as `async def` in the stored async_client.py are listed;
// the synchronous ones (add_event_callback, add_response_callback,
// load_store, encrypt, restore_login ...) are not. The raw request
// methods `send` and `_send`, and mxc_to_http, login_raw,
// receive_response, room_upgrade, update_room_topic and the permission
// checks, are `async def` too (matrix-nio 0.24, Debian's
// python3-matrix-nio): NioBot, a bot framework subclassing AsyncClient,
// shipped `async with self.send(method, path) as response:` in
// get/set_account_data (nexy7574/nio-bot issue #40: "coroutine
// 'AsyncClient.send' was never awaited", realbugs83). Each is a plain
// coroutine function (its decorators, client_session and logged_in_async,
// are `async def` wrappers), so its call is a bare coroutine with no
// `__aenter__`: `async with client.send(...)` raises TypeError and the
// request is never made (NoAsyncWith).
func init() {
	for _, typ := range []string{"nio.AsyncClient", "nio.client.AsyncClient", "nio.client.async_client.AsyncClient"} {
		returns(typ, "nio.AsyncClient")
	}
	coroutineMethods("nio.AsyncClient", nioAsyncClientCoroutines...)
	for _, m := range nioAsyncClientCoroutines {
		entry("nio.AsyncClient." + m).NoAsyncWith = true
	}
}

// nioAsyncClientCoroutines are the `async def` methods of matrix-nio's
// AsyncClient (see above).
var nioAsyncClientCoroutines = []string{
	"register", "discovery_info", "login_info", "login", "logout", "sync", "sync_forever",
	"send_to_device_messages", "run_response_callbacks", "start_key_verification", "cancel_key_verification",
	"accept_key_verification", "confirm_short_auth_string", "to_device", "keys_upload", "keys_query", "keys_claim",
	"devices", "update_device", "delete_devices", "joined_members", "joined_rooms", "room_send", "room_get_event",
	"room_put_state", "room_get_state", "room_get_state_event", "room_redact", "room_resolve_alias",
	"room_delete_alias", "room_put_alias", "room_get_visibility", "share_group_session", "request_room_key",
	"close", "export_keys", "import_keys", "room_create", "join", "room_invite", "room_leave", "room_forget",
	"room_kick", "room_ban", "room_unban", "room_context", "room_messages", "room_typing",
	"update_receipt_marker", "room_read_markers", "content_repository_config", "upload", "download", "thumbnail",
	"get_profile", "get_presence", "set_presence", "get_displayname", "set_displayname", "get_avatar",
	"set_avatar", "get_openid_token", "upload_filter", "whoami", "set_pushrule", "delete_pushrule",
	"enable_pushrule", "set_pushrule_actions", "room_update_aliases",
	"send", "_send", "mxc_to_http", "login_raw", "receive_response", "get_timeout_retry_wait_time",
	"room_upgrade", "update_room_topic", "has_event_permission", "has_permission"}

// maubot, the plugin-based Matrix bot system: a plugin's command and event
// handlers receive `evt: MessageEvent` (maubot.MessageEvent, defined in
// maubot/matrix.py as MaubotMessageEvent). Its respond, reply and mark_read
// are declared `-> Awaitable[...]` and return the Matrix client's
// send_message_event / send_receipt coroutine (maubot/matrix.py, stored
// commit 0148f74d), so `evt.respond("...")` without await sends nothing: the
// maubot-weather plugin's error path shipped `evt.respond("error getting
// location " + wttr)` that way (kellya/maubot-weather, weather.py at 0a6d4834;
// later versions await it). Only the three methods that file defines are
// listed.
func init() {
	for _, typ := range []string{"maubot.MessageEvent", "maubot.matrix.MaubotMessageEvent"} {
		coroutineMethods(typ, "respond", "reply", "mark_read")
	}
}
