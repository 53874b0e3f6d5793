package pylib

import "strings"

// Chat-bot frameworks, messaging clients and cloud/SaaS SDKs the
// twenty-third session's library audit added (branch `libcov23b`,
// docs/pylib-coverage.md): each an async library's coroutine methods (a
// call without await sends nothing: ASL102) and, where the library has a
// synchronous twin, that twin's requests (ASL202 in a coroutine). As
// everywhere in pylib, matched on a receiver typed as the library's class
// (a constructor, a factory's return, an annotation, an attribute of a
// handler's argument), never on the method's name alone.

// Discord frameworks built on hikari: hikari itself, lightbulb and tanjun
// (hikari's own documentation, "@bot.listen() async def ping(event:
// hikari.GuildMessageCreateEvent): await event.message.respond('Pong!')").
func init() {
	// hikari/messages.py: `class Message(PartialMessage)`; PartialMessage's
	// respond, edit, delete, add_reaction, remove_reaction,
	// remove_all_reactions and fetch_channel are `async def`s that go
	// through `self.app.rest` (`await self.app.rest.delete_my_reaction(...)`).
	msg, partial := "hikari.Message", "hikari.PartialMessage"
	for _, alias := range []string{"hikari.messages.Message"} {
		LibraryBases[alias] = []string{msg}
	}
	LibraryBases[msg] = []string{partial}
	LibraryBases["hikari.messages.PartialMessage"] = []string{partial}
	coroutineMethods(partial, "respond", "edit", "delete", "add_reaction", "remove_reaction", "remove_all_reactions",
		"fetch_channel")
	awaitReturns(partial+".respond", msg)
	awaitReturns(partial+".edit", msg)

	// The REST client (hikari/api/rest.py, `class RESTClient`): every
	// request method is an `async def` (fetch_messages and the other
	// listings return a LazyIterator, and trigger_typing a TypingIndicator:
	// not listed). GatewayBot.rest and RESTBot.rest give it; RESTApp's
	// acquire(token) gives the implementation, entered with `async with`.
	const rest = "hikari.api.RESTClient"
	for _, alias := range []string{"hikari.api.rest.RESTClient", "hikari.impl.RESTClientImpl",
		"hikari.impl.rest.RESTClientImpl"} {
		LibraryBases[alias] = []string{rest}
	}
	coroutineMethods(rest, "create_message", "edit_message", "delete_message", "delete_messages", "fetch_message",
		"fetch_channel", "edit_channel", "delete_channel", "fetch_user", "fetch_my_user", "fetch_guild", "fetch_member",
		"fetch_roles", "fetch_guild_channels", "add_role_to_member", "remove_role_from_member", "kick_user",
		"kick_member", "ban_user", "ban_member", "unban_user", "unban_member", "add_reaction", "delete_my_reaction",
		"delete_reaction", "delete_all_reactions", "delete_all_reactions_for_emoji", "create_interaction_response",
		"edit_interaction_response", "delete_interaction_response", "fetch_interaction_response",
		"create_modal_response", "execute_webhook", "create_webhook", "fetch_webhook", "edit_webhook_message",
		"create_guild_text_channel", "create_guild_voice_channel", "create_guild_category", "create_role", "edit_role",
		"delete_role", "edit_member", "edit_my_member", "pin_message", "unpin_message", "create_dm_channel",
		"fetch_application", "set_application_commands", "create_slash_command", "fetch_invite", "create_invite",
		"create_message_thread", "create_thread", "join_thread", "fetch_emoji", "fetch_guild_preview")
	awaitReturns(rest+".create_message", msg)
	awaitReturns(rest+".fetch_message", msg)
	awaitReturns(rest+".edit_message", msg)
	for _, bot := range []string{"hikari.GatewayBot", "hikari.impl.GatewayBot", "hikari.impl.gateway_bot.GatewayBot"} {
		returns(bot, "hikari.GatewayBot")
	}
	for _, bot := range []string{"hikari.RESTBot", "hikari.impl.RESTBot", "hikari.impl.rest_bot.RESTBot"} {
		returns(bot, "hikari.RESTBot")
	}
	for _, app := range []string{"hikari.RESTApp", "hikari.impl.RESTApp", "hikari.impl.rest.RESTApp"} {
		returns(app, "hikari.RESTApp")
	}
	LibraryAttrTypes["hikari.GatewayBot.rest"] = rest
	LibraryAttrTypes["hikari.RESTBot.rest"] = rest
	returns("hikari.RESTApp.acquire", "hikari.impl.RESTClientImpl")
	coroutineMethods("hikari.RESTApp", "start", "close")
	// GatewayBot.run blocks until the bot stops and starts its own loop;
	// start, close, join and the gateway requests are `async def`s.
	coroutineMethods("hikari.GatewayBot", "start", "close", "join", "request_guild_members", "update_presence",
		"update_voice_state", "wait_for")
	coroutineMethods("hikari.RESTBot", "start", "close", "join")

	// Message events carry the message, its author and the bot (`app`).
	for _, ev := range []string{"MessageCreateEvent", "GuildMessageCreateEvent", "DMMessageCreateEvent",
		"MessageUpdateEvent", "GuildMessageUpdateEvent", "DMMessageUpdateEvent"} {
		typ := "hikari." + ev
		LibraryBases["hikari.events."+ev] = []string{typ}
		LibraryBases["hikari.events.message_events."+ev] = []string{typ}
		LibraryAttrTypes[typ+".message"] = msg
		LibraryAttrTypes[typ+".author"] = "hikari.User"
		LibraryAttrTypes[typ+".app"] = "hikari.GatewayBot"
	}
	// Interactions (hikari/interactions/command_interactions.py and
	// component_interactions.py): the response calls are `async def`s.
	for _, in := range []string{"CommandInteraction", "ComponentInteraction", "ModalInteraction",
		"AutocompleteInteraction"} {
		coroutineMethods("hikari."+in, "create_initial_response", "edit_initial_response", "delete_initial_response",
			"fetch_initial_response", "execute", "create_modal_response", "fetch_channel", "fetch_guild")
	}
	// Channels and users that can be sent to (hikari/channels.py
	// TextableChannel.send, users.py User.send: `async def`s).
	for _, ch := range []string{"TextableChannel", "TextableGuildChannel", "GuildTextChannel", "DMChannel",
		"GuildNewsChannel", "GuildThreadChannel", "PartialChannel"} {
		coroutineMethods("hikari."+ch, "send", "fetch_message", "delete_messages", "fetch_pins", "pin_message",
			"unpin_message", "delete")
	}
	for _, u := range []string{"hikari.User", "hikari.PartialUser", "hikari.Member"} {
		coroutineMethods(u, "send", "fetch_dm_channel", "fetch_self")
	}
	coroutineMethods("hikari.Member", "add_role", "remove_role", "kick", "ban", "unban", "edit")

	// hikari-lightbulb 2.x (lightbulb/context/base.py: `async def
	// respond(...) -> ResponseProxy`, edit_last_response,
	// delete_last_response, respond_with_modal and invoke; `class
	// BotApp(hikari.GatewayBot)`, whose instance the context's app and bot
	// give) and 3.x (lightbulb.Context: respond, defer, edit_response,
	// delete_response, fetch_response, respond_with_modal are `async def`s).
	const lbContext = "lightbulb.Context"
	for _, c := range []string{"lightbulb.context.Context", "lightbulb.context.base.Context", "lightbulb.SlashContext",
		"lightbulb.PrefixContext", "lightbulb.MessageContext", "lightbulb.UserContext", "lightbulb.ApplicationContext",
		"lightbulb.context.SlashContext", "lightbulb.context.PrefixContext"} {
		LibraryBases[c] = []string{lbContext}
	}
	coroutineMethods(lbContext, "respond", "edit_last_response", "delete_last_response", "respond_with_modal",
		"invoke", "defer", "edit_response", "delete_response", "fetch_response")
	for _, b := range []string{"lightbulb.BotApp", "lightbulb.app.BotApp"} {
		returns(b, "lightbulb.BotApp")
	}
	LibraryBases["lightbulb.BotApp"] = []string{"hikari.GatewayBot"}
	LibraryAttrTypes[lbContext+".app"] = "lightbulb.BotApp"
	LibraryAttrTypes[lbContext+".bot"] = "lightbulb.BotApp"
	LibraryAttrTypes[lbContext+".interaction"] = "hikari.CommandInteraction"

	// Tanjun (tanjun/abc.py: Context.respond, edit_initial_response,
	// delete_initial_response, fetch_initial_response, edit_last_response,
	// delete_last_response, fetch_last_response; AppCommandContext.defer,
	// create_initial_response, create_followup, create_modal_response are
	// abstract `async def`s; `ctx.rest` is hikari's REST client).
	const tjContext, tjApp = "tanjun.abc.Context", "tanjun.abc.AppCommandContext"
	coroutineMethods(tjContext, "respond", "edit_initial_response", "delete_initial_response",
		"fetch_initial_response", "edit_last_response", "delete_last_response", "fetch_last_response",
		"fetch_channel", "fetch_guild")
	coroutineMethods(tjApp, "defer", "create_initial_response", "create_followup", "create_modal_response",
		"mark_not_found")
	LibraryBases[tjApp] = []string{tjContext}
	for _, c := range []string{"tanjun.abc.SlashContext", "tanjun.abc.MenuContext", "tanjun.SlashContext",
		"tanjun.MenuContext", "tanjun.context.SlashContext", "tanjun.context.MenuContext"} {
		LibraryBases[c] = []string{tjApp}
	}
	for _, c := range []string{"tanjun.abc.MessageContext", "tanjun.MessageContext", "tanjun.context.MessageContext"} {
		LibraryBases[c] = []string{tjContext}
	}
	LibraryAttrTypes[tjContext+".rest"] = rest

	// interactions.py 5 (interactions/models/internal/context.py): an
	// InteractionContext's send (and its alias respond), defer, edit,
	// delete and send_modal are `async def`s; SlashContext,
	// ContextMenuContext, ComponentContext and ModalContext derive from it
	// (ComponentContext and ModalContext add edit_origin); an
	// AutocompleteContext's send is `async def` too; prefixed commands'
	// PrefixedContext sends and replies with coroutines. interactions.py 4's
	// CommandContext had the same send/defer/edit/popup coroutines.
	const ipyContext = "interactions.InteractionContext"
	coroutineMethods(ipyContext, "send", "respond", "defer", "edit", "delete", "send_modal", "edit_origin")
	for _, c := range []string{"interactions.SlashContext", "interactions.ComponentContext", "interactions.ModalContext",
		"interactions.ContextMenuContext", "interactions.models.internal.context.InteractionContext",
		"interactions.CommandContext"} {
		LibraryBases[c] = []string{ipyContext}
	}
	coroutineMethods("interactions.CommandContext", "popup")
	coroutineMethods("interactions.AutocompleteContext", "send")
	for _, c := range []string{"interactions.ext.prefixed_commands.PrefixedContext", "interactions.PrefixedContext"} {
		coroutineMethods(c, "send", "reply")
	}
	for _, c := range []string{"interactions.Client", "interactions.client.client.Client"} {
		returns(c, "interactions.Client")
	}
	coroutineMethods("interactions.Client", "astart", "login", "stop", "change_presence", "wait_until_ready",
		"fetch_user", "fetch_channel", "fetch_guild")

	// TwitchIO 2 (twitchio/ext/commands/context.py: `async def send`,
	// `async def reply`; twitchio/channel.py Channel.send; ext/commands/
	// bot.py: start, close, handle_commands, get_context; client.py:
	// connect, join_channels, part_channels, fetch_users, fetch_channel
	// are `async def`s). A command's handler gets the Context first
	// (`@commands.command() async def hello(self, ctx)`).
	const twContext, twChannel = "twitchio.ext.commands.Context", "twitchio.Channel"
	coroutineMethods(twContext, "send", "reply")
	coroutineMethods(twChannel, "send", "user")
	LibraryBases["twitchio.channel.Channel"] = []string{twChannel}
	LibraryAttrTypes[twContext+".channel"] = twChannel
	LibraryAttrTypes["twitchio.Message.channel"] = twChannel
	LibraryAttrTypes[twContext+".message"] = "twitchio.Message"
	LibraryBases["twitchio.ext.commands.Bot"] = []string{"twitchio.Client"}
	LibraryBases["twitchio.client.Client"] = []string{"twitchio.Client"}
	coroutineMethods("twitchio.Client", "start", "close", "connect", "join_channels", "part_channels", "fetch_users",
		"fetch_channel", "fetch_streams", "fetch_channels")
	coroutineMethods("twitchio.ext.commands.Bot", "handle_commands", "get_context", "invoke")
	for _, d := range []string{"twitchio.ext.commands.command", "twitchio.ext.commands.Bot.command"} {
		CallbackParams[d] = []string{twContext}
	}
}

// python-telegram-bot 20+: what the bot-framework records in async_libs.go
// lacked. Like them, Coroutine|InAsyncOnly: before v20 the same names were
// plain methods, so a call counts as a coroutine only in async code, which
// in a v13 project there is none of (python-telegram-bot's v20 wiki,
// "Transition guide to v20": "All methods of Bot ... are now coroutine
// functions").
func init() {
	const ptbAsync = Coroutine | InAsyncOnly
	more := []string{"send_contact", "send_venue", "send_video_note", "send_invoice", "send_game",
		"edit_message_media", "edit_message_live_location", "stop_message_live_location", "stop_poll",
		"get_user_profile_photos", "set_chat_title", "set_chat_description", "set_chat_photo", "delete_chat_photo",
		"set_chat_permissions", "export_chat_invite_link", "create_chat_invite_link", "revoke_chat_invite_link",
		"get_my_commands", "delete_my_commands", "approve_chat_join_request", "decline_chat_join_request",
		"answer_pre_checkout_query", "answer_shipping_query", "set_message_reaction", "get_webhook_info",
		"unpin_all_chat_messages", "get_sticker_set", "close", "log_out", "set_chat_menu_button"}
	with(ptbAsync, prefixed("telegram.Bot.", more...)...)
	with(ptbAsync, prefixed("telegram.ext.ExtBot.", more...)...)
	for _, b := range []string{"telegram.Bot.get_file", "telegram.ext.ExtBot.get_file"} {
		awaitReturns(b, "telegram.File")
	}
	// telegram/_files/file.py (v20): download_to_drive, download_to_memory
	// and download_as_bytearray are `async def`s.
	with(ptbAsync, prefixed("telegram.File.", "download_to_drive", "download_to_memory", "download_as_bytearray")...)
	// Chats and users have shortcuts for the bot's calls
	// (telegram/_chat.py `async def send_message`, telegram/_user.py).
	chatSends := []string{"send_message", "send_photo", "send_document", "send_video", "send_audio", "send_voice",
		"send_sticker", "send_animation", "send_media_group", "send_location", "send_poll", "send_dice",
		"send_action", "send_chat_action", "send_copy", "forward_to"}
	with(ptbAsync, prefixed("telegram.Chat.", append(chatSends, "leave", "get_administrators", "get_member",
		"get_member_count", "ban_member", "unban_member", "restrict_member", "promote_member", "pin_message",
		"unpin_message", "unpin_all_messages", "set_title", "set_description", "set_permissions",
		"export_invite_link", "create_invite_link")...)...)
	with(ptbAsync, prefixed("telegram.User.", append(chatSends, "get_profile_photos", "pin_message",
		"unpin_message")...)...)
	with(ptbAsync, prefixed("telegram.Message.", "reply_contact", "reply_venue", "reply_video_note", "reply_invoice",
		"reply_copy", "reply_game", "edit_live_location", "stop_live_location", "stop_poll", "get_game_high_scores")...)
	with(ptbAsync, prefixed("telegram.CallbackQuery.", "edit_message_live_location", "stop_message_live_location",
		"copy_message", "pin_message", "unpin_message")...)
	for _, t := range []string{"telegram.Bot.", "telegram.ext.ExtBot."} {
		for _, m := range []string{"send_contact", "send_venue", "send_video_note", "send_invoice"} {
			awaitReturns(t+m, "telegram.Message")
		}
	}
	for _, m := range []string{"send_message", "send_photo", "send_document", "send_video", "send_audio",
		"send_voice", "send_sticker", "send_animation"} {
		awaitReturns("telegram.Chat."+m, "telegram.Message")
		awaitReturns("telegram.User."+m, "telegram.Message")
	}
	LibraryAttrTypes["telegram.Update.effective_chat"] = "telegram.Chat"
	LibraryAttrTypes["telegram.Update.effective_user"] = "telegram.User"
	LibraryAttrTypes["telegram.Message.chat"] = "telegram.Chat"
	LibraryAttrTypes["telegram.Message.from_user"] = "telegram.User"
	LibraryAttrTypes["telegram.Message.reply_to_message"] = "telegram.Message"
	LibraryAttrTypes["telegram.CallbackQuery.from_user"] = "telegram.User"
	LibraryAttrTypes["telegram.ext.CallbackContext.application"] = "telegram.ext.Application"
	LibraryAttrTypes["telegram.ext.ContextTypes.DEFAULT_TYPE.application"] = "telegram.ext.Application"

	// The application builder of v20 (telegram/ext/_application.py:
	// `@staticmethod def builder() -> "InitApplicationBuilder": return
	// ApplicationBuilder()`; telegram/ext/_applicationbuilder.py: every
	// setter, `token`, `bot`, `concurrent_updates`, `post_init`..., ends
	// `return self`, and `def build(self) -> Application[...]`):
	// `Application.builder().token(TOKEN).build().bot` is the application's
	// ExtBot.
	returns("telegram.ext.Application.builder", "telegram.ext.ApplicationBuilder")
	returns("telegram.ext.ApplicationBuilder", "telegram.ext.ApplicationBuilder")
	returns("telegram.ext.ApplicationBuilder.*", "telegram.ext.ApplicationBuilder")
	returns("telegram.ext.ApplicationBuilder.build", "telegram.ext.Application")
	returns("telegram.ext.Application", "telegram.ext.Application")

	// Application and ApplicationBuilder exist only from 20.0 (the v20
	// wiki, "Transition guide to v20": "Updater ... replaced by
	// telegram.ext.Application", built with ApplicationBuilder), the
	// release in which the Bot, Message, Chat... methods recorded above
	// became coroutine functions: a module that uses them is written for
	// v20+, where those calls make coroutines in sync code too
	// (analysis.Project.WrittenForSince lifts InAsyncOnly there).
	// Bot keeps a camelCase alias of each Bot API method (telegram/_bot.py
	// ends "# camelCase aliases / getMe = get_me / sendMessage =
	// send_message ..."; ExtBot inherits them), the names of the Bot API
	// itself that code written for v13 calls (rsudp's alert thread:
	// `self.telegram.sendMessage(chat_id=..., text=...)`, which under v20
	// warns "coroutine 'Bot.send_message' was never awaited"): the alias
	// is the same coroutine function.
	for _, prefix := range []string{"telegram.Bot.", "telegram.ext.ExtBot."} {
		for name, a := range apis {
			method, ok := strings.CutPrefix(name, prefix)
			if !ok || !a.Has(Coroutine|InAsyncOnly) || !strings.Contains(method, "_") ||
				method == "initialize" || method == "shutdown" {
				continue
			}
			alias := entry(prefix + camelCase(method))
			alias.Roles |= a.Roles
			if alias.AwaitReturns == "" {
				alias.AwaitReturns = a.AwaitReturns
			}
		}
	}

	ptb20 := Release{Dists: []string{"python-telegram-bot", "python_telegram_bot"}, Version: "20.0"}
	addedIn(ptb20, "telegram.ext.Application", "telegram.ext.ApplicationBuilder", "telegram.ext.Application.builder")
	for name, a := range apis {
		if strings.HasPrefix(name, "telegram.") && a.Has(Coroutine|InAsyncOnly) && a.CoroutineSince == nil {
			r := ptb20
			a.CoroutineSince = &r
		}
	}
}

// Slack's Bolt framework, async flavour (slack_bolt/kwargs_injection/
// async_args.py, AsyncArgs: "You can inject the named variables in the
// argument list in arbitrary order. @app.action('link_button') async def
// handle_buttons(ack, respond, logger, context, body, client): await
// ack()"). Listeners of an AsyncApp get, by parameter name, an AsyncAck,
// AsyncSay, AsyncRespond (whose `__call__` is an `async def`:
// slack_bolt/context/say/async_say.py `async def __call__(...)`), the
// AsyncWebClient and the AsyncBoltContext. A sync App's listeners are
// plain functions and get the sync twins: not listed.
func init() {
	const (
		ack      = "slack_bolt.context.ack.async_ack.AsyncAck"
		say      = "slack_bolt.context.say.async_say.AsyncSay"
		respond  = "slack_bolt.context.respond.async_respond.AsyncRespond"
		complete = "slack_bolt.context.complete.async_complete.AsyncComplete"
		fail     = "slack_bolt.context.fail.async_fail.AsyncFail"
		ctx      = "slack_bolt.context.async_context.AsyncBoltContext"
		client   = "slack_sdk.web.async_client.AsyncWebClient"
		app      = "slack_bolt.async_app.AsyncApp"
	)
	for _, c := range []string{ack, say, respond, complete, fail} {
		coroutines(c + ".__call__")
	}
	for _, a := range []string{app, "slack_bolt.app.async_app.AsyncApp"} {
		returns(a, app)
	}
	LibraryAttrTypes[app+".client"] = client
	for attr, typ := range map[string]string{"ack": ack, "say": say, "respond": respond, "complete": complete,
		"fail": fail, "client": client} {
		LibraryAttrTypes[ctx+"."+attr] = typ
	}
	params := map[string]string{"ack": ack, "say": say, "respond": respond, "complete": complete, "fail": fail,
		"client": client, "context": ctx}
	for _, listener := range []string{"event", "message", "command", "action", "shortcut", "view", "options",
		"block_action", "block_suggestion", "view_submission", "view_closed", "global_shortcut", "message_shortcut",
		"attachment_action", "dialog_submission", "dialog_cancellation", "dialog_suggestion", "function"} {
		CallbackKeywordParams[app+"."+listener] = params
	}
}

// Messaging: aiomqtt (asyncio-mqtt before its rename), FastStream, and
// more of nats-py.
func init() {
	// asyncio_mqtt/client.py 0.16 (Debian's python3-asyncio-mqtt):
	// connect, disconnect, subscribe, unsubscribe and publish are `async
	// def`s; aiomqtt 2 keeps publish, subscribe and unsubscribe (the client
	// is entered with `async with`, which connects).
	for _, c := range []string{"aiomqtt.Client", "aiomqtt.client.Client"} {
		returns(c, "aiomqtt.Client")
	}
	for _, c := range []string{"asyncio_mqtt.Client", "asyncio_mqtt.client.Client"} {
		returns(c, "asyncio_mqtt.Client")
	}
	coroutineMethods("aiomqtt.Client", "publish", "subscribe", "unsubscribe")
	coroutineMethods("asyncio_mqtt.Client", "publish", "subscribe", "unsubscribe", "connect", "disconnect",
		"force_disconnect")

	// FastStream (ag2ai/faststream; its docs: `await broker.publish(...)`,
	// a publisher made by `broker.publisher("topic")` is published to with
	// `await publisher.publish(...)`; faststream/kafka/publisher/
	// producer.py `async def publish`): each broker's connect, close,
	// start, stop, publish, publish_batch and request are `async def`s, and
	// so is the application's run.
	const fsPublisher = "faststream.broker.publisher.proto.PublisherProto"
	for _, pkg := range []string{"faststream.kafka.KafkaBroker", "faststream.confluent.KafkaBroker",
		"faststream.rabbit.RabbitBroker", "faststream.nats.NatsBroker", "faststream.redis.RedisBroker",
		"faststream.kafka.broker.KafkaBroker", "faststream.rabbit.broker.RabbitBroker",
		"faststream.nats.broker.NatsBroker", "faststream.redis.broker.RedisBroker"} {
		returns(pkg, pkg)
		coroutineMethods(pkg, "connect", "close", "start", "stop", "publish", "publish_batch", "request", "ping")
		returns(pkg+".publisher", fsPublisher)
	}
	coroutineMethods(fsPublisher, "publish", "request")
	for _, a := range []string{"faststream.FastStream", "faststream.app.FastStream"} {
		returns(a, "faststream.FastStream")
	}
	coroutineMethods("faststream.FastStream", "run", "start", "stop")

	// nats-py (nats/aio/subscription.py: next_msg, unsubscribe, drain;
	// nats/aio/msg.py: respond, ack, ack_sync, nak, in_progress, term;
	// nats/js/kv.py KeyValue's get, put, create, update, delete, purge,
	// keys, history, status, watch; nats/js/client.py key_value,
	// create_key_value, pull_subscribe, stream and consumer management and
	// PullSubscription.fetch: all `async def`s).
	const (
		client = "nats.aio.client.Client"
		js     = "nats.js.client.JetStreamContext"
		sub    = "nats.aio.subscription.Subscription"
		msg    = "nats.aio.msg.Msg"
		kv     = "nats.js.kv.KeyValue"
		pull   = "nats.js.client.JetStreamContext.PullSubscription"
	)
	awaitReturns(client+".subscribe", sub)
	awaitReturns(client+".request", msg)
	coroutineMethods(sub, "next_msg", "unsubscribe", "drain")
	awaitReturns(sub+".next_msg", msg)
	LibraryBases["nats.aio.client.Subscription"] = []string{sub}
	coroutineMethods(msg, "respond", "ack", "ack_sync", "nak", "in_progress", "term")
	LibraryBases["nats.aio.client.Msg"] = []string{msg}
	coroutineMethods(js, "key_value", "create_key_value", "delete_key_value", "object_store", "create_object_store",
		"stream_info", "delete_stream", "update_stream", "purge_stream", "consumer_info", "add_consumer",
		"delete_consumer", "get_msg", "get_last_msg")
	awaitReturns(js+".key_value", kv)
	awaitReturns(js+".create_key_value", kv)
	awaitReturns(js+".pull_subscribe", pull)
	awaitReturns(js+".subscribe", sub)
	coroutineMethods(kv, "get", "put", "create", "update", "delete", "purge", "keys", "history", "status", "watch")
	coroutineMethods(pull, "fetch", "unsubscribe")
}

// Cloud and SaaS SDKs: Twilio's other resources and async twins, SendGrid's
// fluent client, Azure Event Hubs and Tables (sync and aio).
func init() {
	// twilio 9 (corpus7 twilio/rest/api/v2010/account/message/__init__.py):
	// MessageList's create, list and page are requests and create_async,
	// list_async and page_async their `async def` twins (the client built
	// with `http_client=AsyncTwilioHttpClient()`); `client.messages(sid)`
	// (MessageList.__call__) builds a MessageContext whose fetch, update and
	// delete are requests, with `_async` twins. Calls alike. Verify's
	// services(sid) context has verifications and verification_checks
	// lists; Lookups v2's phone_numbers(number) context fetches.
	const twilio = "twilio.rest.Client"
	for res, ctx := range map[string]string{
		"messages": "twilio.rest.api.v2010.account.message.MessageContext",
		"calls":    "twilio.rest.api.v2010.account.call.CallContext"} {
		list := twilio + "." + res
		serviceRequests("ASL202", sdkAlt, list+".page")
		coroutines(prefixed(list+".", "create_async", "list_async", "page_async")...)
		returns(list, ctx)
		returns(list+".get", ctx)
		serviceRequests("ASL202", sdkAlt, prefixed(ctx+".", "fetch", "update", "delete")...)
		coroutineMethods(ctx, "fetch_async", "update_async", "delete_async")
	}
	const verifySvc = "twilio.rest.verify.v2.ServiceContext"
	returns(twilio+".verify.v2.services", verifySvc)
	returns(twilio+".verify.services", verifySvc)
	for _, list := range []string{"verifications", "verification_checks"} {
		serviceRequests("ASL202", sdkAlt, verifySvc+"."+list+".create")
		coroutines(verifySvc + "." + list + ".create_async")
	}
	const lookup = "twilio.rest.lookups.v2.PhoneNumberContext"
	returns(twilio+".lookups.v2.phone_numbers", lookup)
	returns(twilio+".lookups.v1.phone_numbers", lookup)
	serviceRequests("ASL202", sdkAlt, lookup+".fetch")
	coroutineMethods(lookup, "fetch_async")

	// SendGrid's fluent v3 client (sendgrid README: `response =
	// sg.client.mail.send.post(request_body=mail.get())`; python_http_client
	// builds the URL from the attribute chain and sends it with urllib).
	for _, typ := range []string{"sendgrid.SendGridAPIClient", "sendgrid.sendgrid.SendGridAPIClient"} {
		serviceRequests("ASL202", toThreadAlt+" (sendgrid's client is synchronous)", prefixed(typ+".client.",
			"mail.send.post", "templates.get", "templates.post", "marketing.contacts.put", "marketing.contacts.get",
			"marketing.contacts.search.post", "suppression.bounces.get", "api_keys.get")...)
	}

	// Azure Event Hubs (Debian python3-azure 20230112: azure/eventhub/
	// _producer_client.py `def send_batch`, `def create_batch`,
	// `def get_eventhub_properties`...; aio/_producer_client_async.py the
	// same names as `async def`s; _consumer_client.py `def receive(self,
	// on_event, ...)` runs until the client is closed).
	const ehAlt = "use `azure.eventhub.aio` and await it, or `await asyncio.to_thread(...)`"
	props := []string{"get_eventhub_properties", "get_partition_ids", "get_partition_properties"}
	for _, pkg := range []string{"azure.eventhub", "azure.eventhub.aio"} {
		producer, consumer := pkg+".EventHubProducerClient", pkg+".EventHubConsumerClient"
		for _, c := range []string{producer, consumer} {
			returns(c, c)
			returns(c+".from_connection_string", c)
		}
		producerOps := append([]string{"send_batch", "send_event", "create_batch", "flush"}, props...)
		consumerOps := append([]string{"receive", "receive_batch"}, props...)
		if pkg == "azure.eventhub" {
			serviceRequests("ASL202", ehAlt, prefixed(producer+".", producerOps...)...)
			serviceRequests("ASL202", ehAlt, prefixed(consumer+".", consumerOps...)...)
			continue
		}
		coroutineMethods(producer, append(producerOps, "close")...)
		coroutineMethods(consumer, append(consumerOps, "close")...)
	}

	// Azure Tables (azure/data/tables/_table_client.py and
	// aio/_table_client_async.py; list_entities and query_entities page
	// while iterated: not listed).
	const tablesAlt = "use `azure.data.tables.aio` and await it, or `await asyncio.to_thread(...)`"
	tableOps := []string{"create_table", "delete_table", "create_entity", "update_entity", "upsert_entity",
		"get_entity", "delete_entity", "submit_transaction", "get_table_access_policy", "set_table_access_policy"}
	serviceOps := []string{"create_table", "create_table_if_not_exists", "delete_table", "get_service_stats",
		"get_service_properties", "set_service_properties"}
	for _, pkg := range []string{"azure.data.tables", "azure.data.tables.aio"} {
		table, service := pkg+".TableClient", pkg+".TableServiceClient"
		for _, c := range []string{table, service} {
			returns(c, c)
			returns(c+".from_connection_string", c)
		}
		returns(table+".from_table_url", table)
		returns(service+".get_table_client", table)
		if pkg == "azure.data.tables" {
			serviceRequests("ASL202", tablesAlt, prefixed(table+".", tableOps...)...)
			serviceRequests("ASL202", tablesAlt, prefixed(service+".", serviceOps...)...)
			for _, m := range []string{"create_table", "create_table_if_not_exists"} {
				returns(service+"."+m, table)
			}
			continue
		}
		coroutineMethods(table, append(tableOps, "close")...)
		coroutineMethods(service, append(serviceOps, "close")...)
		for _, m := range []string{"create_table", "create_table_if_not_exists"} {
			awaitReturns(service+"."+m, table)
		}
	}
}

// More of Slack's Web API (slack_sdk/web/client.py and async_client.py are
// generated from the same method list: each WebClient method is a request
// through urllib, each AsyncWebClient method of the same name an `async
// def`), and the incoming-webhook clients (slack_sdk/webhook/client.py
// WebhookClient.send and send_dict over urllib; webhook/async_client.py
// AsyncWebhookClient's `async def send`).
func init() {
	more := []string{"chat_meMessage", "chat_unfurl", "conversations_archive", "conversations_unarchive",
		"conversations_kick", "conversations_leave", "conversations_rename", "conversations_setTopic",
		"conversations_setPurpose", "conversations_mark", "users_profile_get", "users_profile_set",
		"users_getPresence", "users_setPresence", "usergroups_list", "usergroups_create", "usergroups_users_list",
		"usergroups_users_update", "files_delete", "files_list", "files_upload_v2", "files_getUploadURLExternal",
		"files_completeUploadExternal", "pins_add", "pins_remove", "pins_list", "reminders_add", "reminders_list",
		"search_messages", "search_all", "emoji_list", "team_profile_get", "oauth_v2_access", "dialog_open",
		"apps_connections_open", "bookmarks_add", "bookmarks_list", "dnd_info", "assistant_threads_setStatus",
		"assistant_threads_setTitle", "assistant_threads_setSuggestedPrompts", "chat_startStream",
		"chat_appendStream", "chat_stopStream"}
	for _, typ := range []string{"slack_sdk.WebClient", "slack_sdk.web.WebClient", "slack_sdk.web.client.WebClient",
		"slack.WebClient"} {
		serviceRequests("ASL202", slackAlt, prefixed(typ+".", more...)...)
	}
	for _, typ := range []string{"slack_sdk.web.async_client.AsyncWebClient", "slack_sdk.web.AsyncWebClient"} {
		coroutineMethods(typ, more...)
	}
	const hookAlt = "use `slack_sdk.webhook.async_client.AsyncWebhookClient` and await it, or `await asyncio.to_thread(...)`"
	for _, typ := range []string{"slack_sdk.webhook.WebhookClient", "slack_sdk.webhook.client.WebhookClient"} {
		returns(typ, "slack_sdk.webhook.WebhookClient")
	}
	serviceRequests("ASL202", hookAlt, prefixed("slack_sdk.webhook.WebhookClient.", "send", "send_dict")...)
	for _, typ := range []string{"slack_sdk.webhook.async_client.AsyncWebhookClient",
		"slack_sdk.webhook.AsyncWebhookClient"} {
		returns(typ, "slack_sdk.webhook.async_client.AsyncWebhookClient")
	}
	coroutineMethods("slack_sdk.webhook.async_client.AsyncWebhookClient", "send", "send_dict")
}

// Messaging-platform SDKs whose webhooks async web apps serve: LINE's,
// Microsoft's Bot Framework, push notifications (APNs, FCM), and
// gcloud-aio's Google Cloud clients.
func init() {
	// line-bot-sdk v3 (linebot/v3/messaging/api/messaging_api.py and
	// async_messaging_api.py, generated): MessagingApi's methods make "a
	// synchronous HTTP request by default"; AsyncMessagingApi's call the
	// AsyncApiClient and return an awaitable ("Tip: Use
	// linebot.v3.AsyncLineBotClient"). v2's LineBotApi (requests) and
	// AsyncLineBotApi (an aiohttp client) have the same split.
	const lineAlt = "use `linebot.v3.messaging.AsyncMessagingApi` (or v2's `AsyncLineBotApi`) and await it, or `await asyncio.to_thread(...)`"
	lineOps := []string{"reply_message", "push_message", "multicast", "broadcast", "narrowcast", "get_profile",
		"get_group_summary", "get_group_member_profile", "get_room_member_profile", "get_group_member_count",
		"show_loading_animation", "get_message_quota", "link_rich_menu_id_to_user", "unlink_rich_menu_id_from_user",
		"create_rich_menu", "set_default_rich_menu", "delete_rich_menu", "get_bot_info", "mark_messages_as_read",
		"leave_group", "leave_room", "get_followers"}
	var withInfo []string
	for _, op := range lineOps {
		withInfo = append(withInfo, op, op+"_with_http_info")
	}
	blobOps := []string{"get_message_content", "get_message_content_with_http_info", "set_rich_menu_image",
		"get_rich_menu_image"}
	for _, typ := range []string{"linebot.v3.messaging.MessagingApi",
		"linebot.v3.messaging.api.messaging_api.MessagingApi"} {
		returns(typ, "linebot.v3.messaging.MessagingApi")
	}
	serviceRequests("ASL202", lineAlt, prefixed("linebot.v3.messaging.MessagingApi.", withInfo...)...)
	for _, typ := range []string{"linebot.v3.messaging.MessagingApiBlob",
		"linebot.v3.messaging.api.messaging_api_blob.MessagingApiBlob"} {
		returns(typ, "linebot.v3.messaging.MessagingApiBlob")
	}
	serviceRequests("ASL202", lineAlt, prefixed("linebot.v3.messaging.MessagingApiBlob.", blobOps...)...)
	for _, typ := range []string{"linebot.v3.messaging.AsyncMessagingApi",
		"linebot.v3.messaging.api.async_messaging_api.AsyncMessagingApi"} {
		returns(typ, "linebot.v3.messaging.AsyncMessagingApi")
	}
	coroutineMethods("linebot.v3.messaging.AsyncMessagingApi", withInfo...)
	for _, typ := range []string{"linebot.v3.messaging.AsyncMessagingApiBlob",
		"linebot.v3.messaging.api.async_messaging_api_blob.AsyncMessagingApiBlob"} {
		returns(typ, "linebot.v3.messaging.AsyncMessagingApiBlob")
	}
	coroutineMethods("linebot.v3.messaging.AsyncMessagingApiBlob", blobOps...)
	v2Ops := []string{"reply_message", "push_message", "multicast", "broadcast", "narrowcast", "get_profile",
		"get_group_summary", "get_group_member_profile", "get_room_member_profile", "get_message_content",
		"leave_group", "leave_room", "link_rich_menu_to_user", "get_bot_info", "get_message_quota"}
	for _, typ := range []string{"linebot.LineBotApi", "linebot.api.LineBotApi"} {
		returns(typ, "linebot.LineBotApi")
	}
	serviceRequests("ASL202", lineAlt, prefixed("linebot.LineBotApi.", v2Ops...)...)
	for _, typ := range []string{"linebot.AsyncLineBotApi", "linebot.async_api.AsyncLineBotApi"} {
		returns(typ, "linebot.AsyncLineBotApi")
	}
	coroutineMethods("linebot.AsyncLineBotApi", v2Ops...)

	// Bot Framework SDK (botbuilder-core, botbuilder/core/turn_context.py:
	// TurnContext's send_activity, send_activities, update_activity and
	// delete_activity are `async def`s; bot_state.py BotState.load and
	// save_changes, and a StatePropertyAccessor's get, set and delete).
	// An ActivityHandler's `async def on_message_activity(self,
	// turn_context: TurnContext)` is the usual handler.
	const turn = "botbuilder.core.TurnContext"
	LibraryBases["botbuilder.core.turn_context.TurnContext"] = []string{turn}
	coroutineMethods(turn, "send_activity", "send_activities", "update_activity", "delete_activity",
		"send_trace_activity")
	for _, st := range []string{"botbuilder.core.ConversationState", "botbuilder.core.UserState",
		"botbuilder.core.BotState", "botbuilder.core.PrivateConversationState"} {
		returns(st, st)
		coroutineMethods(st, "load", "save_changes", "clear_state", "delete")
		returns(st+".create_property", "botbuilder.core.StatePropertyAccessor")
	}
	coroutineMethods("botbuilder.core.StatePropertyAccessor", "get", "set", "delete")

	// Push notifications. aioapns (aioapns/client.py: `async def
	// send_notification`); apns2's APNsClient sends over HTTP/2 on the
	// calling thread (send_notification, send_notification_batch); PyFCM's
	// FCMNotification posts with requests (2.x `notify`, 1.x
	// notify_single_device, notify_multiple_devices,
	// notify_topic_subscribers).
	for _, typ := range []string{"aioapns.APNs", "aioapns.client.APNs"} {
		returns(typ, "aioapns.APNs")
	}
	coroutineMethods("aioapns.APNs", "send_notification")
	const pushAlt = "use an asyncio client (aioapns, an async FCM client) and await it, or `await asyncio.to_thread(...)`"
	for _, typ := range []string{"apns2.client.APNsClient", "apns2.APNsClient"} {
		returns(typ, "apns2.client.APNsClient")
	}
	serviceRequests("ASL202", pushAlt, prefixed("apns2.client.APNsClient.", "send_notification",
		"send_notification_batch", "connect")...)
	for _, typ := range []string{"pyfcm.FCMNotification", "pyfcm.fcm.FCMNotification"} {
		returns(typ, "pyfcm.FCMNotification")
	}
	serviceRequests("ASL202", pushAlt, prefixed("pyfcm.FCMNotification.", "notify", "notify_single_device",
		"notify_multiple_devices", "notify_topic_subscribers", "single_device_data_message",
		"multiple_devices_data_message", "async_notify_multiple_devices")...)

	// gcloud-aio (talkiq/gcloud-aio: gcloud.aio.storage.Storage's upload,
	// download and the rest, gcloud.aio.pubsub's clients, the auth Token:
	// `async def`s over aiohttp).
	for _, typ := range []string{"gcloud.aio.storage.Storage", "gcloud.aio.storage.storage.Storage"} {
		returns(typ, "gcloud.aio.storage.Storage")
	}
	coroutineMethods("gcloud.aio.storage.Storage", "upload", "upload_from_filename", "download",
		"download_to_filename", "download_metadata", "delete", "copy", "list_objects", "list_buckets",
		"get_bucket_metadata", "patch_metadata", "compose", "close")
	for _, typ := range []string{"gcloud.aio.pubsub.PublisherClient", "gcloud.aio.pubsub.publisher_client.PublisherClient"} {
		returns(typ, "gcloud.aio.pubsub.PublisherClient")
	}
	coroutineMethods("gcloud.aio.pubsub.PublisherClient", "publish", "create_topic", "delete_topic", "list_topics",
		"close")
	for _, typ := range []string{"gcloud.aio.pubsub.SubscriberClient", "gcloud.aio.pubsub.subscriber_client.SubscriberClient"} {
		returns(typ, "gcloud.aio.pubsub.SubscriberClient")
	}
	coroutineMethods("gcloud.aio.pubsub.SubscriberClient", "pull", "acknowledge", "modify_ack_deadline",
		"create_subscription", "delete_subscription", "close")
	for _, typ := range []string{"gcloud.aio.auth.Token", "gcloud.aio.auth.token.Token"} {
		returns(typ, "gcloud.aio.auth.Token")
	}
	coroutineMethods("gcloud.aio.auth.Token", "get", "close")
}

// Pycord (py-cord, installed as `discord`): its application commands get
// an ApplicationContext (discord/commands/context.py: respond,
// send_response, send_followup, defer, edit and send_modal are properties
// that give the interaction's coroutine functions, `async def delete`; the
// class is a Messageable, so `ctx.send` is the channel's coroutine).
// discord.py has no ApplicationContext, no `discord.Bot` and no
// `slash_command`, so the names are Pycord's alone. nextcord's and
// disnake's `slash_command` handlers get their own Interaction (forks.go):
// recorded here so that the fork lookup does not give them Pycord's
// context.
func init() {
	const appCtx = "discord.ApplicationContext"
	LibraryBases[appCtx] = []string{"discord.abc.Messageable"}
	LibraryBases["discord.commands.ApplicationContext"] = []string{appCtx}
	LibraryBases["discord.commands.context.ApplicationContext"] = []string{appCtx}
	coroutineMethods(appCtx, "respond", "send_response", "send_followup", "defer", "edit", "send_modal", "delete")
	LibraryAttrTypes[appCtx+".interaction"] = "discord.Interaction"
	LibraryAttrTypes[appCtx+".followup"] = "discord.Webhook"
	LibraryAttrTypes[appCtx+".guild"] = "discord.Guild"
	LibraryAttrTypes[appCtx+".author"] = "discord.abc.Messageable"
	LibraryAttrTypes[appCtx+".channel"] = "discord.abc.Messageable"
	for _, d := range []string{"discord.Bot.slash_command", "discord.Bot.command", "discord.slash_command",
		"discord.commands.slash_command", "discord.ext.commands.Bot.slash_command", "discord.ext.commands.slash_command",
		"discord.SlashCommandGroup.command", "discord.Bot.user_command", "discord.Bot.message_command"} {
		CallbackParams[d] = []string{appCtx}
	}
	CallbackParams["discord.Bot.user_command"] = []string{appCtx, "discord.Member"}
	CallbackParams["discord.Bot.message_command"] = []string{appCtx, "discord.Message"}
	for _, d := range []string{"nextcord.ext.commands.Bot.slash_command", "nextcord.Client.slash_command",
		"nextcord.slash_command", "nextcord.ext.commands.slash_command"} {
		CallbackParams[d] = []string{"nextcord.Interaction"}
	}
	for _, d := range []string{"disnake.ext.commands.Bot.slash_command", "disnake.ext.commands.InteractionBot.slash_command",
		"disnake.ext.commands.slash_command"} {
		CallbackParams[d] = []string{"disnake.ApplicationCommandInteraction"}
	}
}

// Azure Queue storage (azure-storage-queue 12: QueueClient's and
// QueueServiceClient's operations are requests; "the async clients provide
// the same functionality as their synchronous counterparts with
// async/await support", `from azure.storage.queue.aio import
// QueueServiceClient, QueueClient`). receive_messages and list_queues
// page while iterated: not listed.
func init() {
	const queueAlt = "use `azure.storage.queue.aio` and await it, or `await asyncio.to_thread(...)`"
	queueOps := []string{"create_queue", "delete_queue", "get_queue_properties", "set_queue_metadata", "send_message",
		"receive_message", "delete_message", "update_message", "peek_messages", "clear_messages",
		"get_queue_access_policy", "set_queue_access_policy"}
	serviceOps := []string{"create_queue", "delete_queue", "get_service_properties", "set_service_properties",
		"get_service_stats"}
	for _, pkg := range []string{"azure.storage.queue", "azure.storage.queue.aio"} {
		queue, service := pkg+".QueueClient", pkg+".QueueServiceClient"
		for _, c := range []string{queue, service} {
			returns(c, c)
			returns(c+".from_connection_string", c)
		}
		returns(queue+".from_queue_url", queue)
		returns(service+".get_queue_client", queue)
		if pkg == "azure.storage.queue" {
			serviceRequests("ASL202", queueAlt, prefixed(queue+".", queueOps...)...)
			serviceRequests("ASL202", queueAlt, prefixed(service+".", serviceOps...)...)
			returns(service+".create_queue", queue)
			continue
		}
		coroutineMethods(queue, append(queueOps, "close")...)
		coroutineMethods(service, append(serviceOps, "close")...)
		awaitReturns(service+".create_queue", queue)
	}
}

// camelCase is a snake_case name in camelCase (send_message:
// sendMessage), as python-telegram-bot's aliases spell the Bot API.
func camelCase(name string) string {
	parts := strings.Split(name, "_")
	for i := 1; i < len(parts); i++ {
		if parts[i] != "" {
			parts[i] = strings.ToUpper(parts[i][:1]) + parts[i][1:]
		}
	}
	return strings.Join(parts, "")
}
