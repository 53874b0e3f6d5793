package pylib

import (
	"sort"
	"strings"
	"sync"
)

// What library calls return, what attributes of library objects hold, what
// arguments libraries pass to the handlers they call, and which decorators
// keep a coroutine function one.

func init() {
	for name, typ := range map[string]string{
		"open": "io.TextIOWrapper", "io.open": "io.TextIOWrapper", "os.fdopen": "io.TextIOWrapper",
		"codecs.open": "io.TextIOWrapper", "gzip.open": "gzip.GzipFile", "bz2.open": "bz2.BZ2File",
		"lzma.open": "lzma.LZMAFile", "tempfile.TemporaryFile": "io.TextIOWrapper",
		"tempfile.NamedTemporaryFile": "io.TextIOWrapper", "pathlib.Path.open": "io.TextIOWrapper",
		"zipfile.ZipFile": "zipfile.ZipFile", "tarfile.open": "tarfile.TarFile", "tarfile.TarFile": "tarfile.TarFile",
		"requests.session": "requests.Session", "requests.Session": "requests.Session",
		"requests.sessions.Session": "requests.Session", "httpx.Client": "httpx.Client", "httpx2.Client": "httpx2.Client",
		"urllib3.PoolManager": "urllib3.PoolManager", "urllib3.ProxyManager": "urllib3.ProxyManager",
		"urllib3.proxy_from_url": "urllib3.ProxyManager", "urllib3.poolmanager.PoolManager": "urllib3.PoolManager",
		"urllib3.HTTPConnectionPool": "urllib3.HTTPConnectionPool", "urllib3.HTTPSConnectionPool": "urllib3.HTTPSConnectionPool",
		"urllib3.connection_from_url": "urllib3.HTTPConnectionPool",
		"socket.socket":               "socket.socket", "socket.create_connection": "socket.socket", "socket.create_server": "socket.socket",
		"socket.fromfd": "socket.socket", "ssl.SSLContext.wrap_socket": "socket.socket",
		"socket.socket.makefile": "io.BufferedRWPair",
		"pathlib.Path":           "pathlib.Path", "pathlib.PurePath": "pathlib.PurePath", "pathlib.Path.home": "pathlib.Path",
		"pathlib.Path.cwd": "pathlib.Path", "pathlib.Path.with_suffix": "pathlib.Path", "pathlib.Path.with_name": "pathlib.Path",
		"pathlib.Path.with_stem": "pathlib.Path", "pathlib.Path.joinpath": "pathlib.Path", "pathlib.Path.absolute": "pathlib.Path",
		"pathlib.Path.expanduser": "pathlib.Path", "pathlib.Path.relative_to": "pathlib.Path",
		"threading.Lock": "threading.Lock", "threading.RLock": "threading.RLock", "threading.Event": "threading.Event",
		"threading.Semaphore": "threading.Semaphore", "threading.BoundedSemaphore": "threading.BoundedSemaphore",
		"threading.Condition": "threading.Condition", "threading.Thread": "threading.Thread",
		"multiprocessing.Process": "multiprocessing.Process", "multiprocessing.Queue": "queue.Queue",
		"multiprocessing.Lock": "multiprocessing.Lock", "multiprocessing.RLock": "multiprocessing.RLock",
		"multiprocessing.Semaphore": "multiprocessing.Semaphore", "_thread.allocate_lock": "_thread.allocate_lock",
		"queue.Queue": "queue.Queue", "queue.LifoQueue": "queue.Queue", "queue.PriorityQueue": "queue.Queue",
		"queue.SimpleQueue": "queue.Queue",
		"redis.Redis":       "redis.Redis", "redis.StrictRedis": "redis.Redis", "redis.from_url": "redis.Redis",
		"redis.Redis.from_url": "redis.Redis", "redis.client.Redis": "redis.Redis", "redis.StrictRedis.from_url": "redis.Redis",
		"redis.Redis.pipeline":                          "redis.client.Pipeline",
		"concurrent.futures.ThreadPoolExecutor":         "concurrent.futures.ThreadPoolExecutor",
		"concurrent.futures.ProcessPoolExecutor":        "concurrent.futures.ProcessPoolExecutor",
		"concurrent.futures.ThreadPoolExecutor.submit":  "concurrent.futures.Future",
		"concurrent.futures.ProcessPoolExecutor.submit": "concurrent.futures.Future",
		"concurrent.futures.Executor.submit":            "concurrent.futures.Future",
		"subprocess.Popen":                              "subprocess.Popen",
		"http.client.HTTPConnection":                    "http.client.HTTPConnection",
		"http.client.HTTPSConnection":                   "http.client.HTTPSConnection",
		"smtplib.SMTP":                                  "smtplib.SMTP", "smtplib.SMTP_SSL": "smtplib.SMTP",
		"logging.getLogger":             "logging.Logger",
		"tornado.ioloop.IOLoop.current": "tornado.ioloop.IOLoop", "tornado.ioloop.IOLoop.instance": "tornado.ioloop.IOLoop",
	} {
		returns(name, typ)
	}
	// A copy has the type of what it copies (`backup = deepcopy(self.memory)`
	// then `self.memory = backup` keeps self.memory's type).
	for _, name := range []string{"copy.copy", "copy.deepcopy"} {
		entry(name).CopiesFirstArg = true
	}
	// Accepting a connection gives a tuple, not an instance worth tracking.
	returns("socket.socket.accept", "")

	// Synchronous functions that read their arguments as plain data.
	with(ReadsData, "json.dumps", "json.loads", "json.dump", "pickle.dumps", "orjson.dumps", "orjson.loads",
		"ujson.dumps", "ujson.loads", "yaml.dump", "yaml.safe_dump", "re.match", "re.search", "re.sub", "re.findall",
		"re.fullmatch", "os.path.join", "urllib.parse.urlencode", "urllib.parse.quote", "base64.b64encode",
		"base64.b64decode", "hashlib.sha256", "hashlib.md5", "copy.copy", "copy.deepcopy", "dataclasses.asdict",
		"math.ceil", "math.floor", "datetime.datetime.fromtimestamp", "datetime.datetime.fromisoformat",
		"uuid.UUID", "decimal.Decimal", "pydantic.BaseModel.model_validate", "pydantic.BaseModel.parse_obj")
	// Binary and text decoders and encoders that take bytes or a string, as
	// json.loads does (`pickle.loads(f.read())` on an aiofiles file).
	with(ReadsData, "pickle.loads", "marshal.loads", "marshal.dumps", "msgpack.unpackb", "msgpack.packb",
		"msgpack.loads", "msgpack.dumps", "tomllib.loads")
	// A web framework's response takes its body as data: a coroutine passed
	// as the body is sent as "<coroutine object ...>" or fails to encode.
	with(ReadsData, "aiohttp.web.Response", "aiohttp.web.json_response",
		"aiohttp.web_response.Response", "aiohttp.web_response.json_response")
	for _, mod := range []string{"starlette.responses", "fastapi.responses"} {
		with(ReadsData, prefixed(mod+".", "Response", "JSONResponse", "HTMLResponse", "PlainTextResponse",
			"ORJSONResponse", "UJSONResponse")...)
	}
	with(ReadsData, "fastapi.Response", "sanic.response.json", "sanic.response.text", "sanic.response.html", "sanic.response.raw")
	// Writing to a file or a buffer takes the data itself ("a bytes-like
	// object is required, not 'coroutine'").
	for _, typ := range []string{"io.TextIOWrapper", "io.BufferedWriter", "io.BufferedRandom", "io.BytesIO", "io.StringIO"} {
		with(ReadsData, typ+".write", typ+".writelines")
	}
	for _, level := range []string{"debug", "info", "warning", "warn", "error", "exception", "critical", "log"} {
		with(ReadsData, "logging."+level, "logging.Logger."+level, "logger."+level, "loguru.logger."+level)
	}
	// ReadsData on a class or a module holds for each of its own methods or
	// functions (TakesData): none of them awaits, schedules or keeps an
	// awaitable it is given. The data models of discord.py (what its
	// lookups such as `guild.get_role(role_id)` take is an id, a name or an
	// object of the model) and the stdlib modules of pure functions on
	// numbers, strings, bytes, paths and dates. Not modules or classes with
	// a function that returns its argument or keeps it (random.choice of
	// coroutines, functools, itertools, queues, loops, clients).
	with(ReadsData, "discord.Guild", "discord.Member", "discord.User", "discord.Role", "discord.Message",
		"discord.abc.Messageable", "discord.abc.GuildChannel", "discord.TextChannel", "discord.VoiceChannel",
		"discord.StageChannel", "discord.CategoryChannel", "discord.ForumChannel", "discord.Thread",
		"discord.DMChannel", "discord.Embed", "discord.Permissions", "discord.Colour", "discord.Color")
	with(ReadsData, "math", "os.path", "re", "base64", "binascii", "hashlib", "hmac", "urllib.parse", "shlex",
		"html", "textwrap", "uuid", "ipaddress", "datetime", "datetime.datetime", "datetime.date",
		"datetime.timedelta", "decimal", "struct", "zlib", "unicodedata", "json", "pathlib.Path", "pathlib.PurePath")
	// Telethon's generated TL requests and types (telethon/tl/functions/*.py,
	// telethon/tl/types): each class's __init__ stores its fields, and a
	// request's `async def resolve(self, client, utils)` hands them to
	// `client.get_input_entity(...)` and `utils.get_input_*`, which take a
	// peer, an id or a username, never an awaitable
	// (`GetParticipantsRequest(client.get_entity(x), ...)` sends a coroutine
	// object as the channel).
	with(ReadsData, prefixed("telethon.tl.functions.", "account", "auth", "bots", "channels", "contacts",
		"folders", "help", "langpack", "messages", "payments", "phone", "photos", "stats", "stickers", "updates",
		"upload", "users")...)
	with(ReadsData, "telethon.tl.functions", "telethon.tl.types")
}

// TakesData reports whether a call of name reads its arguments only as
// plain data: its own record says so (ReadsData), or it is a direct member
// (method or function) of a class or module whose record says so, and it
// is not recorded as awaiting or scheduling its arguments.
func TakesData(name string) bool {
	if a := find(name); a != nil {
		if a.Roles&AwaitsArgs != 0 {
			return false
		}
		if a.Roles&ReadsData != 0 {
			return true
		}
	}
	i := strings.LastIndexByte(name, '.')
	if i <= 0 {
		return false
	}
	owner, ok := apis[name[:i]]
	return ok && owner.Roles&ReadsData != 0
}

// IteratesArgument gives, for functions whose iteration yields the items
// of one of their arguments, that argument's position: the builtins that
// copy or reorder an iterable, and concurrent.futures.as_completed, which
// yields the futures it is given as they complete.
var IteratesArgument = map[string]int{
	"list": 0, "tuple": 0, "set": 0, "frozenset": 0, "sorted": 0, "reversed": 0, "iter": 0,
	"concurrent.futures.as_completed": 0,
}

// ItemTypes gives the types of items of library objects read with a
// constant key, as "Type[key]": the response dictionaries of AWS clients
// (`(await s3.get_object(...))["Body"]` is a stream whose read() is a
// coroutine).
var ItemTypes = map[string]string{
	"aiobotocore.GetObjectOutput[Body]": "aiobotocore.response.StreamingBody",
}

// LibraryAttrTypes gives the types of attributes of library objects that
// handlers reach through (`message.channel.send(...)` in a discord.py
// handler, `update.message.reply_text(...)` in python-telegram-bot).
var LibraryAttrTypes = map[string]string{
	"discord.Message.channel":                    "discord.abc.Messageable",
	"discord.Message.author":                     "discord.abc.Messageable",
	"discord.Message.guild":                      "discord.Guild",
	"discord.ext.commands.Context.channel":       "discord.abc.Messageable",
	"discord.ext.commands.Context.author":        "discord.abc.Messageable",
	"discord.ext.commands.Context.message":       "discord.Message",
	"discord.ext.commands.Context.guild":         "discord.Guild",
	"discord.ext.commands.Context.bot":           "discord.ext.commands.Bot",
	"discord.Interaction.response":               "discord.InteractionResponse",
	"discord.Interaction.followup":               "discord.Webhook",
	"discord.Interaction.channel":                "discord.abc.Messageable",
	"discord.Interaction.user":                   "discord.abc.Messageable",
	"discord.Interaction.guild":                  "discord.Guild",
	"discord.Interaction.client":                 "discord.Client",
	"discord.Member.guild":                       "discord.Guild",
	"telegram.Update.message":                    "telegram.Message",
	"telegram.Update.effective_message":          "telegram.Message",
	"telegram.Update.callback_query":             "telegram.CallbackQuery",
	"telegram.CallbackQuery.message":             "telegram.Message",
	"telegram.ext.ContextTypes.DEFAULT_TYPE.bot": "telegram.Bot",
	"telegram.ext.CallbackContext.bot":           "telegram.Bot",
	"telegram.ext.Application.bot":               "telegram.Bot",
	"aiogram.types.Message.bot":                  "aiogram.Bot",
	"aiogram.types.CallbackQuery.message":        "aiogram.types.Message",
	"aiogram.types.CallbackQuery.bot":            "aiogram.Bot",
	"aiogram.types.Message.reply_to_message":     "aiogram.types.Message",
	"pyrogram.types.Message.reply_to_message":    "pyrogram.types.Message",
	"pyrogram.types.CallbackQuery.message":       "pyrogram.types.Message",
	"telethon.events.NewMessage.Event.client":    "telethon.TelegramClient",
	"telethon.events.NewMessage.Event.message":   "telethon.tl.custom.Message",
	"starlette.requests.Request.app":             "starlette.applications.Starlette",
}

// PackageAttrTypes gives the types of attributes that every class of a
// library module has (`app` of each of Textual's widgets, screens and
// apps, its message pumps), keyed by the module and the attribute
// (`textual.widgets.app`): a class of the module the tables do not list
// has them too.
var PackageAttrTypes = map[string]string{}

// RunningInstances are library classes of which a program runs one
// instance, which a project makes by subclassing the class: discord.py's
// client and bot. A library object that hands that instance on
// (`ctx.bot`, `interaction.client`, typed by LibraryAttrTypes) hands on
// the project's subclass when the project defines exactly one, so an
// attribute the library does not define (`ctx.bot.db`, the pool the bot's
// setup made) is that subclass's.
var RunningInstances = map[string]bool{
	"discord.Client": true, "discord.AutoShardedClient": true,
	"discord.ext.commands.Bot": true, "discord.ext.commands.AutoShardedBot": true,
}

// RunningInstanceAttrs are the names of the library attributes typed as a
// RunningInstances class (`bot` of `ctx.bot`, `client` of
// `interaction.client`), sorted: a module whose text holds none of them
// asks nothing about the project's subclasses of those classes.
func RunningInstanceAttrs() []string { return runningInstanceAttrs() }

// runningInstanceAttrs is computed once: the tables are filled by the
// package's init functions and never change after, and the lint cache asks
// for every module it summarises.
var runningInstanceAttrs = sync.OnceValue(func() []string {
	seen := map[string]bool{}
	var out []string
	for key, t := range LibraryAttrTypes {
		if !RunningInstances[t] {
			continue
		}
		if name := key[strings.LastIndexByte(key, '.')+1:]; !seen[name] {
			seen[name] = true
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
})

// DerivedClasses are lib and the library classes that derive from it
// through LibraryBases, sorted.
func DerivedClasses(lib string) []string {
	out := []string{lib}
	for typ := range LibraryBases {
		if typ != lib && DerivesFrom(typ, lib) {
			out = append(out, typ)
		}
	}
	sort.Strings(out)
	return out
}

// DerivesFrom reports whether the library class typ is lib or has it among
// its LibraryBases, transitively.
func DerivesFrom(typ, lib string) bool {
	return derivesFrom(typ, lib, 0)
}

func derivesFrom(typ, lib string, depth int) bool {
	if typ == lib {
		return true
	}
	if depth < 8 {
		for _, base := range LibraryBases[typ] {
			if derivesFrom(base, lib, depth+1) {
				return true
			}
		}
		// A fork's class derives from what the original's does.
		if orig, fork, ok := forkOf(typ); ok && derivesFrom(orig, lib, depth+1) ||
			ok && intoFork(lib, fork) != lib && derivesFrom(typ, intoFork(lib, fork), depth+1) {
			return true
		}
	}
	return false
}

// AttrType is the type of attribute attr of an instance of the library
// class typ (its own or inherited from a LibraryBases base), and whether it
// is known.
func AttrType(typ, attr string) (string, bool) {
	return attrType(typ, attr, 0)
}

func attrType(typ, attr string, depth int) (string, bool) {
	if t, ok := LibraryAttrTypes[typ+"."+attr]; ok {
		return t, true
	}
	if i := strings.LastIndexByte(typ, '.'); i > 0 {
		if t, ok := PackageAttrTypes[typ[:i]+"."+attr]; ok {
			return t, true
		}
	}
	if depth < 8 {
		for _, base := range LibraryBases[typ] {
			if t, ok := attrType(base, attr, depth+1); ok {
				return t, true
			}
		}
		// A fork's class has the original's attributes, of the fork's types.
		if orig, fork, ok := forkOf(typ); ok {
			if t, ok := attrType(orig, attr, depth+1); ok {
				return intoFork(t, fork), true
			}
		}
	}
	return "", false
}

// GenericAttrs gives attributes of generic library classes whose type is
// one of the class's type parameters, by its index: a subclass that names
// the parameter (`class E(CoordinatorEntity[MyCoordinator])`) has
// self.coordinator of that type. LibraryAttrTypes gives the type when the
// parameter is not named (its bound).
var GenericAttrs = map[string]int{}

// SocketStreams are the calls that make a file object over a socket
// (`sock.makefile()`): its reads and writes wait as the socket's do, and
// not at all on a socket set non-blocking.
var SocketStreams = map[string]bool{"socket.socket.makefile": true}

// IsGenericClass reports whether the library class typ types an attribute
// by one of its type parameters (GenericAttrs).
func IsGenericClass(typ string) bool {
	return genericClasses()[typ]
}

var genericClasses = sync.OnceValue(func() map[string]bool {
	out := map[string]bool{}
	for key := range GenericAttrs {
		if i := strings.LastIndexByte(key, '.'); i > 0 {
			out[key[:i]] = true
		}
	}
	return out
})

// GenericAttr returns the index of the type parameter that types
// attribute attr of the generic library class typ.
func GenericAttr(typ, attr string) (int, bool) {
	i, ok := GenericAttrs[typ+"."+attr]
	return i, ok
}

// LibraryBases gives the library base classes of library classes whose
// methods and attributes are those bases' (every Home Assistant entity
// class is an Entity).
var LibraryBases = map[string][]string{}

// CommandGroups gives, for a decorator that turns the function into a
// command group (discord.py's `commands.group`: "A decorator that
// transforms a function into a Group", discord/ext/commands/core.py), the
// names of the group's own decorators that register subcommands
// (GroupMixin.command and GroupMixin.group: "A shortcut decorator that
// invokes command() and adds it to the internal command list"; HybridGroup's
// command and group in discord/ext/commands/hybrid.py). A subcommand's
// handler gets the arguments CallbackParams gives the group's decorator:
// `@_set.command(name="location") async def _set_location(self, ctx, ...)`
// under `@commands.group(name="set") async def _set(self, ctx)`.
var CommandGroups = map[string][]string{
	"discord.ext.commands.group":            {"command", "group"},
	"discord.ext.commands.Bot.group":        {"command", "group"},
	"discord.ext.commands.hybrid_group":     {"command", "group"},
	"discord.ext.commands.Bot.hybrid_group": {"command", "group"},
}

// CommandGroupDecorators reports whether decorator name (a command group's
// library decorator, or a fork's) gives its group a subcommand decorator
// called attr (CommandGroups).
func CommandGroupDecorators(name, attr string) bool {
	subs := CommandGroups[name]
	if subs == nil {
		if orig, _, ok := forkOf(name); ok {
			subs = CommandGroups[orig]
		}
	}
	for _, s := range subs {
		if s == attr {
			return true
		}
	}
	return false
}

// CallbackParams gives the argument types a library passes to the handlers
// it registers by decorator (`@bot.command()` handlers get a Context first).
var CallbackParams = map[string][]string{
	"discord.ext.commands.command":              {"discord.ext.commands.Context"},
	"discord.ext.commands.hybrid_command":       {"discord.ext.commands.Context"},
	"discord.ext.commands.Bot.command":          {"discord.ext.commands.Context"},
	"discord.ext.commands.Bot.hybrid_command":   {"discord.ext.commands.Context"},
	"discord.ext.commands.group":                {"discord.ext.commands.Context"},
	"discord.ext.commands.hybrid_group":         {"discord.ext.commands.Context"},
	"discord.ext.commands.Bot.group":            {"discord.ext.commands.Context"},
	"discord.ext.commands.Bot.hybrid_group":     {"discord.ext.commands.Context"},
	"discord.ext.commands.Bot.tree.command":     {"discord.Interaction"},
	"discord.app_commands.command":              {"discord.Interaction"},
	"discord.app_commands.CommandTree.command":  {"discord.Interaction"},
	"aiogram.Router.message":                    {"aiogram.types.Message"},
	"aiogram.Dispatcher.message":                {"aiogram.types.Message"},
	"aiogram.Dispatcher.message_handler":        {"aiogram.types.Message"},
	"aiogram.Router.callback_query":             {"aiogram.types.CallbackQuery"},
	"aiogram.Dispatcher.callback_query":         {"aiogram.types.CallbackQuery"},
	"aiogram.Dispatcher.callback_query_handler": {"aiogram.types.CallbackQuery"},
	"pyrogram.Client.on_message":                {"pyrogram.Client", "pyrogram.types.Message"},
	"pyrogram.Client.on_callback_query":         {"pyrogram.Client", "pyrogram.types.CallbackQuery"},
	"pyrogram.Client.on_edited_message":         {"pyrogram.Client", "pyrogram.types.Message"},
	"telethon.TelegramClient.on":                {"telethon.events.NewMessage.Event"},
}

// ParamConvention is a library's calling convention recognised by the
// parameter names alone: a coroutine function (async def) whose
// parameters, after self in a method, are exactly Params is one the
// library calls, and its parameter Param gets an instance of Type. It is
// used for a parameter nothing else types (no annotation, no project call,
// no decorator): gRPC's servicer methods are registered through generated
// code the project rarely shows (`add_XServicer_to_server`), and their
// `context` is seldom annotated.
type ParamConvention struct {
	Params      []string
	Param, Type string
	// Packages are the top-level packages one of which the function's
	// module must be part of or import (a qualified import name starting
	// with one), or a generated module whose name ends in one of
	// ModuleSuffixes: the convention is the library's only where it is used.
	Packages, ModuleSuffixes []string
	Note                     string
}

// usedBy reports whether one of names (a module's own qualified name and
// the qualified names it imports) is of c's packages or a generated module
// of c.
func (c ParamConvention) usedBy(names []string) bool {
	for _, n := range names {
		top, _, _ := strings.Cut(n, ".")
		for _, p := range c.Packages {
			if top == p {
				return true
			}
		}
		last := n[strings.LastIndexByte(n, '.')+1:]
		for _, suffix := range c.ModuleSuffixes {
			if strings.HasSuffix(last, suffix) {
				return true
			}
		}
	}
	return false
}

// ParamConventions lists the conventions (ParamConvention).
var ParamConventions []ParamConvention

// ConventionParamType returns the type a ParamConvention gives parameter
// name of a coroutine function whose own parameters (without self) are
// params, or "".
func ConventionParamType(params []string, name string, moduleNames []string) string {
	for _, c := range ParamConventions {
		if c.Param != name || len(c.Params) != len(params) || !c.usedBy(moduleNames) {
			continue
		}
		same := true
		for i := range params {
			if params[i] != c.Params[i] {
				same = false
				break
			}
		}
		if same {
			return c.Type
		}
	}
	return ""
}

// CallbackKeywordParams gives, for a decorator whose library calls the
// handler with arguments chosen by the handler's parameter names (Slack
// Bolt's listeners: `async def handle(ack, say, body)` gets an AsyncAck and
// an AsyncSay whatever their order), the type of the argument passed to
// each parameter name it fills.
var CallbackKeywordParams = map[string]map[string]string{}

// CallbackKeywordParamType gives the type the decorator name's library
// passes to a handler parameter called param (CallbackKeywordParams), or "".
func CallbackKeywordParamType(name, param string) string {
	return CallbackKeywordParams[name][param]
}

// Registration is where a handler registered by a call sits among the
// call's positional arguments, and the argument types it will receive.
// An event emitter's registration (Playwright's `page.on("response",
// handler)`) gives them by the event named in the first argument instead:
// Events, with Types unset; an event it does not list types nothing.
type Registration struct {
	Arg    int
	Types  []string
	Events map[string][]string
}

var ptbHandler = []string{"telegram.Update", "telegram.ext.CallbackContext"}

// HandlerRegistrations are calls that register a handler function
// (`CommandHandler("start", start)`, aiogram 3's `router.message.register(h)`).
var HandlerRegistrations = map[string]Registration{
	"telegram.ext.CommandHandler":                        {Arg: 1, Types: ptbHandler},
	"telegram.ext.MessageHandler":                        {Arg: 1, Types: ptbHandler},
	"telegram.ext.CallbackQueryHandler":                  {Arg: 0, Types: ptbHandler},
	"telegram.ext.InlineQueryHandler":                    {Arg: 0, Types: ptbHandler},
	"telegram.ext.PrefixHandler":                         {Arg: 2, Types: ptbHandler},
	"aiogram.Router.message.register":                    {Arg: 0, Types: []string{"aiogram.types.Message"}},
	"aiogram.Router.callback_query.register":             {Arg: 0, Types: []string{"aiogram.types.CallbackQuery"}},
	"aiogram.Dispatcher.message.register":                {Arg: 0, Types: []string{"aiogram.types.Message"}},
	"aiogram.Dispatcher.register_message_handler":        {Arg: 0, Types: []string{"aiogram.types.Message"}},
	"aiogram.Dispatcher.register_callback_query_handler": {Arg: 0, Types: []string{"aiogram.types.CallbackQuery"}},
}

// Playwright's async API emits events to handlers registered with
// `on`/`once` on a page or a browser context; each event passes one
// object (async_api types).
func init() {
	const pw = "playwright.async_api."
	page := map[string][]string{
		"close": {pw + "Page"}, "crash": {pw + "Page"}, "domcontentloaded": {pw + "Page"}, "load": {pw + "Page"},
		"popup": {pw + "Page"}, "console": {pw + "ConsoleMessage"}, "dialog": {pw + "Dialog"},
		"download": {pw + "Download"}, "filechooser": {pw + "FileChooser"}, "frameattached": {pw + "Frame"},
		"framedetached": {pw + "Frame"}, "framenavigated": {pw + "Frame"}, "request": {pw + "Request"},
		"requestfailed": {pw + "Request"}, "requestfinished": {pw + "Request"}, "response": {pw + "Response"},
		"websocket": {pw + "WebSocket"}, "worker": {pw + "Worker"},
	}
	context := map[string][]string{
		"page": {pw + "Page"}, "backgroundpage": {pw + "Page"}, "close": {pw + "BrowserContext"},
		"console": {pw + "ConsoleMessage"}, "dialog": {pw + "Dialog"}, "request": {pw + "Request"},
		"requestfailed": {pw + "Request"}, "requestfinished": {pw + "Request"}, "response": {pw + "Response"},
	}
	for _, m := range []string{"on", "once"} {
		HandlerRegistrations[pw+"Page."+m] = Registration{Arg: 1, Events: page}
		HandlerRegistrations[pw+"BrowserContext."+m] = Registration{Arg: 1, Events: context}
	}
}

// HandlerLibrary reports whether an imported name belongs to a library
// that registers handlers by call.
func HandlerLibrary(qualified string) bool {
	return strings.HasPrefix(qualified, "telegram") || strings.HasPrefix(qualified, "aiogram") ||
		strings.HasPrefix(qualified, "playwright.async_api")
}

// DiscordEvents gives the argument types of discord.py event handlers, which
// are registered by name (`@client.event`, a Client subclass's method, or
// `@commands.Cog.listener()`).
var DiscordEvents = map[string][]string{
	"on_message":        {"discord.Message"},
	"on_message_delete": {"discord.Message"},
	"on_message_edit":   {"discord.Message", "discord.Message"},
	"on_member_join":    {"discord.Member"},
	"on_member_remove":  {"discord.Member"},
	"on_guild_join":     {"discord.Guild"},
	"on_interaction":    {"discord.Interaction"},
}

// KeepsCoroutine are decorators that leave a coroutine function one (the
// standard library's, and libraries' that wrap it in another coroutine).
var KeepsCoroutine = map[string]bool{
	"staticmethod": true, "classmethod": true, "abc.abstractmethod": true, "functools.wraps": true, "typing.override": true,
	"typing_extensions.override": true, "override": true, "abstractmethod": true, "typing.final": true,
	"typing_extensions.final": true, "tenacity.retry": true, "backoff.on_exception": true, "backoff.on_predicate": true,
	"async_lru.alru_cache": true, "aiocache.cached": true, "asyncstdlib.lru_cache": true, "asyncstdlib.cache": true,
}

// CoroutineFunctionTests are the functions that answer whether their
// argument is a coroutine function (an `async def`, or a callable marked as
// one): inspect's and asyncio's, and asgiref's (Django's middleware
// factories ask it of get_response, asgiref/sync.py; it is
// inspect.iscoroutinefunction that also sees markcoroutinefunction's mark).
// Under `if iscoroutinefunction(f):` a call of f makes a coroutine,
// whatever f's annotation says.
var CoroutineFunctionTests = map[string]bool{
	"inspect.iscoroutinefunction": true, "asyncio.iscoroutinefunction": true,
	"asyncio.coroutines.iscoroutinefunction": true, "asgiref.sync.iscoroutinefunction": true,
}

// GeneratorCoroutineDecorators make the function they decorate a
// generator-based coroutine function (Python before 3.11): calling it
// makes a coroutine that runs only when awaited or delegated to with
// `yield from`, which inside it is what `await` is in an `async def`.
// asyncio's wraps any function (a plain one too); types.coroutine only
// marks a generator function (TypesCoroutine).
var GeneratorCoroutineDecorators = map[string]bool{
	"asyncio.coroutine": true, "asyncio.coroutines.coroutine": true, TypesCoroutine: true,
}

// TypesCoroutine is the decorator that makes only a generator function a
// coroutine function (any other function keeps what it returns).
const TypesCoroutine = "types.coroutine"

// KnownBases gives, for built-in and standard-library types, every base
// class (transitively, without object): enough to decide an
// `isinstance(x, T)` test on a value of that type (io.BytesIO is an
// io.IOBase, and not a str).
var KnownBases = map[string][]string{
	"NoneType": nil, "str": nil, "bytes": nil, "bytearray": nil, "int": nil, "float": nil, "bool": {"int"}, "list": nil,
	"tuple": nil, "dict": nil, "set": nil, "frozenset": nil,
	"io.BytesIO": {"io.BufferedIOBase", "io.IOBase"}, "io.StringIO": {"io.TextIOBase", "io.IOBase"},
	"io.BufferedReader": {"io.BufferedIOBase", "io.IOBase"}, "io.BufferedWriter": {"io.BufferedIOBase", "io.IOBase"},
	"io.BufferedRandom": {"io.BufferedIOBase", "io.IOBase"}, "io.BufferedRWPair": {"io.BufferedIOBase", "io.IOBase"},
	"io.TextIOWrapper": {"io.TextIOBase", "io.IOBase"}, "io.FileIO": {"io.RawIOBase", "io.IOBase"},
	"io.BufferedIOBase": {"io.IOBase"}, "io.TextIOBase": {"io.IOBase"}, "io.RawIOBase": {"io.IOBase"}, "io.IOBase": nil,
}

// markerBases are library classes a class lists as a base for what they
// mark (abstractness, generic parameters, structural typing), not for
// behaviour: they define no public attribute, so a method another base
// defines is never hidden by them.
var markerBases = map[string]bool{
	"object": true, "builtins.object": true, "abc.ABC": true,
	"typing.Generic": true, "typing.Protocol": true,
	"typing_extensions.Generic": true, "typing_extensions.Protocol": true,
}

// MarkerBase reports one of the markerBases (`object`, `abc.ABC`,
// `typing.Generic`, `Protocol`): a base that gives its subclasses no
// `__init__` of its own, so a base listed after it still does.
func MarkerBase(name string) bool { return markerBases[name] }

// UntypedInstance reports a type that says nothing about what an instance
// of it can do: `object` and `Any` (`self._credentials: object | None`), so
// a method called on one is as good as a method of an unknown receiver.
func UntypedInstance(typ string) bool { return untypedInstances[typ] }

var untypedInstances = map[string]bool{"object": true, "builtins.object": true, "typing.Any": true,
	"typing_extensions.Any": true}

// markerPrivate are the private (single-underscore) names the marker
// bases do define.
var markerPrivate = map[string]bool{"_abc_impl": true, "_is_protocol": true, "_is_runtime_protocol": true}

// LacksAttr reports whether the library class cls is known to define no
// attribute attr: a marker base (abc.ABC, typing.Generic, Protocol) has
// only dunder names and a few private ones of its own (markerPrivate), so
// a private name a subclass's other base sets (`self._tasks`) is not
// one of its. attr "" asks about any public attribute.
func LacksAttr(cls, attr string) bool {
	if !markerBases[cls] {
		return false
	}
	return !strings.HasPrefix(attr, "__") && !markerPrivate[attr]
}

// OpenerMode says where a call that opens a file takes its mode (the
// positional index, or `mode=`; `buffering` is the next one, or
// `buffering=`) and the mode when none is given.
type OpenerMode struct {
	Pos     int
	Default string
}

// FileOpenerModes are the openers whose mode decides the class of the file
// object they return; the file table types every one of them as
// TextFileType. (tempfile's TemporaryFile and NamedTemporaryFile default to
// "w+b".)
var FileOpenerModes = map[string]OpenerMode{
	"open": {1, "r"}, "io.open": {1, "r"}, "pathlib.Path.open": {0, "r"},
	"tempfile.TemporaryFile": {0, "w+b"}, "tempfile.NamedTemporaryFile": {0, "w+b"},
}

// TextFileType is the type the file table gives every opener's result.
const TextFileType = "io.TextIOWrapper"

// BinaryFileClass names the class open() returns for a binary mode, as the
// io docs say: "in read binary mode, it returns an io.BufferedReader; in
// write binary and append binary modes, it returns an io.BufferedWriter,
// and in read/write mode, it returns an io.BufferedRandom". "" for a text
// mode. Unbuffered (buffering 0, binary only) it returns the raw stream:
// "When buffering is disabled, the raw stream, a subclass of
// io.RawIOBase, io.FileIO, is returned."
func BinaryFileClass(mode string, unbuffered bool) string {
	switch {
	case !strings.Contains(mode, "b"):
		return ""
	case unbuffered:
		return "io.FileIO"
	case strings.Contains(mode, "+"):
		return "io.BufferedRandom"
	case strings.Contains(mode, "r"):
		return "io.BufferedReader"
	default:
		return "io.BufferedWriter"
	}
}
