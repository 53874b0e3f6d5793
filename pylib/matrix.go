package pylib

// matrix-nio, the asyncio Matrix client library of most Matrix bots
// (nio/client/async_client.py, AsyncClient): every request to the
// homeserver is an `async def` method (login, sync, sync_forever,
// room_send, join, room_leave, upload, download, close, ...), so a call
// without await sends nothing (a bot's invite callback that calls
// `self.client.join(room.room_id)` without await never joins). Only the
// methods read as `async def` in the stored async_client.py are listed;
// the synchronous ones (add_event_callback, add_response_callback,
// load_store, encrypt, restore_login ...) are not.
func init() {
	for _, typ := range []string{"nio.AsyncClient", "nio.client.AsyncClient", "nio.client.async_client.AsyncClient"} {
		returns(typ, "nio.AsyncClient")
	}
	coroutineMethods("nio.AsyncClient",
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
		"enable_pushrule", "set_pushrule_actions", "room_update_aliases")
}

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
