package pylib

// pyTwitchAPI (the `twitchAPI` package, Teekeks/pyTwitchAPI), the Twitch
// Helix client that Twitch chat bots, stream tools and Home Assistant's
// twitch integration use. Release 3.0 made the client asynchronous; in
// 4.4.0 (corpus5 twitchapi/twitchAPI): the Twitch object is created with
// `twitch = await Twitch(app_id, secret)` (twitch.py: `def __await__(self):
// ... yield from t; return self`), the endpoints that return one object are
// `async def`s (`async def check_user_subscription(self, broadcaster_id,
// user_id) -> UserSubscription`, `authenticate_app`,
// `set_user_authentication`, `refresh_used_token`, the static `close`), and
// the endpoints that return lists are async generators (`async def
// get_users(...) -> AsyncGenerator[TwitchUser, None]` with `yield`), whose
// first item helper.py's `async def first(gen: AsyncGenerator[T, None]) ->
// Optional[T]` takes with `return await gen.__anext__()` (its docstring:
// "user = await first(twitch.get_users())"). The chat bot client is alike
// (chat/__init__.py: `Chat.__await__` returns self; `async def join_room`,
// `leave_room`, `send_message`, `send_raw_irc_message`). Home Assistant's
// twitch integration calls them this way (`sub = await
// self._client.check_user_subscription(user_id=..., broadcaster_id=...)`,
// `await first(self._client.get_streams(user_id=[...]))`).
//
// `first` is a coroutine that takes an async generator, not an awaitable:
// a coroutine handed to it (`await first(twitch.check_user_subscription(...))`,
// bench/realbugs91 ha_twitch_helix) is never awaited (first raises
// AttributeError on its `__anext__`), which ASL102 reports because `first`
// is a library coroutine that does not await its arguments. The list
// endpoints are not recorded: their calls are neither coroutines nor
// blocking. Before 3.0 every method was a plain function (CoroutineSince).
func init() {
	twitch3 := Release{Dists: []string{"twitchAPI"}, Version: "3.0.0"}
	const note = "pyTwitchAPI 3.0 made the client asynchronous"
	for _, twitch := range []string{"twitchAPI.twitch.Twitch"} {
		// `await Twitch(...)` gives the client itself.
		awaitReturns(twitch, twitch)
		coroutineMethodsSince(twitch3, note, twitch, "check_user_subscription", "set_user_authentication",
			"authenticate_app", "refresh_used_token", "close")
	}
	for _, chat := range []string{"twitchAPI.chat.Chat"} {
		awaitReturns(chat, chat)
		coroutineMethodsSince(twitch3, note, chat, "join_room", "leave_room", "send_message", "send_raw_irc_message")
	}
	coroutines("twitchAPI.helper.first")
}
