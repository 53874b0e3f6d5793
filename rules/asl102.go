package rules

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/pylib"
)

// ASL102 reports coroutines that are created and never awaited.
var ASL102 = register(&Rule{
	Code:    "ASL102",
	Name:    "coroutine-never-awaited",
	Summary: "Coroutine created but never awaited",
	Rationale: "Calling a coroutine function only creates a coroutine object; nothing runs until it is awaited or " +
		"scheduled. A call whose result is dropped, tested in a condition (`if not repo.exists(id):` is always " +
		"false, since a coroutine object is truthy), used as an operand, or stored in a variable that is never used " +
		"again silently does nothing, and Python only warns `coroutine ... was never awaited` at garbage collection.",
	Bad: `async def exists(key): ...

async def handler(key):
    if not exists(key):
        raise KeyError(key)`,
	Good: `async def exists(key): ...

async def handler(key):
    if not await exists(key):
        raise KeyError(key)`,
	Severity:  Error,
	Default:   true,
	CrossFile: true,
	Fix:       "Insert `await` before the call (only inside an async function), parenthesised when the call is the object of an attribute, subscript or call: `(await prompt(...)).strip()`.",
	Notes: "Coroutine functions are the project's `async def` functions and methods (in any module; also a library's " +
		"`async def` that `pylib` has no record of, when the project's virtual environment holds its source, README " +
		"\"Installed libraries\"; not async " +
		"generators, and not functions whose decorators might change what they return; generator-based coroutines " +
		"(`@asyncio.coroutine`, and `@types.coroutine` on a generator) are coroutine functions too, and in them `yield from` " +
		"is the await: what it gives has the awaited type, and a call left without it is reported with `yield from` as the fix; " +
		"a plain generator is not one; decorators of the project that return " +
		"an `async def` wrapper or a synchronous one whose every return is the wrapped function's call as it is " +
		"(`return func(*args, **kwargs)`, converting errors or not), and `tenacity.retry`, `backoff.on_exception`, `alru_cache` and the like, keep them coroutine functions), " +
		"the project's synchronous functions that only return such a call (`def fetch(self): return self._fetch()`; called from " +
		"synchronous code, only when no path of it ends without a return: `if loop.is_running(): return self._close()` falling " +
		"through to `loop.run_until_complete(...)` does its work there; called from async code, a `return` of nothing on some path " +
		"(`if self.is_bot: return` before `return self.client(request)`) does not keep it from being one; a return of an attribute of self counts as such a call when every " +
		"value the class stores there is such a call of that same method, `if not hasattr(self, \"_room\"): self._room = Room.objects.aget(...)` " +
		"then `return self._room`, and neither the class body nor a base class of the project binds it), " +
		"asyncio's own coroutine functions such as `asyncio.sleep` (and `asyncio.gather`, whose future must be awaited too; the " +
		"future of an executor job, `loop.run_in_executor(...)` or Home Assistant's `hass.async_add_executor_job(...)`, also on a " +
		"receiver of unknown type, is reported only when an async function uses it as the job's result, `data = " +
		"hass.async_add_executor_job(load_yaml, path)` then `data[key]`: the job runs whether or not it is awaited, so a dropped " +
		"one is fire-and-forget), and the " +
		"coroutine methods of common async libraries listed in `pylib/` (aiohttp, requests-async, httpx, asyncpg, aiosqlite, SQLAlchemy's " +
		"`AsyncSession`/`AsyncConnection`, aiobotocore/aioboto3 clients, motor, redis.asyncio, aiofiles, websockets, Starlette/FastAPI " +
		"requests and websockets, the OpenAI and Anthropic async clients and the async twins of the service clients ASL202 lists " +
		"(`AsyncElasticsearch`, Slack's `AsyncWebClient`, `AsyncGroq`, `ollama.AsyncClient`, Cohere's, Mistral's `*_async` methods, " +
		"Google Gen AI's `client.aio`, `AsyncTeleBot`, Tweepy's `AsyncClient`, Stripe's `*_async`), the asyncio clients the " +
		"library coverage audit added (docs/pylib-coverage.md: asyncssh, aiosmtplib, aioftp, aioimaplib, aiomysql, aiopg, " +
		"psycopg 3's `AsyncConnection` and psycopg_pool's async pool, encode's databases, aiomcache, aiocache, " +
		"`AsyncOpenSearch`, curl_cffi's `AsyncSession`, kubernetes_asyncio, Firestore's `AsyncClient`, Azure's `.aio` clients, " +
		"Google Cloud's `*AsyncClient`s, `StripeClient`'s `*_async`, " +
		"LangChain's `ainvoke`/`aembed_*` and LlamaIndex's `aquery`/`achat`/`acomplete`), Django's async ORM methods " +
		"(`aget`, `acreate`, `asave`), Tortoise ORM's models and querysets (`Model.create`, an instance's `save` and `delete`; a " +
		"queryset's `update`, `delete`, `count` and `exists`, queries that run only when awaited), Dask distributed's `rpc` (every method call, `close_rpc` and `live_comm`, " +
		"and the Comm's `read`/`write`/`close`; dask/dask-gateway#588, bench/realbugs82), fastmcp's server and its `_tool_manager`, and the bot frameworks discord.py (also under its forks disnake and nextcord, pylib.Forks: their own records say where they differ, such as the synchronous `bot.load_extension`/`add_cog` both kept from discord.py 1.7), aiogram, " +
		"python-telegram-bot, Telethon and Pyrogram (discord.py's `load_extension`, `reload_extension`, `unload_extension`, `add_cog` " +
		"and `remove_cog` became coroutines in 2.0: they are plain methods in a project whose dependency declarations keep discord.py " +
		"below 2.0, as `discord.py==1.7.3` or `<2` in requirements*.txt or requirements/*.txt, `~=1.7` in pyproject.toml, Poetry's " +
		"`^1.7`, setup.cfg's or setup.py's install_requires, read in the nearest directory that has some, the file's own or " +
		"above it up to the repository's top, so the answer depends on where the file is, not on where the check started " +
		"(`check bot/bot.py`, `check .`, a folder of several bots); with no declaration the module's own calls decide: a call of an API the " +
		"release removed (pylib.API.RemovedIn: aioredis 2.0 removed 1.x's `create_redis`, `create_redis_pool`, `create_pool`, " +
		"`create_connection`) means the older release, else the newest release counts; aioredis 1.x's `Redis.close()` is a plain " +
		"method (its coroutine is `wait_closed()`), a coroutine only since 2.0, so corpus2's aioinflux, which calls `create_redis`, " +
		"gets no finding at `self._redis.close()`; testdata `aioredis_versions.py`, `aioredis_v1_project`); " +
		"the A2A SDK's `EventQueue.enqueue_event` and `TaskUpdater`'s publishing methods (`update_status`, `add_artifact`, " +
		"`complete`, `failed`, `start_work`, ...) became coroutines in a2a-sdk 0.2.6 and are plain methods in a project that keeps " +
		"a2a-sdk below it (realbugs58's primr executor; testdata `a2a_agent_executor.py`, `a2a_sdk_pinned_before_0_2_6`); " +
		"Inspect AI's `get_model(...)` returns a Model whose `generate` is a coroutine (realbugs58's PostTrainBench eval; " +
		"testdata `inspect_ai_models.py`); " +
		"a handler's untyped `ctx`, `message`, `event` or `interaction` takes its type from the " +
		"registering decorator or the event's name, and an untyped parameter of an undecorated helper takes the type every call of the module passes it, " +
		"through chains of helpers; one its own module leaves untyped, of a function other modules call by name (a module-level function, " +
		"a class's `__init__` through `ClassName(...)`, a classmethod or staticmethod; not in a module named like a library), takes the type " +
		"every call of the project passes it, when each passes it, positionally or by keyword, a value of one known type where the call is " +
		"written and no module uses the function as a value (`DgHandler(self.nc)` in another module, with `nc: NATS` there, makes the " +
		"handler's `self.nc.publish(...)` a coroutine call; a call whose callee resolves to another function of that name is not one " +
		"of its calls); what awaiting a send gives is the sent message); an untyped parameter of a pytest test (a `test*` function " +
		"or method of a `Test*` class) or fixture takes the value of the fixture of that name (`@pytest.fixture`, " +
		"`@pytest_asyncio.fixture`, or its `name=`) that its class or module defines, the class's first: what the fixture returns " +
		"(awaited, for an `async def`) or yields (`async with AsyncClient(...) as ac: yield ac` gives an AsyncClient; realbugs69; " +
		"conftest.py fixtures are not followed; a name `@pytest.mark.parametrize` lists for the test or its class is its values, " +
		"not the fixture). Receivers are typed through constructors, `with ... as` targets (also `as self.attr`), `self.attr = ...` in methods and in " +
		"functions nested in them (also `object.__setattr__(self, \"attr\", ...)` and `setattr(self, \"attr\", ...)`), names declared `global` and assigned in a function, annotations (also a bare `name: T` " +
		"declaration assigned later), properties, type aliases (`type E = ConfigEntry[Data]`, `E: TypeAlias = ...`, `E = ConfigEntry[Data]`), " +
		"the type arguments of a library generic whose attribute is typed by its parameter (`entry.runtime_data` of a " +
		"`ConfigEntry[Data]` is a `Data`) and of a generic class of the project (`class Holder(Generic[T])`, `Protocol[T]`, " +
		"`class Holder[T]:`, in any module; a `Holder[Client]`'s own methods returning `T`, `Optional[T]` or `T | None`, its properties and " +
		"attributes annotated `T` give a `Client`), " +
		"`Optional[...]`, annotated containers (`dict[int, Player]`), class attributes, base classes and mixins (attributes they " +
		"declare or set too), chains of attributes typed in classes of other modules (`self.coordinator.client.api.fetch()`, any " +
		"number of hops; a cycle or an unknown hop is unknown), copies " +
		"(`copy.copy`/`copy.deepcopy` of a typed value; `self.x = backup` where `backup = deepcopy(self.x)` keeps self.x's type), " +
		"`x or Default()` and conditionals whose branches agree or that default a name they test (`x if x else Default()`), " +
		"unpacking (`fn, args, cleanup = transform(req)`: each name takes the element at its position of a tuple display, of every " +
		"tuple the helper returns, in any module, when all have the target's arity and agree on the type there, or of its " +
		"`tuple[...]` return annotation, or of the results `await asyncio.gather(...)` gives in the order of its awaitables; a " +
		"starred target, another arity, `return_exceptions` or a return of another shape is unknown), items of a name " +
		"bound once to a dict, list or tuple display whose values agree (`pools[name]`), loop and comprehension variables " +
		"whose iterable's elements agree (a display or a name bound once to one, a container annotated `list[Client]`, " +
		"`Sequence[Client]`..., the keys, `.values()` or `.items()` of an annotated mapping, the `.values()` of a name bound once " +
		"to a dict display, `enumerate` and `zip` of them; not " +
		"`async for`), and functions of other " +
		"modules whose return annotation or every `return` names the type (not the annotation of a function that returns what " +
		"it was given, a parameter, its attribute or a `typing.cast` of either: click's `_find_binary_writer(stream) -> " +
		"Optional[BinaryIO]` returns the caller's stream, sys.stdout, not a file); a library instance imported from another module keeps the " +
		"types its library records for its attributes. A method called on an unannotated parameter the function never rebinds " +
		"(`db=Depends(get_db)`, with `get_db` outside the run) counts when the module awaits at least two other methods on " +
		"that parameter, in the same function or in coroutines that declare it in the very same words, and every library " +
		"class the tables record all those as coroutine methods for records the called one as a coroutine method too (and none " +
		"records it otherwise): `await db.commit()`, `await db.execute(...)`, `await db.delete(x)` name SQLAlchemy's " +
		"`AsyncSession`, so a lone `db.rollback()` is its un-awaited coroutine (bench/realbugs71's metabolomics router; " +
		"testdata `awaited_sibling_methods_identify_receiver.py`); not the first parameter of a method, nor under a test " +
		"of the value's type, nor when a class of the module or of a module it imports defines the method synchronously beside " +
		"an awaited one as an `async def` (a project wrapper the parameter may hold: `awaited_siblings_project_wrapper`). A call of unknown callee counts too when the same " +
		"async function awaits the very same callee elsewhere (`await message.channel.send(...)`), on a dotted path from a " +
		"parameter it never rebinds or a bare name bound once (a parameter, or one assignment such as `old_handle = " +
		"App._handle` in an enclosing function or the module; not a project function, an import or a library API the tables " +
		"record; not in a function that asks `iscoroutine...`/`isawaitable`, and for a bare name not by an await in another " +
		"branch of an `if` around the call: `if kind == ARTIFICIAL: player = await func(*args) else: player = func(*args)` " +
		"dispatches on what the test knows of `func`); a dotted path from a parameter of an enclosing " +
		"function that it never rebinds is one object for every coroutine nested there, so an await of the same callee in any of " +
		"them counts (the handlers a `def register_handlers(sio):` defines: `await sio.leave_room(...)` in one, " +
		"`sio.leave_room(...)` in another); not under an `isinstance`/`hasattr` test and not under a name some library uses for work " +
		"that runs without an await (`run_in_executor`, `create_task`); a method name that the module, or a class of the project it " +
		"imports by name, defines synchronously is left out (the receiver may be that class's instance, whose method returns a " +
		"Future on one path and a value on another: a test's `c.get(..., sync=False)` of the project's `Client`). An item of a table of callables (`HANDLERS[kind](event)`, " +
		"`HANDLERS.get(kind)(event)`, or a name bound to either; the table a name or `self` attribute bound once to a dict, list or " +
		"tuple display) is a coroutine function when every value of the table is one; a plain function among them, or a default " +
		"of `.get` that is one, keeps it quiet. A call of a synchronous function annotated `-> Coroutine[...]` makes a coroutine " +
		"(not `-> Awaitable[...]`, which mostly means a future or task whose work runs anyway, nor `Optional[Coroutine[...]]`), and so " +
		"does taking an item without awaiting (`q.get_nowait()`, `d.pop(k)`) from a queue or container annotated with " +
		"`Awaitable`/`Coroutine` items (also an attribute annotated in a class of another module: `hooks.queue.get_nowait()`). `[tool.asyncls]` `coroutine-functions` and " +
		"`coroutine-wrappers` add your own. A call of a callee no table records (a vendored SDK's `client.fetch`, a " +
		"receiver of unknown type) counts when it alone is not awaited while the coroutines of its module await the same callee " +
		"at least twice and use it no other way (the same resolved name, the same unresolved value path, or the same " +
		"`self.X...` path with X assigned once in the class); the lone call may also be one whose value a synchronous " +
		"function throws away (a shutdown callback's `self.client.disconnect()`); not when it is also called from " +
		"synchronous code otherwise or its result " +
		"used as a value elsewhere, for work that runs without an await (`run_in_executor`, `ensure_future`, `create_future`), " +
		"a name the module defines as a synchronous def or references as a value, a project function or class, an API the " +
		"tables record, or in a function that asks `iscoroutine...`/`isawaitable` or under a type test; the message names the " +
		"awaited lines. One await of the callee in the module's coroutines is enough when the lone call's value, in a coroutine, is " +
		"then used as the result would be (iterated, subscripted, unpacked, an attribute read, tested or negated: " +
		"`reports = self.report_dao.get_all()` then `for r in reports`, with `await self.report_dao.get_all()` in another method); " +
		"a value thrown away or handed on still needs two. Those awaits show an awaitable, not a coroutine: a method called on the " +
		"value in a chain that is awaited is a query builder's documented use and is not reported (Tortoise ORM's `await " +
		"Channel.get_or_none(alias=a).select_related(\"application\")`, with `await Channel.get_or_none(...)` twice in the module: a " +
		"coroutine object has no such method, and the line would fail at its first run); the same chain un-awaited, or a method " +
		"chained on a coroutine function the project defines, still is. The awaits are counted in the module; whether any module of the project calls the callee from " +
		"synchronous code, or in coroutines without ever awaiting it, is asked of the project's index, so every entry point " +
		"gives the same answer.\n\n" +
		"A read of a property of the project whose getter returns a coroutine (`@property def data(self): return " +
		"self._fetch()`) makes one, and is judged as a call is (`store.data[\"x\"]` is reported; `await store.data` is " +
		"fine).\n\n" +
		"The value of the call is followed where it goes, through names, `typing.cast` and containers: awaiting it, scheduling it " +
		"(`gather`, `create_task`, `wait_for`...; not a list, tuple, set, dict or comprehension holding it, written in the call or " +
		"a local bound to one, handed whole as one argument to an API that takes each awaitable as an argument of its own, " +
		"pylib's AwaitablesOneByOne: `asyncio.gather([f(x) for x in xs])`, `gather(f(x) for x in xs)`, `ensure_future([...])` " +
		"raise TypeError and await none of them; `asyncio.wait` and `as_completed` take an iterable), returning it from a *sync* function, storing it in an attribute, or passing it to " +
		"code that may await it is fine (so is `c = f(); ...; await c`; an argument that lands in a project function's " +
		"`*args` or `**kwargs`, also annotated, is one item of the tuple or dict and is not followed in: aioitertools' own " +
		"`gather(*args)` counts `len(args)`); an attribute `self.x` it is stored in counts as used " +
		"as the result when no method awaits or hands on `self.x`, or when the very next statement (an `if`'s condition) uses it " +
		"that way, whatever later code does with it; a private one (`self._payload`) that the class only prints, formats, logs " +
		"as text or tests, that no method awaits or hands on and that the module names only as an attribute of self (no " +
		"`x._payload`, no subclass of the module reading it), is never run and is reported as a local name is. A local compared by identity (`is`, `is not`) with anything but a constant " +
		"asks which object it is: it counts as used as the result only when nothing awaits or schedules it (`handle = " +
		"tg.create_task(coro)`, then `assert handle.coro is coro` is quiet). Reported: discarding it; using it as if it were the result " +
		"(reading an attribute, subscripting, unpacking, iterating, comparing, arithmetic, `with` — but a plain `with` on a " +
		"library awaitable that is an async-only context manager, `aiosqlite.connect(p)` or asyncpg's `pool.acquire()`, is " +
		"ASL108's, whose fix is `async with`; `async with` when the call makes a bare " +
		"coroutine, which has no `__aenter__`: a project `async def`, or a library coroutine function pylib records so, " +
		"bleak-retry-connector's `establish_connection`, realbugs69; a library awaitable may be an async context manager too, " +
		"aiohttp's `session.get(...)`, and is left alone); passing it to a builtin or to a " +
		"function that reads data (`json.loads`, logging, a web framework's response body: `web.Response(body=...)`, " +
		"`JSONResponse(...)`), to a method of a library data model or a function of a stdlib module of pure functions " +
		"(pylib's ReadsData on a class or module: discord.py's `guild.get_role(...)`, `embed.add_field(...)`; Home Assistant's `hass.states.get(...)`; `os.path`, " +
		"`datetime`, `hashlib`, `re`...; a library callee nothing is recorded about may await its argument and is left " +
		"alone), or to a method of a literal (`\", \".join(...)`; `\"{}\".format(...)` counts as formatting it) or to a library coroutine that takes data (`ctx.send(...)`), or to a synchronous request to a service that pylib records " +
		"(an ORM query or write, `User.objects.create(group=...)`; a database client's `insert_one(...)`: it sends its arguments); passing it to the constructor of an " +
		"exception raised at once (`raise E(coro())`, E a project class or a name written like a class, not a lowercase factory); returning it " +
		"from an `async def` (awaiting the caller then gives a coroutine object), also as the value of a string-keyed entry of " +
		"the dict it returns (`return {\"sessions\": f()}`, or a local dict holding it under such a key returned whole, unless " +
		"something consumed it first; a list, a comprehension or a non-constant key is a batch the caller may gather and is " +
		"left alone); putting it in a container handed to such code; " +
		"using a local that holds it as the result before a nested function that captures the name is defined (the nested " +
		"function may await it, but not before it exists); " +
		"storing it as an item of a local container under a constant key (`d[\"k\"] = f()`, `d = {\"k\": f()}`, " +
		"`d = dict(k=f())`, `d.update(k=f())`, `d.setdefault(\"k\", f())`, `l[0] = f()`) " +
		"and using that item (`d[\"k\"]`, until it is stored again) in any of these ways; " +
		"assigning it in one branch while only another awaits; storing it unconditionally and awaiting it only inside an `if` " +
		"whose other path (no `else`, or a branch without an await, a scheduling or `.close()`) drops it (under a loop, `try` or " +
		"`match` every path is taken as covered; none of the 1M corpus lines has this shape, so reporting it costs no noise); storing it and awaiting " +
		"it further down when a statement between the two can leave first (a `return` under an `if`, in an except clause " +
		"or a `with`; a `break` or `continue` of the loop the code is in) and does not mention the name (`pending.close(); " +
		"return` is the code's own handling; a `raise` abandons more than the coroutine and is not judged); returning it from a lambda handed to an API that calls its " +
		"callable synchronously (`loop.add_signal_handler`, `call_soon`, `add_done_callback`, `signal.signal`, " +
		"`threading.Thread(target=...)`; a project's own method of such a name that awaits or schedules what its callable " +
		"makes, such as a task group's `call_soon(afunc)` (also through a helper it hands the callable to, or an " +
		"attribute a base class in another module assigns), is not one, nor are tornado's `IOLoop.call_later`, `call_at` " +
		"and `add_timeout`, which run the coroutine a callback returns), or handing such an API a coroutine function " +
		"itself, or handing one to an API that calls it " +
		"in a worker thread (pylib's offload records: `loop.run_in_executor`, `asyncio.to_thread`, `ThreadPoolExecutor.submit`, " +
		"Home Assistant's `hass.async_add_executor_job`), or returning it from a lambda handed to one in the place of its callable " +
		"(`await asyncio.to_thread(lambda: nb.dcim.devices.get(id=x))`: the thread only makes the coroutine, and awaiting the " +
		"offload gives the coroutine object back; realbugs99); handing a coroutine object, not a function, to either kind " +
		"of API in the place of its callable (`loop.run_in_executor(None, work())`, `asyncio.to_thread(work())`, " +
		"`loop.call_soon(work())`, `threading.Thread(target=work())`; pylib's CallbackSlots say which argument a " +
		"callback API calls, so `loop.call_soon(asyncio.ensure_future, work())` is quiet): a coroutine object is not " +
		"callable, and the advice is to await it on the loop or schedule it, not to add `await`; a coroutine created as the " +
		"`on_<event>=` handler of a library widget or object (Flet's `ft.FilledButton(on_click=login(...))`, NiceGUI's " +
		"`ui.button(on_click=refresh())`: the library calls its handler when the event comes, and the coroutine, made while " +
		"the widget is built, is not callable; a callee of the project is judged by its own parameter, builtins and the standard " +
		"library's (`dict(on_start=coro())`, `types.SimpleNamespace`, `functools.partial`), which keep the value, are quiet, as are asyncio's own " +
		"functions are quiet; testdata `coroutine_as_event_handler.py`); handing a callback API, " +
		"in its callback slot, a `functools.partial` of a coroutine function or asgiref's `sync_to_async(f)` (written " +
		"there, or held by a local bound once to it); handing an async callable (a coroutine function, a " +
		"`functools.partial` of one, asgiref's `sync_to_async(f)`) to a function of the project that calls that parameter " +
		"and drops the result (reported on the dropped call when the function is in the module, else on the argument; a " +
		"function that asks `iscoroutinefunction(param)` is left alone); passing, from a coroutine, a library object of a known type " +
		"to a synchronous function of the project that calls, on that parameter, a method that is a coroutine for that type and " +
		"drops the result (a helper shared by a library's sync and async clients, typed `Union[AsyncPage, SyncPage]` or not at " +
		"all: tf-playwright-stealth's `page.route(...)` for `stealth_async`'s page; reported on the dropped call when the " +
		"function is in the module, else on the argument; a type test such as `isinstance(page, SyncPage)` around the call " +
		"leaves it alone); handing an async callable to a synchronous method of a project class that keeps it in an " +
		"attribute of its object (`self._cb = cb`, `self._listeners.append(cb)`, `self._handlers[event] = cb`, also in " +
		"`__init__`) when a method of that class calls what the attribute holds and drops the result (`self._cb(x)`, " +
		"`for cb in self._listeners: cb(x)`, `self._handlers[event](x)`): a synchronous registry or event emitter given " +
		"an async handler (reported as above; a class that asks `iscoroutine`/`iscoroutinefunction`/`isawaitable` anywhere, or a " +
		"method that keeps a wrapper rather than the callable, is left alone); the same for a module-level registry: a function " +
		"that keeps its parameter in a global of its module (`_HANDLERS.append(fn)`), called with an async callable or applied " +
		"as the decorator next to an `async def` (`@on_event`; a decorator factory's call is not followed), when code of that " +
		"module calls what the global holds and drops the result (reported on that call when the registry is in the module, " +
		"else on the argument or the decorator); a local that is only tested, compared or printed; and an `await` " +
		"statement whose result is itself an awaitable by its annotation and is dropped (`await q.get()` on an " +
		"`asyncio.Queue[Awaitable[None]]` takes a queued coroutine out and never runs it; a queue made empty by " +
		"`asyncio.Queue()` takes its item type from the annotation of the name or `self` attribute it is assigned to). A call in code " +
		"that never runs (a loop over an empty literal, `if False:`, the `else` of `if True:`, which code generated from a " +
		"synchronous twin keeps: psycopg's `if True:` ... `else: self.set_autocommit(value)`; the same with a module-level " +
		"name bound once to True or False, pymongo's `_IS_SYNC = False` ... `if _IS_SYNC:`, also for a coroutine function " +
		"handed there to a thread or callback API; also in a def or class made only there, psycopg-pool's `__del__` under a " +
		"class-level `if False:`) is not reported, nor is a " +
		"call of a synchronous project function that returns an awaitable made inside `with pytest.raises(...)` or " +
		"`self.assertRaises*(...)`: the test expects it to raise before any awaitable exists (a call of an `async def` " +
		"there raises nothing until awaited and is still reported). A name tested " +
		"with `asyncio.iscoroutine`/`isinstance` is taken to hold either, except a test against builtin data classes only " +
		"(`isinstance(body, dict)`, `(list, tuple)`) or against classes of the project no coroutine object is an instance of " +
		"(`isinstance(result, Rejection)` for a plain class, a pydantic model or an exception of the project; not one with a " +
		"metaclass, a class decorator, `__instancecheck__`, `__subclasshook__` or `__await__`, or a Protocol or abstract-awaitable " +
		"base): no coroutine object passes it, so the uses under it may never see the " +
		"coroutine and a name tested so and never awaited is reported), and a call of `f` inside an `if` whose " +
		"condition asks `iscoroutinefunction(f)` is not reported (the code awaits f in one branch and calls it plainly " +
		"in the other; also as a conditional expression, `await f() if iscoroutinefunction(f) else f()`), except in the branch " +
		"where the test says f is one: a parameter of unknown type, never rebound, called plainly in the body of `if " +
		"iscoroutinefunction(f):` (inspect's, asyncio's or asgiref's; an elif of it; a conjunction with it) or in the else of " +
		"`if not iscoroutinefunction(f):`, also inside a def made in that branch, makes a coroutine (a Django " +
		"`@sync_and_async_middleware` factory's async branch returning `get_response(request)` un-awaited, django-ninja; " +
		"testdata `params_tested_as_coroutine_functions.py`). A method that a " +
		"subclass anywhere in the project overrides with something whose call makes no coroutine (a sync def, a class-level " +
		"assignment, an async generator below an abstract `async def`) is not reported through `self`. `.drain()` and `.wait_closed()` on a " +
		"receiver of unknown type (the `writer` of a `start_server` callback) count as StreamWriter coroutines inside an " +
		"`async def` whose module defines no synchronous method of that name (a synchronous function cannot await them, and a " +
		"class of the module with its own `def drain(self)` may be the receiver); so do LLM frameworks' a-prefixed async twins " +
		"(LangChain's `ainvoke`, `abatch`, `aget_relevant_documents`, `agenerate`, `apredict`, `aembed_documents`, " +
		"`aembed_query`, `asimilarity_search`..., `aadd_documents`, `aadd_texts`, `arun`, `acall`, `aget_messages`, " +
		"`aadd_messages`; LlamaIndex's `aquery`, `achat`, `acomplete`, `aretrieve`, `astream_chat`, `astream_complete`; " +
		"testdata `llm_framework_more_async_twins.py`), the model or chain being built elsewhere (`from app.llm import llm`, a receiver named through a " +
		"module the run does not hold counts as unknown). `getattr(coro, \"__await__\")` (or `send`, " +
		"`throw`, `close`) takes the method that runs or closes the coroutine by hand, as `coro.send` does; " +
		"`getattr(coro, name, default)` of another name only probes it. A call `x._name(...)` on a receiver of unknown type " +
		"(an untyped attrs field, a parameter: `await self.thread._forced_fetch(id).get(\"message\")`) makes a coroutine when the " +
		"project defines the private name `_name` only as a coroutine method (in any module) and no known library API has it " +
		"otherwise (asyncio's `Handle._run`, which event-loop integrations such as qasync call, is synchronous); a synchronous def of that name anywhere in the project, an async generator, a class-level binding, an " +
		"imported module as receiver, a receiver reached through a private attribute no module of the project binds (`session._connector`, " +
		"or a local bound to `getattr(session, \"_connector\", None)`: a library object's internals, whose `_close()` is its own) " +
		"or a test of the value's type (`hasattr`) keep it quiet. Public names are left out: some " +
		"library type may provide any of them.\n\n" +
		"Measured on real bugs: `bench/realbugs/` holds 19 reduced shapes of missing-await bugs that real projects fixed (bots on " +
		"discord.py, Pyrogram, Telethon and python-telegram-bot; aiohttp and websockets servers and clients; aioboto3/aiobotocore; " +
		"redis.asyncio; LangChain), each with its fix, and `bench/realbugs.py` runs them: ASL102 finds 19 of 19 and is quiet on every " +
		"fix. A container splatted into a call of unknown code (`await emit(**kwargs)`) is taken to be handed on, as it may be " +
		"awaited there: the aiobotocore shape is found where the item is read back as the result. The shapes were reduced by hand from each issue, so the rate says " +
		"what the model follows, not how often real code takes each shape. `bench/realbugs2/` holds 17 bugs as the projects' own " +
		"files before and after the fix (12 missing awaits, 5 blocking calls or dropped tasks); `bench/realbugs2.py` finds 16 and " +
		"is quiet on every fix. Not found: python-telegram-bot's `Bot.send_message` dropped in sync code, which was right " +
		"before v20. `bench/realbugs3/` holds 18 more (12 missing awaits, 3 blocking sleeps, 3 dropped tasks) from other " +
		"projects, collected after those numbers: `python3 bench/realbugs2.py bench/realbugs3` finds 17 and is quiet on every " +
		"fix. Not found there: a PyMongo `aggregate()` iterated un-awaited on `bot.settings.db`, where `bot` is an untyped " +
		"parameter of a discord.py task loop started from a module the index did not hold. `bench/realbugs4/` holds 14 more " +
		"(8 missing awaits, 5 blocking calls, 1 dropped task) collected after all of that: the builds they were held out from " +
		"found 11 (one fix alarmed), this one 14, quiet on every fix. A name bound by `async with X as name` where X " +
		"is of a type the model cannot follow (an engine or session factory from a module not in the run) is an " +
		"asynchronous resource: in a coroutine, a call of an async database resource's I/O method on it " +
		"(pylib.AsyncResourceMethods: execute, fetch, fetchrow, commit, refresh, run_sync...; not generic names such as " +
		"get, add or close) is taken for a coroutine when its value is dropped or used as the result would be, not when " +
		"it is returned (asyncmy's buffered cursor returns a done future that its caller awaits twice); bench/realbugs38's " +
		"words_bot and recruiters cases, after the set's first run. In a coroutine, the asynchronous generator protocol's " +
		"`aclose()`, `asend()` and `athrow()` (pylib.AsyncGeneratorMethods; they return awaitables) are taken the same way on a " +
		"name bound only to a call of the project's async generator function, or, when its type is unknown, iterated by an " +
		"`async for` of the same function and not a name the project defines only a synchronous method for (corpus40's " +
		"asyncvarlink server: `async for result in generator:` then `generator.aclose()` on a send error; testdata " +
		"`async_generator_protocol_methods.py`, `async_generator_protocol_own_sync_aclose`). In a module that imports Django or Channels, a " +
		"class imported from an app's `models` module that the module cannot resolve itself (`from authentication.models import User`; " +
		"judged in the importing module alone, so the answer is the same whether or not the run holds that models module, " +
		"Django's MODELS_MODULE_NAME) is taken for a Django model: the a-prefixed twins of Django's query methods " +
		"(pylib.DjangoAsyncManagerMethods: `aget`, `acreate`, `afirst`, `acount`...) on an attribute of that class (`User.objects`, a " +
		"custom manager `Movie.mgr`) or on a queryset built from it by lazy methods (`filter`, `exclude`, `order_by`...), and a " +
		"model instance's `asave`, `adelete`, `arefresh_from_db` on a value of that class (`user: User`) make a coroutine, " +
		"unless the project defines a synchronous method of that name; a class from a module of another name, or a module " +
		"that imports neither, stays unknown (bench/realbugs40, after the set's first run). A synchronous function of the same " +
		"module that only returns such a call (`def get_room(self): return Room.objects.aget(...)`, or the attribute of self it " +
		"memoises it in) makes one too, from synchronous code only when every path returns; and such a class's synchronous " +
		"queries (`Message.objects.create(room=...)`, `get`, `filter`... on its manager or a queryset built from it) send their " +
		"arguments to the database as data, so a coroutine passed there is reported (bench/realbugs40's Channels consumer). A coroutine a " +
		"synchronous method memoises in an attribute of self (`if not hasattr(self, \"_room\"): self._room = ...; return self._room`) " +
		"is one object for every call, awaitable once, so awaiting it at a caller fails from the second call on: when the module " +
		"calls that method only as `self.m()` in its class, at least once, and every such call uses the value as the result or " +
		"drops it, the coroutine is reported once where it is made, naming the first such use, and those calls are not reported " +
		"again; a call that awaits, returns or hands it on, or any other reference to the method, leaves the calls judged where " +
		"they are (misses24). `sync_to_async(f)(...)` (and " +
		"`database_sync_to_async(f)(...)`) called at once makes a coroutine (asgiref's SyncToAsync.__call__ is `async def`). " +
		"A name rebound inside one branch (`if user: ... else: user = User(...); await user.create()`) stops being the " +
		"coroutine for the reads after the rebinding in that branch, and a branch that rebinds it before anything read it " +
		"drops the coroutine on that path (not awaited on every path); a rebinding in an except clause of the try that made " +
		"it, or one that reads the name (`x = asyncio.wait_for(x, 5)`), does not (bench/realbugs43's Quart view, after the " +
		"set's first run). Beanie's `Cls.find_one(...)` builds a FindOne query that runs only when awaited " +
		"(pylib.BeanieAwaitableQueries): on the project's Document subclass, or, in a module that imports Beanie, on a class " +
		"imported from a module the run does not hold when the query is written as Beanie's (`User.find_one(User.email == e)`, " +
		"a filter dict), it is reported only when the value is used as the document would be (tested against None, read, " +
		"iterated); a chained query (`await User.find_one(...).delete()`), one awaited later or returned stays quiet " +
		"(bench/realbugs43's chat service). A coroutine stored in a name of the module's own code (a script's `contact = " +
		"client.get_entity(id)`) is a global that a function or another module may read later, so one never read is not " +
		"claimed; but the module's statements after the assignment run at import, before any other reader, and a use of it " +
		"there as the result (`contact.status`, iterating, subscripting or testing it) is reported (bench/realbugs60's " +
		"telegram-tracker). A module that imports a sync shim (pylib.SyncShims: `import telethon.sync` turns TelegramClient's " +
		"coroutine methods into wrappers that run to completion when no loop is running) makes the APIs it covers coroutines " +
		"only in async code there, as Pyrogram's are everywhere. python-telegram-bot's Bot, Message, Chat, User and CallbackQuery " +
		"methods, coroutine functions since 20.0 and plain methods before it, count as coroutines only in async code too, except " +
		"in code written for 20.0 or later: its dependency declarations keep python-telegram-bot at or above 20 " +
		"(`python-telegram-bot>=20.3`), or, when they do not name it, its module uses a name only 20.0 added (pylib.API.AddedIn: " +
		"`telegram.ext.Application`, `ApplicationBuilder`, `Application.builder()`), where a call in sync code makes a " +
		"coroutine as well (`app = Application.builder().token(T).build()` then `bot_info = app.bot.get_me()` in a plain " +
		"`main()`; bench/realbugs66's two bots). A plain function annotated to return an awaitable of a type (`def " +
		"ensure_started(self) -> \"Awaitable[User]\"`, `-> Coroutine[Any, Any, User]`) gives that type when awaited, and a call " +
		"of an attribute that holds an instance of a library class whose `__call__` is a coroutine function (Telethon's " +
		"client: `user.client(request)`) is one also when the attribute is set in another module's class (bench/realbugs66's " +
		"mautrix-telegram bridge). A library class's private helpers (`_get_response_message`) are not covered by a record of " +
		"all its methods. A constant-key item of a value only the project can resolve " +
		"keeps its key, so `(await client.get_object(...))[\"Body\"].read()` is a coroutine call also when the S3 client comes " +
		"from a helper of another module. A coroutine that is itself unpacked with `*` or `**` (`status = check(id)` then " +
		"`{\"on\": on, **status}`, `f(*coro)`) is used as its result whatever the dict or call around the splat does: unpacking " +
		"iterates or maps it at once and raises TypeError (bench/realbugs63's VOLTWISE route); a container of coroutines " +
		"unpacked (`gather(*coros)`), a future, or a callee only inferred to be a coroutine are not judged so. tree-sitter-python " +
		"parses a call splatted directly in a list display (`[*f(x)]`) as a call of `*f`, which is not seen. A library call's " +
		"value awaited in one arm of an `if` and used as another kind of object (a method called, an attribute read) only in " +
		"another arm is not reported: code written for two versions of the library (questionary's `r = " +
		"self.application.run_async()`, then `await r` under prompt_toolkit 3, `await r.to_asyncio_future()` under 2); a " +
		"coroutine function of the project makes a coroutine in every arm, so there the other arm's use is reported " +
		"(testdata `awaited_in_one_arm_used_in_other.py`).",
	Requires: []Fact{awaitedParamMethods},
	Run:      runNeverAwaited,
})

func runNeverAwaited(p *Pass) {
	for _, c := range p.Module.Calls {
		switch c.Usage {
		case analysis.UsageAwaited, analysis.UsageYielded:
			continue
		case analysis.UsageScheduled:
			// Scheduled, unless it sits in a container handed whole to
			// an API that takes one awaitable per argument (judged below).
			if !throughContainer(c.Node, c.UsedBy) {
				continue
			}
		}
		annotated := ""
		loneTwin, execFuture, resource, query := false, false, false, false
		if !isCoroutineCall(p, c) && !awaitedElsewhere(p, c) && !awaitedNameElsewhere(p, c) && !projectCoroutineMethodCall(p, c) &&
			!awaitedSiblingsCall(p, c) {
			if annotated = awaitableByAnnotation(p, c); annotated == "" {
				if loneTwin = len(loneAwaitedTwin(p, c)) > 0; !loneTwin {
					if resource = asyncResourceCall(p, c) || asyncGeneratorMethodCall(p, c); !resource {
						if execFuture = executorFutureCall(p, c); !execFuture {
							if query = beanieQueryCall(p, c); !query {
								continue
							}
						}
					}
				}
			}
		}
		if underCoroutineFunctionTest(p, c) || neverRuns(p.Module, c.Node) || raisesBeforeMakingAwaitable(p, c) || memoisedCoroutineReported(p, c) {
			continue
		}
		fl := &coroFlow{p: p, awaitableObject: isAwaitableObjectCall(p, c) || execFuture || query || annotated != "" && !annotatedCoroutine(annotated) ||
			asyncGeneratorMethodCall(p, c),
			result: resultAnnotation(p, c), inferred: annotated == "" && !execFuture && !knownCoroutineCall(p, c) && !projectCoroutineMethodCall(p, c),
			bare:    annotated == "" && !execFuture && !query && !resource && bareCoroutineCall(p, c),
			library: p.Project.Target(c) == nil && !projectCoroutineMethodCall(p, c)}
		use := fl.judgeValue(c.Node, false)
		if use.fate == fateConsumed || (loneTwin || query) && use.fate != fateMisuse && use.fate != fateWeak || execFuture && use.fate != fateMisuse ||
			resource && (use.returned || use.fate != fateMisuse && c.Usage != analysis.UsageDropped) {
			// A resource's method is taken for a coroutine by its name and
			// the async with alone: only a dropped value or one used as the
			// result says so; a returned one may be awaited again by the
			// caller (asyncmy's buffered cursor.fetchall() returns a done
			// future, which a caller awaits twice).
			// One awaited twin says the callee makes a coroutine only when
			// the value is then used as its result would be. An executor
			// job runs whether or not its future is awaited: only a use of
			// the future as the job's result is the bug.
			continue
		}
		why := use.why
		name := p.File.Text(c.Node.ChildByField("function"))
		// A library awaitable object (a Future from `asyncio.gather()`) is
		// not a coroutine: its work runs anyway, its result and errors are lost.
		noun := "coroutine"
		if fl.awaitableObject {
			noun = "awaitable"
			why = strings.ReplaceAll(strings.ReplaceAll(why, "a coroutine object", "an awaitable object"), "coroutine object", "awaitable object")
		}
		advice := "; add `await`"
		if use.unpack {
			advice = "; unpack the container into `asyncio.gather(*...)`, or hand over each coroutine by itself"
		} else if use.advice != "" {
			advice = use.advice
		} else if use.entered {
			advice = "; await it for its result instead (`x = await f(...)`)"
		}
		msg := noun + " `" + name + "()` is never awaited: " + why + advice + awaitedTwinsNote(p, c)
		if annotated != "" {
			msg = "`" + name + "()` returns an awaitable (`" + annotated[strings.LastIndex(annotated, ".")+1:] +
				"` by its annotation) that is never awaited: " + why + "; add `await`"
		}
		var opts []ReportOption
		if use.onePath {
			msg = "coroutine `" + name + "()` is not awaited on every path: " + why + "; await it, or call its `.close()`, on that path too"
		} else if use.unpack || use.advice != "" || use.entered {
			// No await to add: the container is to be unpacked, the
			// coroutine is where a function is expected, or the `async
			// with` is to be replaced by an assignment.
		} else if c.InAsync() && c.Usage != analysis.UsageStored {
			opts = append(opts, WithFix(&Fix{Title: "Add `await`", Safe: false, Edits: awaitEdits(c.Node)}))
		} else if c.InCoroutine() && !c.InAsync() {
			// A generator-based coroutine (`@asyncio.coroutine`): `yield
			// from` is its await, and `await` is a syntax error there.
			msg = strings.TrimSuffix(msg, "; add `await`") + "; add `yield from`"
			if c.Usage != analysis.UsageStored && annotated == "" {
				opts = append(opts, WithFix(&Fix{Title: "Add `yield from`", Safe: false, Edits: yieldFromEdits(c.Node)}))
			}
		} else if !c.InAsync() {
			msg = noun + " `" + name + "()` is never awaited: " + why + "; await it from async code or schedule it with asyncio.run / create_task" +
				awaitedTwinsNote(p, c)
		}
		p.Report(c.Node, msg, opts...)
	}
	reportCoroutineProperties(p)
	reportCoroutineCallbacks(p)
	reportAsyncCallableParams(p)
	reportAsyncReceiverParams(p)
	reportAsyncCallablesStored(p)
	reportDroppedAwaitedCoroutines(p)
}

// executorFutureCall reports a call, in an async function, of a library API
// that runs a callable in a worker thread and returns an asyncio Future of
// its result (pylib's Offload and ReturnsFuture roles: loop.run_in_executor,
// Home Assistant's hass.async_add_executor_job, also matched by method name
// on a receiver of unknown type). The job runs without an await, so dropping
// the future is not reported; reading it as the job's result is
// (`data = hass.async_add_executor_job(load_yaml, path)`, then `data[key]`).
func executorFutureCall(p *Pass, c *analysis.Call) bool {
	if !c.InAsync() {
		return false
	}
	api, ok := offloadAPI(p.Module, c, p.Project.Canonical(p.Project.Callee(c).Name))
	return ok && api.Has(pylib.ReturnsFuture)
}

// raisesBeforeMakingAwaitable reports a call of a synchronous project
// function that returns an awaitable (a request context manager, a future)
// made in a `with pytest.raises(...)`/`self.assertRaises*(...)` block: the
// test expects its synchronous part to raise before any awaitable exists
// (debusine's `_make_http_request` validates the method first). A call of
// an `async def` there raises nothing until awaited, so it is still reported.
func raisesBeforeMakingAwaitable(p *Pass, c *analysis.Call) bool {
	t := p.Project.Target(c)
	return t != nil && !t.Async && !t.IsGeneratorCoroutine() && expectedToRaise(p.Module, c.Node)
}

// reportCoroutineProperties reports reads of a property of the project
// whose getter returns a coroutine (`@property def data(self): return
// self._fetch()`): each read makes one, judged as a call's value is.
func reportCoroutineProperties(p *Pass) {
	for _, f := range p.Module.Functions {
		for _, c := range p.Project.PropertyReads(f) {
			if !p.isCoroutineFunction(c) || neverRuns(p.Module, c.Node) {
				continue
			}
			fl := &coroFlow{p: p}
			use := fl.judgeValue(c.Node, false)
			if use.fate == fateConsumed {
				continue
			}
			msg := "property `" + p.File.Brief(c.Node) + "` gives a coroutine (its getter `" + c.Target.QualName +
				"()` returns one) that is never awaited: " + use.why
			var opts []ReportOption
			switch {
			case use.onePath:
				msg += "; await it, or call its `.close()`, on that path too"
			case c.InAsync():
				msg += "; add `await`"
				if u, _ := p.Module.UsageOf(c.Node); u != analysis.UsageStored {
					opts = append(opts, WithFix(&Fix{Title: "Add `await`", Safe: false, Edits: awaitEdits(c.Node)}))
				}
			default:
				msg += "; await it from async code"
			}
			p.Report(c.Node, msg, opts...)
		}
	}
}

// awaitableByAnnotation returns the annotation (`typing.Awaitable`,
// `typing.Coroutine`) that says the value call c returns is an awaitable
// still to be awaited: the return annotation of the function it calls, or
// the item annotation of the queue `q.get_nowait()` takes from; "" when
// none does.
//
// A function's annotation counts only when it is `Coroutine[...]` itself:
// `Awaitable[...]` is mostly written for futures and tasks, whose work runs
// whether or not anyone awaits them (tornado's `Condition.wait()`,
// prompt_toolkit's `run_in_terminal()`), and `Optional[Coroutine[...]]`
// for a method that returns one only in some subclass. Items of a
// container or queue annotated with either are what the code put there.
func awaitableByAnnotation(p *Pass, c *analysis.Call) string {
	if t := p.Project.Target(c); t != nil {
		if t.Async || t.Generator {
			return ""
		}
		return coroutineReturnAnnotation(t)
	}
	fn := c.Node.ChildByField("function")
	if fn == nil || fn.Type() != "attribute" {
		return ""
	}
	method := p.File.Text(fn.ChildByField("attribute"))
	if !pylib.Method(method, pylib.ReturnsElement) && !pylib.QueueItemNowMethods[method] {
		return ""
	}
	if r := p.Project.TakenItem(p.Module, c.Node); r.Instance && pylib.AwaitableAnnotations[r.Name] {
		return r.Name
	}
	return ""
}

// coroutineReturnAnnotation returns the annotation name when synchronous
// function f is annotated to return `Coroutine[...]` (not optionally), or "".
func coroutineReturnAnnotation(f *analysis.Function) string {
	rt := analysis.Unparen(f.Node.ChildByField("return_type"))
	if rt != nil && rt.Type() == "type" {
		if named := rt.NamedChildren(); len(named) == 1 {
			rt = analysis.Unparen(named[0])
		}
	}
	if rt == nil {
		return ""
	}
	base := rt
	switch rt.Type() {
	case "subscript":
		base = rt.ChildByField("value")
	case "generic_type":
		if named := rt.NamedChildren(); len(named) > 0 {
			base = named[0]
		}
	}
	r := f.Module().Resolve(base)
	if !r.Instance && pylib.AwaitableAnnotations[r.Name] && annotatedCoroutine(r.Name) {
		return r.Name
	}
	return ""
}

// annotatedCoroutine reports an annotation naming a coroutine proper (it
// runs once), not any awaitable.
func annotatedCoroutine(name string) bool {
	return strings.HasSuffix(name, ".Coroutine")
}

// reportDroppedAwaitedCoroutines reports an `await` statement whose result
// is itself an awaitable by its annotation and is dropped: `await q.get()`
// on an `asyncio.Queue[Awaitable[None]]` takes a queued coroutine out and
// never runs it.
func reportDroppedAwaitedCoroutines(p *Pass) {
	p.File.Root.Walk(func(n *analysis.Node) bool {
		if n.Type() != "expression_statement" {
			return true
		}
		named := n.NamedChildren()
		if len(named) != 1 {
			return false
		}
		aw := analysis.Unparen(named[0])
		if aw == nil || aw.Type() != "await" {
			return false
		}
		r := p.Project.TakenItem(p.Module, aw)
		if !r.Instance || !pylib.AwaitableAnnotations[r.Name] {
			return false
		}
		p.Report(aw, "the value `"+p.File.Brief(aw)+"` gives is an awaitable (`"+r.Name[strings.LastIndex(r.Name, ".")+1:]+
			"` by its annotation) and the statement drops it: the coroutine it holds never runs; await it too")
		return false
	})
}

// awaitEdits adds `await` before call. `await` binds looser than `.`, `[]`
// and `()`, so a call that is the object of an attribute, subscript or call
// (`prompt(...).strip()`) is wrapped: `(await prompt(...)).strip()`.
func awaitEdits(call *analysis.Node) []Edit {
	start, end := int(call.Start), int(call.End)
	if parent := call.Parent(); parent != nil {
		switch field := call.Field(); {
		case parent.Type() == "attribute" && field == "object",
			parent.Type() == "subscript" && field == "value",
			parent.Type() == "call" && field == "function":
			return []Edit{{Start: start, End: start, New: "(await "}, {Start: end, End: end, New: ")"}}
		}
	}
	return []Edit{{Start: start, End: start, New: "await "}}
}

// yieldFromEdits adds `yield from` before call, in a generator-based
// coroutine. A yield expression stands bare only as a statement or the
// right-hand side of an assignment; anywhere else it is parenthesised:
// `(yield from prompt(...)).strip()`.
func yieldFromEdits(call *analysis.Node) []Edit {
	start, end := int(call.Start), int(call.End)
	if parent := call.Parent(); parent != nil {
		switch {
		case parent.Type() == "expression_statement",
			(parent.Type() == "assignment" || parent.Type() == "augmented_assignment") && call.Field() == "right":
			return []Edit{{Start: start, End: start, New: "yield from "}}
		}
	}
	return []Edit{{Start: start, End: start, New: "(yield from "}, {Start: end, End: end, New: ")"}}
}

// reportCoroutineCallbacks reports coroutine functions handed, uncalled,
// to APIs that call their callable synchronously and drop the result
// (`loop.add_signal_handler(SIGTERM, self.shutdown)` with an async
// shutdown): each call makes a coroutine that never runs.
func reportCoroutineCallbacks(p *Pass) {
	for _, c := range p.Module.Calls {
		if neverRuns(p.Module, c.Node) {
			continue // dead code, as for the coroutine calls themselves
		}
		fn := c.Node.ChildByField("function")
		if offloaded := offloadedCoroutineFunction(p, c); offloaded != nil {
			reportHandedCoroutineFunction(p, offloaded, p.File.Text(fn))
			continue
		}
		if !pylib.Is(c.Callee, pylib.CallsBack) && !(fn != nil && fn.Type() == "attribute" &&
			pylib.CallbackMethods[p.File.Text(fn.ChildByField("attribute"))]) &&
			!(c.Callee != "" && pylib.Is(p.Project.Canonical(c.Callee), pylib.CallsBack)) {
			continue
		}
		for _, a := range c.Args() {
			arg := namedArgValue(a)
			if arg == nil {
				// `partial(self.abort, timeout=True)` written in the call.
				if v := analysis.Unparen(a); v != nil && v.Type() == "call" {
					if api := syncCallbackAPI(p, v); api != "" {
						if what := callbackAsyncCallable(p, v, fn); what != "" {
							reportAsyncCallableCallback(p, v, what, api)
						}
					}
				}
				continue
			}
			api := syncCallbackAPI(p, arg)
			if api == "" {
				continue
			}
			if isCoroutineFunctionRef(p, arg) {
				p.Report(arg, "coroutine function `"+p.File.Brief(arg)+"` is handed to `"+api+"()`, which calls it without "+
					"awaiting: the coroutine it makes never runs; pass a sync function that schedules it "+
					"(`lambda: asyncio.ensure_future("+p.File.Brief(arg)+"())`)")
			} else if what := callbackAsyncCallable(p, arg, fn); what != "" {
				reportAsyncCallableCallback(p, arg, what, api)
			}
		}
	}
}

// paramFlow is one way an argument a project def receives makes a call
// of its parameter, dropped in the def's body, a dropped coroutine. The
// walk over the module's calls, their targets and parameters is
// reportParamFlows'; a flow says which calls count, which arguments, which
// of the def's calls are then dropped coroutines, and the two messages.
type paramFlow struct {
	// call filters the calls of project defs the flow looks at.
	call func(c *analysis.Call, t *analysis.Function) bool
	// arg describes an argument that qualifies ("a coroutine function",
	// "a `Page`"), or returns "".
	arg func(arg *analysis.Node) string
	// dropped returns the calls of t's parameter name, dropped in its
	// body, that an argument described as what makes coroutines.
	dropped func(t *analysis.Function, name, what string) []*analysis.Node
	// here is the message on the dropped call d when t is in this module
	// (line is the argument's); there the message on the argument when t
	// is in another module.
	here  func(d, arg *analysis.Node, t *analysis.Function, name, what, line string) string
	there func(d, arg *analysis.Node, t *analysis.Function, name, what string) string
}

// reportParamFlows reports what flow finds: on the dropped call, once,
// when the def is in this module, else on the argument (so that `check
// FILE` reports in the named file what `check .` does).
func reportParamFlows(p *Pass, flow paramFlow) {
	if p.Project == nil {
		return
	}
	seen := map[*analysis.Node]bool{}
	for _, c := range p.Module.Calls {
		t := p.Project.Target(c)
		if t == nil || t.Lambda || t.Generator || !flow.call(c, t) {
			continue
		}
		for _, a := range c.Args() {
			arg := a
			if a.Type() == "keyword_argument" {
				arg = a.ChildByField("value")
			}
			arg = analysis.Unparen(arg)
			if arg == nil {
				continue
			}
			what := flow.arg(arg)
			if what == "" {
				continue
			}
			name := parameterFor(p, c, t, a)
			if name == "" {
				continue
			}
			for _, d := range flow.dropped(t, name, what) {
				if t.Module() != p.Module {
					p.Report(arg, flow.there(d, arg, t, name, what))
				} else if !seen[d] {
					seen[d] = true
					line := strconv.Itoa(p.File.Lines.Position(int(arg.Start)).Line + 1)
					p.Report(d, flow.here(d, arg, t, name, what, line))
				} else {
					continue
				}
				break
			}
		}
	}
}

// reportAsyncCallableParams reports a sync or async def of the module
// that calls a callable parameter and drops the result, where some call of
// it passes an async callable for that parameter: a coroutine function, a
// `functools.partial` of one, asgiref's `sync_to_async(f)`. That call of
// the parameter makes a coroutine that never runs (django-allauth's
// middleware served both stacks through `_remove_dangling_login(request,
// response, session_check)`, the async one passing
// `sync_to_async(_session_check)`). A def that asks
// `iscoroutinefunction(param)` tells the kinds apart.
func reportAsyncCallableParams(p *Pass) {
	reportParamFlows(p, paramFlow{
		call: func(_ *analysis.Call, t *analysis.Function) bool { return t.Name != "__init__" },
		arg: func(arg *analysis.Node) string {
			if syncCallbackAPI(p, arg) != "" {
				return "" // the callback APIs are reportCoroutineCallbacks'
			}
			return asyncCallableArg(p, arg)
		},
		dropped: func(t *analysis.Function, name, _ string) []*analysis.Node {
			return droppedParamCalls(p, t, name)
		},
		here: func(d, arg *analysis.Node, t *analysis.Function, name, what, line string) string {
			return "coroutine `" + p.File.Brief(d.ChildByField("function")) + "()` is never awaited: `" + t.Name +
				"()` calls its parameter `" + name + "` and drops the result, and line " + line + " passes `" +
				p.File.Brief(arg) + "`, " + what + "; await it (in an async def) or pass a sync function"
		},
		there: func(d, arg *analysis.Node, t *analysis.Function, name, what string) string {
			return "`" + p.File.Brief(arg) + "` is " + what + ", passed to `" + t.Name + "()` as `" + name +
				"`, which calls it without awaiting (`" + t.Module().File.Brief(d) + "`): the coroutine it makes never runs"
		},
	})
}

// reportAsyncReceiverParams reports, in a synchronous def of the project,
// a dropped call of a method on a parameter (`page.route(...)`) that is a
// coroutine for the type a call of the def in a coroutine passes: a helper shared by a
// library's sync and async clients, typed `Union[AsyncPage, SyncPage]` or
// not at all, whose `async def` caller passes the async one
// (tf-playwright-stealth's `generate_stealth_headers(properties, page)`
// from `stealth_async`: "coroutine 'Page.route' was never awaited"). The
// type is the argument's at the call; a def that tests the parameter's type
// (`isinstance`, `iscoroutine`, ...) around the call tells the kinds apart.
func reportAsyncReceiverParams(p *Pass) {
	reportParamFlows(p, paramFlow{
		// Called from a coroutine, the loop is running: what a library
		// makes a coroutine only in async code (a sync shim's wrapper)
		// is one in the helper too.
		call: func(c *analysis.Call, t *analysis.Function) bool {
			return c.InCoroutine() && !t.Async && t.Name != "__init__"
		},
		// The argument's library type, the receiver's type in t.
		arg: func(arg *analysis.Node) string {
			if arg.Type() != "identifier" && arg.Type() != "attribute" {
				return ""
			}
			r := p.Module.Resolve(arg)
			if !r.Instance || r.Class != nil {
				return "" // not an object, or one of a project class
			}
			return r.Name
		},
		dropped: func(t *analysis.Function, name, typ string) []*analysis.Node {
			return droppedReceiverCalls(p, t, name, typ)
		},
		here: func(d, arg *analysis.Node, t *analysis.Function, name, typ, line string) string {
			fn := d.ChildByField("function")
			return "coroutine `" + p.File.Brief(fn) + "()` is never awaited: `" + t.Name + "()` drops the result, and line " +
				line + " passes `" + p.File.Brief(arg) + "`, a `" + typ + "`, as `" + name +
				"`, whose `" + p.File.Text(fn.ChildByField("attribute")) + "()` is a coroutine; await it in an async twin of `" + t.Name + "()`"
		},
		there: func(d, arg *analysis.Node, t *analysis.Function, name, typ string) string {
			return "`" + p.File.Brief(arg) + "` is a `" + typ + "`, passed to `" + t.Name + "()` as `" + name +
				"`, which calls `" + t.Module().File.Brief(d.ChildByField("function")) + "()` on it without awaiting: the coroutine it makes never runs"
		},
	})
}

// droppedReceiverCalls returns the calls `name.method(...)` in t's own body
// whose value is thrown away, where name is t's parameter, never rebound,
// method is a coroutine method of the library type typ, the call is not
// already a coroutine call by what the body itself knows (an annotation
// naming the async type), and no type test guards it.
func droppedReceiverCalls(p *Pass, t *analysis.Function, name, typ string) []*analysis.Node {
	b := plainParameter(t, name)
	if b == nil {
		return nil
	}
	tm := t.Module()
	tp := &Pass{Rule: p.Rule, Module: tm, File: tm.File, Project: p.Project, Options: p.Options}
	var out []*analysis.Node
	for _, c := range tm.Calls {
		if c.Func != t || c.Usage != analysis.UsageDropped {
			continue
		}
		fn := c.Node.ChildByField("function")
		if fn == nil || fn.Type() != "attribute" {
			continue
		}
		obj := analysis.Unparen(fn.ChildByField("object"))
		if obj == nil || obj.Type() != "identifier" || tm.File.Text(obj) != name || tm.ScopeAt(obj).Lookup(name) != b {
			continue
		}
		api := typ + "." + tm.File.Text(fn.ChildByField("attribute"))
		if !p.Project.LibraryCoroutine(api, c.Node) && !p.Project.LibraryCoroutine(p.Project.Canonical(api), c.Node) {
			continue
		}
		if knownCoroutineCall(tp, c) || analysis.UnderTypeTest(tm, c.Node, t.Node) {
			continue
		}
		out = append(out, c.Node)
	}
	return out
}

// reportAsyncCallableCallback reports arg, an async callable (what says
// which) handed to the callback API api.
func reportAsyncCallableCallback(p *Pass, arg *analysis.Node, what, api string) {
	p.Report(arg, "`"+p.File.Brief(arg)+"` ("+what+") is handed to `"+api+"()`, which calls it without "+
		"awaiting: the coroutine it makes never runs; pass a sync function that schedules it "+
		"(`lambda: asyncio.ensure_future(...)`)")
}

// callbackAsyncCallable says what arg, the callback a callback API calls
// (fn names the API), is when it is an async callable other than a plain
// coroutine function: `functools.partial(self.abort, timeout=True)` or
// asgiref's `sync_to_async(f)`, written there or held by a local bound
// once to such a call; "" otherwise.
func callbackAsyncCallable(p *Pass, arg, fn *analysis.Node) string {
	if fn == nil || !inCallbackSlot(p, arg, fn) {
		return ""
	}
	if arg.Type() == "identifier" {
		b := p.Module.ScopeAt(arg).Lookup(p.File.Text(arg))
		if b == nil || b.Kind != analysis.BindAssign || len(b.Values) != 1 {
			return ""
		}
		v := analysis.Unparen(b.Values[0])
		if v == nil || v.Type() != "call" {
			return ""
		}
		if what := asyncCallableArg(p, v); what != "" {
			return "it holds " + what
		}
		return ""
	}
	if arg.Type() == "call" {
		return asyncCallableArg(p, arg)
	}
	return ""
}

// asyncCallableArg says what arg is when it is an async callable ("a
// coroutine function", ...), or "".
func asyncCallableArg(p *Pass, arg *analysis.Node) string {
	switch arg.Type() {
	case "identifier", "attribute":
		if isCoroutineFunctionRef(p, arg) {
			return "a coroutine function"
		}
	case "call":
		fn := arg.ChildByField("function")
		name := p.Module.Resolve(fn).Name
		if name != "" && p.Project != nil && !pylib.AsyncCallableFactories[name] {
			name = p.Project.Canonical(name)
		}
		args := arg.ChildByField("arguments")
		if args == nil || args.Type() != "argument_list" {
			return ""
		}
		named := args.NamedChildren()
		if len(named) == 0 {
			return ""
		}
		first := analysis.Unparen(named[0])
		if first == nil || first.Type() == "keyword_argument" {
			return ""
		}
		if pylib.AsyncCallableFactories[name] {
			return "an async callable"
		}
		if pylib.Is(name, pylib.BindsArguments) && (first.Type() == "identifier" || first.Type() == "attribute") &&
			isCoroutineFunctionRef(p, first) {
			return "a partial of a coroutine function"
		}
	}
	return ""
}

// plainParameter is the binding of name when it is a parameter of t that
// its body never rebinds and not a *args or **kwargs catch-all (what a call
// passes for it is what the body sees), else nil.
func plainParameter(t *analysis.Function, name string) *analysis.Binding {
	b := t.Scope.Bindings.Get(name)
	if b == nil || b.Kind != analysis.BindParam || len(b.Values) > 0 {
		return nil
	}
	if catchAllParam(b.Node) {
		return nil
	}
	return b
}

// catchAllParam reports a parameter node that collects what no other
// parameter takes: `*args` or `**kwargs`, also annotated (`*args:
// Awaitable[T]` is a typed_parameter around the splat). Its value is the
// tuple or dict of the arguments, not one of them.
func catchAllParam(n *analysis.Node) bool {
	switch n.Type() {
	case "list_splat_pattern", "dictionary_splat_pattern":
		return true
	case "typed_parameter":
		for _, c := range n.NamedChildren() {
			switch c.Type() {
			case "list_splat_pattern", "dictionary_splat_pattern":
				return true
			}
		}
	}
	return false
}

// positionalParams names t's parameters a positional argument can bind, in
// order: those before its `*args`, its bare `*` or its `**kwargs`. A
// positional argument past them goes into the `*args` tuple (or is an
// error), never into a keyword-only parameter.
func positionalParams(t *analysis.Function) []string {
	params := t.Node.ChildByField("parameters")
	if params == nil {
		return t.Params
	}
	var out []string
	for _, p := range params.NamedChildren() {
		if catchAllParam(p) || p.Type() == "keyword_separator" {
			break
		}
		var name *analysis.Node
		switch p.Type() {
		case "identifier":
			name = p
		case "default_parameter", "typed_default_parameter":
			name = p.ChildByField("name")
		case "typed_parameter":
			for _, c := range p.NamedChildren() {
				if c.Type() == "identifier" {
					name = c
					break
				}
			}
		}
		if name != nil {
			out = append(out, t.Module().File.Text(name))
		}
	}
	return out
}

// droppedParamCalls returns the calls `name(...)` in t's own body whose
// value is thrown away, where name is t's parameter, never rebound, and no
// `iscoroutinefunction(name)` test guards the call.
func droppedParamCalls(p *Pass, t *analysis.Function, name string) []*analysis.Node {
	b := plainParameter(t, name)
	if b == nil {
		return nil
	}
	tm := t.Module()
	if strings.Contains(tm.File.Text(t.Node), "iscoroutinefunction("+name+")") {
		return nil // tells the kinds apart, maybe by returning early
	}
	tp := &Pass{Rule: p.Rule, Module: tm, File: tm.File, Project: p.Project, Options: p.Options}
	var out []*analysis.Node
	for _, c := range tm.Calls {
		if c.Func != t || c.Usage != analysis.UsageDropped {
			continue
		}
		fn := c.Node.ChildByField("function")
		if fn == nil || fn.Type() != "identifier" || tm.File.Text(fn) != name || tm.ScopeAt(fn).Lookup(name) != b {
			continue
		}
		if underCoroutineFunctionTest(tp, c) || analysis.UnderTypeTest(tm, c.Node, t.Node) {
			continue
		}
		out = append(out, c.Node)
	}
	return out
}

// isCoroutineFunctionRef reports whether arg names a coroutine function
// (not a call of one, not an instance).
func isCoroutineFunctionRef(p *Pass, arg *analysis.Node) bool {
	return coroutineFunctionRef(p, arg) != nil
}

// coroutineFunctionRef returns the coroutine function arg names (not a
// call of one, not an instance), or nil.
func coroutineFunctionRef(p *Pass, arg *analysis.Node) *analysis.Function {
	r := p.Module.Resolve(arg)
	f := r.Func
	if f == nil && r.Name != "" && r.Class == nil && p.Project != nil {
		f = p.Project.Lookup(r.Name).Func
	}
	if f == nil && r.Via != "" && p.Project != nil {
		f = p.Project.ResolveVia(r.Via).Func
	}
	if f == nil || r.Instance || !f.IsCoroutineFunction() {
		return nil
	}
	return f
}

// offloadedCoroutineFunction returns the argument of c naming a coroutine
// function when c runs its callable synchronously in a worker thread
// (pylib's Offload records: `loop.run_in_executor(None, fn)`,
// `asyncio.to_thread(fn)`, `hass.async_add_executor_job(fn)`): the thread
// calls fn and gets a coroutine that nothing awaits.
func offloadedCoroutineFunction(p *Pass, c *analysis.Call) *analysis.Node {
	api, ok := offloadAPI(p.Module, c, c.Callee)
	if !ok && c.Callee != "" && p.Project != nil {
		api, ok = offloadAPI(p.Module, c, p.Project.Canonical(c.Callee))
	}
	if !ok {
		return nil
	}
	arg := analysis.Unparen(offloadedCallable(p.Module, c, api))
	if arg == nil || (arg.Type() != "identifier" && arg.Type() != "attribute") || !isCoroutineFunctionRef(p, arg) {
		return nil
	}
	return arg
}

// reportHandedCoroutineFunction reports a coroutine function arg handed to
// an offload API that calls it in a worker thread.
func reportHandedCoroutineFunction(p *Pass, arg *analysis.Node, api string) {
	p.Report(arg, "coroutine function `"+p.File.Brief(arg)+"` is handed to `"+api+"()`, which calls it in a worker "+
		"thread without awaiting: the coroutine it makes never runs; await `"+p.File.Brief(arg)+"()` on the loop instead")
}

// What happens to a coroutine object after the call that creates it: the
// value is followed through parentheses, `typing.cast`, containers and plain
// local names, and each use is judged. Awaiting, scheduling, returning it
// from a sync function or handing it to code that may await it consumes it;
// using it as if it were the result (reading an attribute, unpacking,
// iterating, comparing, passing it to code that only reads data) is the bug.

// coroFlow follows the value of one call.
type coroFlow struct {
	p *Pass
	// depth counts the functions entered through parameters.
	depth int
	// awaitableObject is set for library calls that return an awaitable
	// object rather than a coroutine: returning one is handing it on.
	awaitableObject bool
	// result is the return annotation of the coroutine function called,
	// when it is a plain type name (`Message`, `models.User`): a place the
	// code declares to hold that type expects the result (declaredForResult).
	result string
	// inferred is set when only the module's other uses of the callee say
	// it makes a coroutine (awaited twins, an await of the same callee in
	// the function): they show an awaitable, which may be a query builder
	// with methods of its own (inferredBuilderChain).
	inferred bool
	// selfAttrs holds the `self` attributes judgeSelfAttribute is
	// following: a value copied from one to another and back
	// (`self.a = self.b` in one method, `self.b = self.a` in another) is
	// not followed round again.
	selfAttrs map[string]bool
	// bare is set when the call makes a bare coroutine, which has no
	// `__aenter__` (bareCoroutineCall): entering it with `async with` is
	// using it as its result.
	bare bool
	// library is set when a library's function or method makes the value
	// (no function of the project is the callee): what it gives may differ
	// between the library's versions, which code may handle in two arms of
	// an `if` (judgeLocal). A coroutine function of the project makes a
	// coroutine in every arm.
	library bool
}

// inferredBuilderChain reports a method call on the value of a call whose
// coroutine-ness is only inferred (the module awaits the same callee
// elsewhere) when the chain it starts is awaited: `await
// Channel.get_or_none(alias=a).select_related("application")`. The awaits
// elsewhere show an awaitable, not a coroutine; a coroutine object has no
// such method (the line would fail at its first run), a query builder has
// (Tortoise's QuerySet, beanie's and motor's find cursors): the chain is the
// library's documented form, and it is awaited.
func inferredBuilderChain(call *analysis.Node) bool {
	for {
		up, parent := analysis.ParenParent(call)
		if parent == nil {
			return false
		}
		switch parent.Type() {
		case "await":
			return true
		case "attribute":
			// `.m().n()`: go on while the chain goes on with a call.
			gp := parent.Parent()
			if up.Field() != "object" || gp == nil || gp.Type() != "call" || parent.Field() != "function" {
				return false
			}
			call = gp
		default:
			return false
		}
	}
}

// coroFate is the verdict on one use of a coroutine object.
type coroFate int

const (
	fateConsumed coroFate = iota // awaited, scheduled, handed on: fine
	fateWeak                     // tested, printed: wrong only if it is never consumed
	fateMisuse                   // used as if it were the result: always wrong
	fateDropped                  // thrown away
	fateGuarded                  // tested for being awaitable: the code expects either
)

// coroUse is a judged use: why is the message part for weak uses and misuses.
type coroUse struct {
	fate coroFate
	why  string
	// onePath: consumed on some paths only (uncoveredPath).
	onePath bool
	// kindTest: a test no coroutine object passes (`isinstance(x, dict)`):
	// uses under it may never see the coroutine.
	kindTest bool
	// returned: the misuse is returning it un-awaited from a coroutine
	// (the caller may await the result twice).
	returned bool
	// unpack: the container holding it is handed whole to an API that
	// takes one awaitable per argument (containerHandedWhole): the advice
	// is to unpack it, not to await.
	unpack bool
	// opaque: consumed only in that it is passed to a callable the
	// analysis cannot see into (neither the project's nor one the tables
	// record); why names the call.
	opaque bool
	// test: a weak use that tests the value as code tests a result that may
	// be missing (a condition, a comparison with None).
	test bool
	// memo: a coroutine memoised by a synchronous getter whose every call
	// misuses it, reported where it is made (memoisedForCallers).
	memo bool
	// identity: a comparison by identity (`is`, `is not`) with something
	// other than a constant: it asks which object the value is, which is a
	// misuse only when nothing awaits or schedules the coroutine (`handle
	// = tg.create_task(coro)`, then `handle.coro is coro`).
	identity bool
	// advice, when set, replaces "add `await`" (and its fix): the misuse
	// is not repaired by awaiting (a coroutine handed where a function is
	// expected).
	advice string
	// object: a use of the value as another kind of object (its method
	// called, its attribute read).
	object bool
	// entered: it is entered with `async with`; `async with await f()`
	// would need the result to be a context manager, so the advice is to
	// await it instead and no fix is offered.
	entered bool
}

// judgeValue judges the use of the value of expression n (a coroutine call,
// or a read of a name holding one). inContainer is set when the coroutine
// sits inside a list, dict or tuple on the way to this use.
func (fl *coroFlow) judgeValue(n *analysis.Node, inContainer bool) coroUse {
	p := fl.p
	m := p.Module
	if !inContainer {
		if use, ok := fl.judgeSplat(n); ok {
			return use
		}
	}
	u, by := m.UsageOf(n)
	if !inContainer {
		inContainer = throughContainer(n, by)
	}
	switch u {
	case analysis.UsageAwaited, analysis.UsageScheduled, analysis.UsageYielded:
		if u == analysis.UsageScheduled {
			if why := fl.containerHandedWhole(n, by, inContainer); why != "" {
				return coroUse{fate: fateMisuse, why: why, unpack: true}
			}
		}
		return coroUse{fate: fateConsumed}
	case analysis.UsageDropped:
		if inContainer {
			return coroUse{fate: fateDropped, why: "it is put in a container that is discarded"}
		}
		return coroUse{fate: fateDropped, why: "its result is discarded"}
	case analysis.UsageReturned:
		if by != nil && by.Type() == "lambda" && !inContainer {
			if api := syncCallbackAPI(p, analysis.Unparen(by)); api != "" {
				return coroUse{fate: fateMisuse, why: "it is returned from a lambda that `" + api + "()` calls without awaiting"}
			}
			if api := offloadingLambdaAPI(p, by); api != "" {
				return coroUse{fate: fateMisuse, why: "it is returned from a lambda that `" + api + "()` calls in a worker " +
					"thread: the thread only makes the coroutine, and awaiting `" + api + "()` gives the coroutine object, not its result",
					advice: "; await the call on the loop instead of offloading it"}
			}
		}
		// A generator-based coroutine returns it as the result of `yield
		// from`; a plain function `@asyncio.coroutine` wraps awaits it.
		if f := enclosingDef(m, by); f != nil && (f.Async && !f.Generator || f.Generator && f.IsGeneratorCoroutine()) &&
			by.Type() == "return_statement" && !inContainer && !fl.awaitableObject {
			kind, await := "async function", "awaiting"
			if !f.Async {
				kind, await = "coroutine function", "`yield from`"
			}
			return coroUse{fate: fateMisuse, returned: true, why: "it is returned un-awaited from " + kind + " `" + f.Name +
				"`, so " + await + " `" + f.Name + "()` gives a coroutine object, not its result"}
		}
		if key := returnedRecordField(p.File, n, by); key != "" && !fl.awaitableObject {
			if f := enclosingDef(m, by); f != nil && f.Async && !f.Generator {
				return coroUse{fate: fateMisuse, returned: true, why: "it is returned un-awaited from async function `" + f.Name +
					"` as the value of key " + key + " of a dict, so awaiting `" + f.Name +
					"()` gives a dict holding a coroutine object, not its result"}
			}
		}
		return coroUse{fate: fateConsumed}
	case analysis.UsageCondition:
		if inContainer {
			return coroUse{fate: fateConsumed}
		}
		return coroUse{fate: fateWeak, why: "it is used as a condition (a coroutine object is always true)", test: true}
	case analysis.UsageOperand:
		if inContainer {
			return coroUse{fate: fateConsumed}
		}
		return fl.judgeOperand(n, by)
	case analysis.UsageAttribute:
		if inContainer {
			return coroUse{fate: fateConsumed}
		}
		attr := p.File.Text(by.ChildByField("attribute"))
		// An awaitable object (a future, a request or file context manager)
		// has future methods and the context-manager protocol.
		if pylib.Method(attr, pylib.CoroutineAttribute) || (fl.awaitableObject && (pylib.Method(attr, pylib.FutureAttribute) || strings.HasPrefix(attr, "__"))) {
			return coroUse{fate: fateConsumed}
		}
		if by.Parent() != nil && by.Parent().Type() == "call" && by.Field() == "function" {
			if fl.inferred && inferredBuilderChain(by.Parent()) {
				return coroUse{fate: fateConsumed}
			}
			return coroUse{fate: fateMisuse, why: "its method `" + attr + "()` is called on the coroutine object", object: true}
		}
		return coroUse{fate: fateMisuse, why: "its attribute `" + attr + "` is read on the coroutine object", object: true}
	case analysis.UsageArgument:
		return fl.judgeArgument(n, by, inContainer)
	case analysis.UsageStored:
		return fl.judgeStored(n, by, inContainer)
	case analysis.UsageOther:
		if by != nil && by.Type() == "call" {
			if why := fl.containerHandedWhole(n, by, false); why != "" {
				return coroUse{fate: fateMisuse, why: why, unpack: true} // gather(f(x) for x in xs)
			}
		}
		if by == nil || inContainer {
			return coroUse{fate: fateConsumed}
		}
		switch by.Type() {
		case "for_statement", "for_in_clause":
			if by.HasToken("async") {
				return coroUse{fate: fateMisuse, why: "it is iterated with `async for` (a coroutine is not an async iterator)"}
			}
			return coroUse{fate: fateMisuse, why: "it is iterated as if it were its result"}
		case "interpolation":
			return coroUse{fate: fateWeak, why: "it is formatted into a string"}
		case "call":
			if analysis.Unparen(by.ChildByField("function")) == n {
				return coroUse{fate: fateMisuse, why: "it is called as if it were its result (a coroutine object is not callable)"}
			}
		case "with_item", "with_clause", "as_pattern":
			// `as_pattern`: `with coro() as x`, the value before the name.
			if w := withStatementOf(n); w != nil && !w.HasToken("async") {
				if asyncOnlyContextManager(fl.p, n) != "" {
					// A library awaitable that is an asynchronous context
					// manager too (`aiosqlite.connect(p)`, asyncpg's
					// `pool.acquire()`): ASL108 reports the `with`, whose
					// fix is `async with`; `with await x` would fail as
					// well (what it gives has no __enter__).
					return coroUse{fate: fateConsumed}
				}
				return coroUse{fate: fateMisuse, why: "it is used as a context manager"}
			} else if w != nil && fl.bare {
				// Many library awaitables are async context managers too
				// (aiohttp's `session.get(...)`): only a bare coroutine is
				// known to have no __aenter__.
				return coroUse{fate: fateMisuse, entered: true, why: "it is entered with `async with` (a coroutine object is not an " +
					"asynchronous context manager)"}
			}
		}
	}
	return coroUse{fate: fateConsumed}
}

// syncCallbackAPI returns how a call that arg is passed to is shown when
// that call runs its callable argument synchronously and discards the
// result (`loop.call_soon(cb)`, `signal.signal(sig, cb)`,
// `threading.Thread(target=cb)`), or "".
func syncCallbackAPI(p *Pass, arg *analysis.Node) string {
	q := arg.Parent()
	if q != nil && q.Type() == "keyword_argument" {
		if p.File.Text(q.ChildByField("name")) != "target" {
			return ""
		}
		q = q.Parent()
	}
	if q == nil || q.Type() != "argument_list" || q.Parent() == nil || q.Parent().Type() != "call" {
		return ""
	}
	call := q.Parent()
	fn := call.ChildByField("function")
	name := p.Module.Resolve(fn).Name
	if name != "" && (pylib.Is(name, pylib.CallsBack) || (p.Project != nil && pylib.Is(p.Project.Canonical(name), pylib.CallsBack))) {
		return p.File.Text(fn)
	}
	if fn != nil && fn.Type() == "attribute" && pylib.CallbackMethods[p.File.Text(fn.ChildByField("attribute"))] {
		if pylib.RunsCallbackCoroutine[name] || projectRunsAsCoroutine(p, name, call) {
			return ""
		}
		return p.File.Text(fn)
	}
	return ""
}

// offloadingLambdaAPI returns the callee's text when lam is the callable an
// offload API runs in a worker thread (pylib's Offload records:
// `asyncio.to_thread(lambda: client.get(id=x))`, `loop.run_in_executor(None,
// lambda: ...)`): what the lambda returns comes back as the result of
// awaiting the API's call.
func offloadingLambdaAPI(p *Pass, lam *analysis.Node) string {
	q := lam.Parent()
	for q != nil && q.Type() == "parenthesized_expression" {
		q = q.Parent()
	}
	if q != nil && q.Type() == "keyword_argument" {
		q = q.Parent()
	}
	if q == nil || q.Type() != "argument_list" || q.Parent() == nil || q.Parent().Type() != "call" {
		return ""
	}
	call := q.Parent()
	c := moduleCallAt(p.Module, call)
	if c == nil {
		return ""
	}
	api, ok := offloadAPI(p.Module, c, c.Callee)
	if !ok && c.Callee != "" && p.Project != nil {
		api, ok = offloadAPI(p.Module, c, p.Project.Canonical(c.Callee))
	}
	if !ok || analysis.Unparen(offloadedCallable(p.Module, c, api)) != lam {
		return ""
	}
	return p.File.Brief(call.ChildByField("function"))
}

// projectRunsAsCoroutine reports whether name is a method of the project
// (a `call_soon` of its own task group, not the loop's) that awaits or
// schedules what calling its callable parameter makes:
// `asyncio.create_task(afunc(*args))`, `await afunc(*args)` in a nested
// coroutine it schedules, or the same in a helper it hands the callable to
// (`self.call_soon(_delayed(afunc, delay))`). Such a method takes a
// coroutine function; its name is all it shares with the loop's callback
// methods.
func projectRunsAsCoroutine(p *Pass, name string, call *analysis.Node) bool {
	if p.Project == nil {
		return false
	}
	var f *analysis.Function
	if name != "" {
		if f = p.Project.Lookup(name).Func; f == nil {
			// Through a base class in another module (`self._tasks`
			// assigned in the base's __init__).
			f = p.Project.Lookup(p.Project.Canonical(name)).Func
		}
	}
	if f == nil {
		if c := p.Module.CallOf(call); c != nil {
			f = p.Project.Target(c)
		}
	}
	if f == nil || f.Lambda {
		return false
	}
	i := 0
	if f.Name == "call_later" || f.Name == "call_at" {
		i = 1 // the loop's signature: the delay or time comes first
	}
	return runsParamAsCoroutine(p, f, i, 0)
}

// runsParamAsCoroutine reports whether f awaits or schedules the result of
// calling its i-th positional parameter (after self), directly or through
// a project function it passes the parameter to, a few calls deep.
func runsParamAsCoroutine(p *Pass, f *analysis.Function, i, depth int) bool {
	params := f.Params
	if f.Class != nil && len(params) > 0 {
		params = params[1:]
	}
	if i >= len(params) || depth > 3 {
		return false
	}
	param := params[i]
	m := f.Module()
	for _, c := range m.Calls {
		if c.Node.Start < f.Node.Start || c.Node.End > f.Node.End {
			continue
		}
		callee := c.Node.ChildByField("function")
		if callee != nil && callee.Type() == "identifier" && m.File.Text(callee) == param &&
			(c.Usage == analysis.UsageAwaited || c.Usage == analysis.UsageScheduled) {
			return true
		}
		args := c.Node.ChildByField("arguments")
		if args == nil {
			continue
		}
		for j, a := range args.NamedChildren() {
			if a.Type() != "identifier" || m.File.Text(a) != param {
				continue
			}
			if g := p.Project.Target(c); g != nil && g != f && runsParamAsCoroutine(p, g, j, depth+1) {
				return true
			}
		}
	}
	return false
}

// returnedRecordField returns the key (as written) when n is the value of a
// string-keyed entry of the dict display a return statement returns
// (`return {"sessions": f()}`): a record of results, not a collection of
// pending work a caller would gather. "" otherwise, also for dicts nested
// deeper or keyed by non-constant expressions.
func returnedRecordField(f *analysis.File, n, ret *analysis.Node) string {
	if ret == nil || ret.Type() != "return_statement" {
		return ""
	}
	v := n
	for v.Parent() != nil && v.Parent().Type() == "parenthesized_expression" {
		v = v.Parent()
	}
	pair := v.Parent()
	if pair == nil || pair.Type() != "pair" || pair.ChildByField("value") != v {
		return ""
	}
	key := pair.ChildByField("key")
	if key == nil || analysis.StringConstant(f, key) == "" {
		return ""
	}
	dict := pair.Parent()
	if dict == nil || dict.Type() != "dictionary" {
		return ""
	}
	for dict.Parent() != nil && dict.Parent().Type() == "parenthesized_expression" {
		dict = dict.Parent()
	}
	if dict.Parent() != ret {
		return ""
	}
	return f.Brief(key)
}

// returnedWhole returns the async function (not a generator) whose return
// statement returns use itself, or nil.
func returnedWhole(m *analysis.Module, use *analysis.Node) *analysis.Function {
	v := use
	for v.Parent() != nil && v.Parent().Type() == "parenthesized_expression" {
		v = v.Parent()
	}
	if v.Parent() == nil || v.Parent().Type() != "return_statement" {
		return nil
	}
	if f := enclosingDef(m, v.Parent()); f != nil && f.Async && !f.Generator {
		return f
	}
	return nil
}

// judgeSplat judges a coroutine that is itself the operand of `*` or `**`
// (`{"k": 1, **coro}`, `f(*coro)`, `f(**coro)`, `(*coro,)`): unpacking
// iterates the value, or reads it as a mapping, at once, and a coroutine
// object is neither, so the line raises TypeError and the coroutine is never
// awaited, whatever the container or call around the splat does. Only the
// coroutine itself: a container that holds coroutines and is unpacked
// (`gather(*coros)`, inContainer) hands each of them on. An awaitable object
// (a future is iterable: its `__iter__` is `__await__`) and a callee whose
// coroutine-ness is only inferred (maybe a query builder) are left alone.
// (`[*f(x)]`, which tree-sitter-python misreads, is lowered as Python
// means it: analysis.renestStarredElements.)
func (fl *coroFlow) judgeSplat(n *analysis.Node) (coroUse, bool) {
	if fl.awaitableObject || fl.inferred {
		return coroUse{}, false
	}
	_, q := analysis.ParenParent(n)
	if q == nil {
		return coroUse{}, false
	}
	switch q.Type() {
	case "list_splat":
		return coroUse{fate: fateMisuse, why: "it is unpacked with `*` as if it were its result (a coroutine object is not iterable)"}, true
	case "dictionary_splat":
		return coroUse{fate: fateMisuse, why: "it is unpacked with `**` as if it were its result (a coroutine object is not a mapping)"}, true
	}
	return coroUse{}, false
}

// throughContainer reports whether the value reached its consumer through a
// list, tuple, set, dict or comprehension.
func throughContainer(n, by *analysis.Node) bool {
	for q := n.Parent(); q != nil && q != by; q = q.Parent() {
		switch q.Type() {
		case "list", "tuple", "set", "dictionary", "pair", "list_comprehension", "set_comprehension",
			"generator_expression", "dictionary_comprehension":
			return true
		}
	}
	return false
}

// containerHandedWhole returns why n, a coroutine inside a container, is
// never awaited when that container is handed whole, as one positional
// argument, to call, an API that takes each awaitable as an argument of its
// own (pylib's AwaitablesOneByOne: `asyncio.gather([f(x) for x in xs])`,
// `gather(f(x) for x in xs)`, or `gather(coros)` with coros a local holding
// the list): the call raises TypeError and nothing in the container is
// awaited. "" otherwise: unpacked (`*[...]`), a keyword argument, an API
// that takes an iterable (asyncio.wait, as_completed), or one not resolved.
func (fl *coroFlow) containerHandedWhole(n, call *analysis.Node, inContainer bool) string {
	p := fl.p
	if call == nil || call.Type() != "call" {
		return ""
	}
	fn := call.ChildByField("function")
	name := p.Module.Resolve(fn).Name
	if name == "" || !pylib.TakesAwaitablesOneByOne(name) && (p.Project == nil || !pylib.TakesAwaitablesOneByOne(p.Project.Canonical(name))) {
		return ""
	}
	args := call.ChildByField("arguments")
	if args == nil {
		return ""
	}
	// The argument of call that holds n.
	arg := n
	if args.Type() == "generator_expression" {
		arg = args // gather(f(x) for x in xs): the generator is the only argument
	}
	for arg != args && arg.Parent() != args {
		if arg == call || arg.Parent() == nil {
			return ""
		}
		arg = arg.Parent()
	}
	kind := ""
	switch analysis.Unparen(arg).Type() {
	case "list":
		kind = "a list"
	case "tuple":
		kind = "a tuple"
	case "set":
		kind = "a set"
	case "dictionary":
		kind = "a dict"
	case "list_comprehension":
		kind = "a list comprehension"
	case "set_comprehension":
		kind = "a set comprehension"
	case "dictionary_comprehension":
		kind = "a dict comprehension"
	case "generator_expression":
		kind = "a generator expression"
	case "identifier":
		// A local that holds the container (followed here with
		// inContainer): the read itself is the argument.
		if !inContainer || analysis.Unparen(arg) != n {
			return ""
		}
	default:
		return ""
	}
	api := p.File.Text(fn)
	tail := " handed whole to `" + api + "()`, which takes each awaitable as an argument of its own " +
		"(`" + api + "(*...)`): the call raises TypeError and the coroutine is never awaited"
	if !pylib.Is(name, pylib.Gathers) && (p.Project == nil || !pylib.Is(p.Project.Canonical(name), pylib.Gathers)) {
		tail = " handed whole to `" + api + "()`, which takes one awaitable, not a container of them: " +
			"the call raises TypeError and the coroutine is never awaited"
	}
	if kind == "" {
		return "it is" + tail // "it is put in `coros` and handed whole to ..."
	}
	if analysis.Unparen(arg) == n {
		return "" // the coroutine itself, not a container holding it
	}
	return "it is in " + kind + tail
}

// assignedInBody reports a target name assigned by an assignment statement
// (`x = ...`, `x += ...`, not chained) that is itself a statement of block
// body: every statement after it in the block runs after it.
func assignedInBody(target, body *analysis.Node) bool {
	assign := target.Parent()
	if assign == nil || target.Field() != "left" || assign.Type() != "assignment" && assign.Type() != "augmented_assignment" {
		return false
	}
	st := assign.Parent()
	return st != nil && st.Type() == "expression_statement" && st.Parent() == body
}

// enclosingDef is the def (not lambda) a return statement belongs to.
func enclosingDef(m *analysis.Module, n *analysis.Node) *analysis.Function {
	if n == nil {
		return nil
	}
	f := m.FunctionAt(n)
	if f == nil || f.Lambda {
		return nil
	}
	return f
}

func (fl *coroFlow) judgeOperand(n, by *analysis.Node) coroUse {
	p := fl.p
	switch by.Type() {
	case "subscript":
		return coroUse{fate: fateMisuse, why: "it is subscripted as if it were its result"}
	case "comparison_operator":
		// `coro is None` / `coro is not None` test whether there is a coroutine at all.
		ops := ""
		for _, c := range by.Children() {
			if !c.Named() {
				ops += p.File.Text(c) + " "
			}
		}
		other := by.NamedChildren()
		isNone := false
		for _, o := range other {
			if o.Type() == "none" {
				isNone = true
			}
		}
		if strings.HasPrefix(ops, "is") && isNone {
			return coroUse{fate: fateWeak, why: "it is compared with `None` (a coroutine object never is)", test: true}
		}
		// A future is an object of its own: `fut in done` after
		// asyncio.wait, `fut is self._job`, `fut == other` ask about it.
		if fl.awaitableObject {
			switch strings.TrimSpace(ops) {
			case "in", "not in", "is", "is not", "==", "!=":
				return coroUse{fate: fateConsumed}
			}
		}
		identity := false
		if op := strings.TrimSpace(ops); op == "is" || op == "is not" {
			identity = true
			for _, o := range other {
				if o != n && constantOperand(o) {
					identity = false
				}
			}
		}
		return coroUse{fate: fateMisuse, identity: identity, why: "it is compared (`" + strings.TrimSpace(ops) + "`) as if it were its result"}
	case "binary_operator", "unary_operator":
		return coroUse{fate: fateMisuse, why: "it is used in arithmetic as if it were its result"}
	case "boolean_operator", "not_operator":
		// A name in `coro or default` may be handed on; a call tested
		// there is reported as before.
		if n.Type() != "call" {
			return coroUse{fate: fateConsumed}
		}
	}
	return coroUse{fate: fateWeak, why: "it is used as an operand, not awaited"}
}

// judgeGetattr judges `getattr(coro, "name"[, default])` as the attribute
// read it is: taking the coroutine's own `__await__`, `send`, `throw` or
// `close` drives or closes it by hand (`for _ in getattr(coro,
// "__await__")(): pass`), and a lookup with a default only probes what
// the object has. Other names are left to the builtin's judgement.
func (fl *coroFlow) judgeGetattr(n, call *analysis.Node) (coroUse, bool) {
	p := fl.p
	args := call.ChildByField("arguments")
	if args == nil {
		return coroUse{}, false
	}
	named := args.NamedChildren()
	if len(named) < 2 || analysis.Unparen(named[0]) != n || named[1].Type() != "string" {
		return coroUse{}, false
	}
	switch strings.Trim(p.File.Text(named[1]), `"'`) {
	case "__await__", "send", "throw", "close":
		return coroUse{fate: fateConsumed}, true
	}
	if len(named) == 3 && named[2].Type() != "keyword_argument" {
		return coroUse{fate: fateWeak, why: "it is only probed with `getattr(..., default)`, never run"}, true
	}
	return coroUse{}, false
}

// judgeCallableExpected judges a coroutine handed where a function is
// expected: the callable of an offload API (`loop.run_in_executor(None,
// work())`, `asyncio.to_thread(work())`), which calls it in a worker
// thread, or an argument of an API that calls its callback synchronously
// and drops the result (`loop.call_soon(work())`,
// `threading.Thread(target=work())`). Neither awaits anything, and a
// coroutine object is not callable: the call raises TypeError where it
// runs and the coroutine never runs. Adding `await` is not the repair, so
// the advice says what is.
func (fl *coroFlow) judgeCallableExpected(n, call *analysis.Node, inContainer bool) (coroUse, bool) {
	p := fl.p
	if inContainer {
		return coroUse{}, false
	}
	fn := call.ChildByField("function")
	api := p.File.Brief(fn)
	if c := moduleCallAt(p.Module, call); c != nil {
		offload, ok := offloadAPI(p.Module, c, c.Callee)
		if !ok && c.Callee != "" && p.Project != nil {
			offload, ok = offloadAPI(p.Module, c, p.Project.Canonical(c.Callee))
		}
		if ok && analysis.Unparen(offloadedCallable(p.Module, c, offload)) == n {
			return coroUse{fate: fateMisuse, why: "it is handed to `" + api + "()`, which calls its callable in a worker thread: " +
				"a coroutine object is not callable, so that raises TypeError and nothing awaits it",
				advice: "; await it on the loop instead of offloading it"}, true
		}
	}
	if syncCallbackAPI(p, n) != "" && inCallbackSlot(p, n, fn) {
		return coroUse{fate: fateMisuse, why: "it is handed to `" + api + "()`, which calls what it is given without awaiting: " +
			"a coroutine object is not callable, so the callback raises TypeError and nothing awaits it",
			advice: "; hand over a function, or schedule the coroutine on the loop with `asyncio.create_task(...)`"}, true
	}
	if kw := eventHandlerKeyword(p, n, fn); kw != "" {
		return coroUse{fate: fateMisuse, why: "it is passed as the `" + kw + "` handler of `" + api + "()`, which calls its handler " +
			"when the event comes: a coroutine object is not callable, and nothing awaits it",
			advice: "; pass the function itself (`" + kw + "=handler`), or a lambda that calls it"}, true
	}
	return coroUse{}, false
}

// eventHandlerKeyword returns the keyword of argument n when it is an event
// handler slot of a library widget or object, `on_<event>=` (Flet's
// `ft.FilledButton(on_click=...)`, NiceGUI's `ui.button(on_click=...)`,
// Toga's `toga.Button(on_press=...)`): the library calls what it is given
// when the event comes, so it takes a callable, and a coroutine object
// created while the widget is built is neither called nor awaited. A
// callee of the project is judged by its own parameter instead
// (judgeParameter); "" when n is no such argument.
func eventHandlerKeyword(p *Pass, n, fn *analysis.Node) string {
	q := n.Parent()
	if q == nil || q.Type() != "keyword_argument" || analysis.Unparen(q.ChildByField("value")) != n {
		return ""
	}
	kw := p.File.Text(q.ChildByField("name"))
	if len(kw) <= len("on_") || !strings.HasPrefix(kw, "on_") {
		return ""
	}
	for _, r := range kw[len("on_"):] {
		if (r < 'a' || r > 'z') && (r < '0' || r > '9') && r != '_' {
			return ""
		}
	}
	callee := p.Module.Resolve(fn)
	if callee.Func != nil || callee.Class != nil || callee.Name == "" {
		return ""
	}
	if p.Project != nil {
		if s := p.Project.Lookup(callee.Name); s.Func != nil || s.Class != nil {
			return ""
		}
	}
	if pylib.Is(callee.Name, pylib.AwaitsArgs) || pylib.Is(callee.Name, pylib.BindsArguments) || storesKeywords(callee.Name) {
		return ""
	}
	return kw
}

// keywordStoringModules are standard-library modules whose calls keep or
// forward the keyword arguments they are given rather than call them as
// event handlers (`types.SimpleNamespace(on_ready=coro())`,
// `argparse.Namespace(...)`, `collections.ChainMap`, `unittest.mock.Mock`,
// `dataclasses.replace`): the standard library has no widget taking an
// `on_<event>=` handler.
var keywordStoringModules = map[string]bool{
	"types": true, "functools": true, "collections": true, "argparse": true, "dataclasses": true, "copy": true,
	"typing": true, "typing_extensions": true, "contextvars": true, "weakref": true, "operator": true,
	"enum": true, "unittest": true, "string": true, "logging": true, "json": true, "threading": true,
	"concurrent": true, "queue": true, "asyncio": true, "builtins": true,
}

// storesKeywords reports a callee that keeps its keyword arguments as
// values: a builtin (`dict(on_start=coro())`), a method of a builtin
// container (`handlers.update(on_stop=coro())` on a dict), or a call of
// a keywordStoringModules module.
func storesKeywords(name string) bool {
	if analysis.IsBuiltin(name) {
		return true
	}
	head, _, found := strings.Cut(name, ".")
	if found && analysis.IsBuiltin(head) {
		return true
	}
	return keywordStoringModules[head]
}

// inCallbackSlot reports whether argument n of a callback API (fn names
// it) is the callback itself, not one of the callback's own arguments
// (pylib.CallbackSlots; `target=` for a thread).
func inCallbackSlot(p *Pass, n, fn *analysis.Node) bool {
	q := n.Parent()
	if q != nil && q.Type() == "keyword_argument" {
		return p.File.Text(q.ChildByField("name")) == "target"
	}
	last := fn
	if fn.Type() == "attribute" {
		last = fn.ChildByField("attribute")
	}
	slot, ok := pylib.CallbackSlots[p.File.Text(last)]
	if !ok || q == nil || q.Type() != "argument_list" {
		return false
	}
	i := 0
	for _, a := range q.NamedChildren() {
		if a.Type() == "keyword_argument" || a.Type() == "list_splat" || a.Type() == "dictionary_splat" {
			return false
		}
		if analysis.Unparen(a) == n {
			return i == slot
		}
		i++
	}
	return false
}

func (fl *coroFlow) judgeArgument(n, call *analysis.Node, inContainer bool) coroUse {
	p := fl.p
	m := p.Module
	if call == nil || call.Type() != "call" {
		return coroUse{fate: fateConsumed}
	}
	fn := call.ChildByField("function")
	callee := m.Resolve(fn)
	if callee.Name != "" && pylib.Is(callee.Name, pylib.ReturnsArgument) {
		// cast(T, coro) is the coroutine again.
		return fl.judgeValue(call, inContainer)
	}
	if use, ok := fl.judgeCallableExpected(n, call, inContainer); ok {
		return use
	}
	// raise CannotAuthenticate(self._phrase(code)): an exception's
	// constructor keeps its arguments as data and the exception leaves at
	// once; nothing is left to await them.
	if !inContainer && raisedAtOnce(call) && classLike(p, fn, callee) {
		return coroUse{fate: fateMisuse, why: "it is passed to the exception `" + p.File.Brief(fn) + "()` raised at once, which keeps it as data"}
	}
	// kwargs = dict(k=coro()), kwargs.update(k=coro()), kwargs.setdefault("k",
	// coro()): an item of a dict, under a key, as in a dict literal.
	if use, ok := fl.judgeDictInsert(n, call, fn); ok {
		return use
	}
	// calls.append(coro): the coroutine lives on in the local container.
	if fn != nil && fn.Type() == "attribute" && pylib.Method(p.File.Text(fn.ChildByField("attribute")), pylib.ContainerAdder) {
		if obj := analysis.Unparen(fn.ChildByField("object")); obj != nil && obj.Type() == "identifier" {
			if b := m.ScopeAt(obj).Lookup(p.File.Text(obj)); b != nil && b.Kind == analysis.BindAssign {
				return fl.judgeLocal(obj, call, true, "")
			}
		}
	}
	if callee.Name != "" && pylib.Is(callee.Name, pylib.TestsAwaitable) && n.Type() == "identifier" {
		// isinstance(body, dict) asks about kinds no coroutine object is
		// (the code expects the result, not an awaitable): a test, not a
		// guard, judged with the name's other uses.
		if classes, ok := nonAwaitableBuiltins(p, call, callee.Name); ok {
			return coroUse{fate: fateWeak, why: "it is tested with `isinstance(..., " + classes +
				")`, which a coroutine object never passes", kindTest: true}
		}
		return coroUse{fate: fateGuarded}
	}
	if fn != nil && fn.Type() == "identifier" && callee.Name == p.File.Text(fn) && m.IsBuiltin(fn, callee.Name) {
		if callee.Name == "getattr" {
			if use, ok := fl.judgeGetattr(n, call); ok {
				return use
			}
		}
		if pylib.Method(callee.Name, pylib.ReadsArgument) {
			return coroUse{fate: fateWeak, why: "it is only printed or inspected, never run"}
		}
		if inContainer || callee.Name == "setattr" {
			return coroUse{fate: fateConsumed}
		}
		return coroUse{fate: fateMisuse, why: "it is passed to `" + callee.Name + "()` as if it were its result"}
	}
	// A method of a literal (`"{}: {}".format(...)`, `", ".join(...)`,
	// `b"".join(...)`) is a builtin type's: it reads its arguments as data.
	if fn != nil && fn.Type() == "attribute" {
		if typ := literalTypeName(p.File, analysis.Unparen(fn.ChildByField("object"))); typ != "" {
			method := typ + "." + p.File.Text(fn.ChildByField("attribute"))
			if pylib.Method(p.File.Text(fn.ChildByField("attribute")), pylib.ReadsArgument) {
				return coroUse{fate: fateWeak, why: "it is formatted into a string by `" + method + "()`"}
			}
			return coroUse{fate: fateMisuse, why: "it is passed to `" + method + "()`, which reads it as data"}
		}
	}
	name := callee.Name
	if name != "" && p.Project != nil {
		canon := p.Project.Canonical(name)
		if pylib.TakesData(name) || pylib.TakesData(canon) {
			return coroUse{fate: fateMisuse, why: "it is passed to `" + p.File.Brief(fn) + "()`, which reads it as data"}
		}
		if api, ok := pylib.Lookup(canon); ok && p.Project.LibraryCoroutine(canon, call) && !api.Has(pylib.AwaitsArgs) {
			return coroUse{fate: fateMisuse, why: "it is passed to `" + p.File.Brief(fn) + "()`, which takes data, not an awaitable"}
		}
		// A synchronous request to a service (pylib's ServiceRequest: an
		// ORM query, a web API's method) sends its arguments; nothing
		// there awaits them (`Message.objects.create(room=coro())`).
		if api, ok := pylib.Lookup(canon); ok && api.ServiceRequest && !api.Has(pylib.AwaitsArgs) && !p.Project.LibraryCoroutine(canon, call) {
			return coroUse{fate: fateMisuse, why: "it is passed to `" + p.File.Brief(fn) + "()`, a request that sends it as data"}
		}
	}
	if c := moduleCallAt(m, call); c != nil && p.Project != nil {
		if t := p.Project.Target(c); t != nil && t.Module() != nil {
			return fl.judgeParameter(c, t, n, inContainer)
		}
	}
	if unresolvedDjangoModelQuery(p, call) {
		return coroUse{fate: fateMisuse, why: "it is passed to `" + p.File.Brief(fn) + "()`, a query that sends it as data"}
	}
	// A callable nothing is known of (a class or function of a module
	// outside the project): it may run the coroutine, or keep it as data.
	if callee.Func == nil && callee.Class == nil && (name == "" || !pylib.Is(name, pylib.AwaitsArgs)) {
		return coroUse{fate: fateConsumed, opaque: true, why: "it is passed to `" + p.File.Brief(fn) + "()`"}
	}
	return coroUse{fate: fateConsumed}
}

// literalTypeName is the builtin type of a literal receiver ("str",
// "bytes", "int", "float"), or "".
func literalTypeName(f *analysis.File, n *analysis.Node) string {
	if n == nil {
		return ""
	}
	switch n.Type() {
	case "string", "concatenated_string":
		text := f.Text(n)
		if i := strings.IndexAny(text, `"'`); i > 0 && strings.ContainsAny(text[:i], "bB") {
			return "bytes"
		}
		return "str"
	case "integer":
		return "int"
	case "float":
		return "float"
	}
	return ""
}

// raisedAtOnce reports whether call is the exception of a raise statement
// (`raise E(...)`, not its `from` cause).
func raisedAtOnce(call *analysis.Node) bool {
	call, parent := analysis.ParenParent(call)
	return parent != nil && parent.Type() == "raise_statement" && call.Field() != "cause"
}

// classLike reports whether the callee fn of a call constructs an object:
// a project class, or a name written as classes are (`ValueError`,
// `errors.CannotConnect`), which a raise statement needs.
func classLike(p *Pass, fn *analysis.Node, callee analysis.Ref) bool {
	if callee.Class != nil {
		return true
	}
	if callee.Func != nil || fn == nil {
		return false
	}
	if fn.Type() == "attribute" {
		fn = fn.ChildByField("attribute")
	}
	if fn == nil || fn.Type() != "identifier" {
		return false
	}
	name := p.File.Text(fn)
	return name != "" && name[0] >= 'A' && name[0] <= 'Z'
}

// moduleCallAt returns the Call of a call node of m.
func moduleCallAt(m *analysis.Module, n *analysis.Node) *analysis.Call {
	calls := m.Memo("rules.callByNode", func() any { return callByNode(m) }).(map[*analysis.Node]*analysis.Call)
	return calls[n]
}

// judgeParameter follows a coroutine passed to a function of the project
// into that function: a parameter it only reads as data (`completion.get(...)`)
// means the callee never awaits it.
func (fl *coroFlow) judgeParameter(c *analysis.Call, t *analysis.Function, arg *analysis.Node, inContainer bool) coroUse {
	consumed := coroUse{fate: fateConsumed}
	if fl.depth >= 3 || inContainer || t.Lambda || t.Generator || t.Name == "__init__" {
		return consumed
	}
	name := parameterFor(fl.p, c, t, arg)
	if name == "" {
		return consumed
	}
	// Rebindings are allowed here: the uses before the first one are
	// judged (below).
	b := t.Scope.Bindings.Get(name)
	if b == nil || b.Kind != analysis.BindParam || catchAllParam(b.Node) {
		return consumed
	}
	tm := t.Module()
	inner := &coroFlow{p: &Pass{Rule: fl.p.Rule, Module: tm, File: tm.File, Project: fl.p.Project, Options: fl.p.Options,
		diags: fl.p.diags, shared: fl.p.shared}, depth: fl.depth + 1, library: fl.library}
	body := t.Node.ChildByField("body")
	if body == nil {
		return consumed
	}
	var uses, rebinds []*analysis.Node
	escaped := false
	body.Walk(func(n *analysis.Node) bool {
		if escaped {
			return false
		}
		if n.Type() != "identifier" || n.Field() == "attribute" || p0(n) || tm.File.Text(n) != name {
			return true
		}
		if tm.ScopeAt(n).Lookup(name) != b {
			return true
		}
		if tm.ScopeAt(n) != t.Scope {
			escaped = true
			return false
		}
		if analysis.IsBindingTarget(n) {
			rebinds = append(rebinds, n)
			return true
		}
		uses = append(uses, n)
		return true
	})
	// A rebinding of the parameter ends what it says of the argument: the
	// uses before the first one are the argument's (s3ql's
	// `_parse_error_response(resp, body)` hands body on, then sets `body =
	// None`), unless a loop around a use rebinds it too. A use after it
	// still sees the argument on a path that skips the rebinding (`if coro
	// is None: coro = default()` then `ensure_future(coro)`), unless the
	// rebinding is an assignment statement of the function's own body,
	// which every later statement follows.
	if len(rebinds) > 0 {
		kept := uses[:0]
		for _, u := range uses {
			if u.Start < rebinds[0].Start {
				kept = append(kept, u)
			} else if !assignedInBody(rebinds[0], body) {
				escaped = true
			}
		}
		uses = kept
		for _, u := range uses {
			for _, r := range rebinds {
				if analysis.InLoopAround(r, u) {
					escaped = true
				}
			}
		}
	}
	if escaped || len(uses) == 0 {
		return consumed
	}
	var misuse, weak *coroUse
	for _, u := range uses {
		v := inner.judgeValue(u, false)
		switch v.fate {
		case fateConsumed, fateGuarded, fateWeak, fateDropped:
			if v.fate != fateWeak && v.fate != fateDropped {
				return consumed
			}
			if v.fate == fateWeak && weak == nil {
				weak = &v
			}
		case fateMisuse:
			if misuse == nil {
				misuse = &v
			}
		}
	}
	if misuse == nil && weak != nil {
		// The function only prints or inspects it (`return {"output":
		// str(crew_output)}`): a weak use, as the same `str(coro)` in the
		// caller is, wrong when nothing else runs the coroutine.
		return coroUse{fate: fateWeak, why: "it is passed to `" + t.Name + "()` as `" + name + "`, where " + weak.why}
	}
	if misuse == nil {
		return consumed
	}
	// "..., where it is passed to `len()` as if it were its result": the
	// inner use keeps its own subject (it, its method) in the parameter's
	// function.
	return coroUse{fate: fateMisuse, why: "it is passed to `" + t.Name + "()` as `" + name + "`, where " + misuse.why}
}

// parameterFor names the parameter of t that argument arg of call c binds.
func parameterFor(p *Pass, c *analysis.Call, t *analysis.Function, arg *analysis.Node) string {
	for q := arg; q != nil && q != c.Node; q = q.Parent() {
		if q.Type() == "keyword_argument" {
			return p.File.Text(q.ChildByField("name"))
		}
		if q.Parent() != nil && q.Parent().Type() == "argument_list" {
			arg = q
			break
		}
	}
	offset := 0
	fn := c.Node.ChildByField("function")
	if t.Class != nil && fn != nil && fn.Type() == "attribute" && len(t.Params) > 0 {
		static := false
		for _, d := range t.Decorators {
			if strings.Contains(t.Module().File.Text(d), "staticmethod") {
				static = true
			}
		}
		recv := p.Module.Resolve(fn.ChildByField("object"))
		classmethod := false
		for _, d := range t.Decorators {
			if strings.Contains(t.Module().File.Text(d), "classmethod") {
				classmethod = true
			}
		}
		if !static && (recv.Instance || classmethod || recv.Class == nil) {
			offset = 1
		}
	}
	if t.Class != nil && t.Name == "__call__" {
		offset = 1 // calling an instance binds it to self
	}
	if t.Class != nil && t.Name == "__init__" && fn != nil && fn.Type() != "attribute" {
		offset = 1 // calling the class binds the new object to self
	}
	i := 0
	for _, a := range c.Args() {
		switch a.Type() {
		case "keyword_argument", "comment":
			continue
		case "list_splat", "dictionary_splat":
			return ""
		}
		if a == arg {
			// Never the receiver itself: what binds self is not an argument.
			if positional := positionalParams(t); i+offset < len(positional) && !(t.Class != nil && i+offset == 0) {
				return positional[i+offset]
			}
			return ""
		}
		i++
	}
	return ""
}

// judgeStored follows a coroutine assigned somewhere.
func (fl *coroFlow) judgeStored(n, assign *analysis.Node, inContainer bool) coroUse {
	if assign == nil {
		return coroUse{fate: fateConsumed}
	}
	var target, value *analysis.Node
	switch assign.Type() {
	case "assignment":
		target, value = analysis.Unparen(assign.ChildByField("left")), assign.ChildByField("right")
		for value != nil && value.Type() == "assignment" {
			return coroUse{fate: fateConsumed} // a = b = coro: not followed
		}
	case "named_expression":
		// The walrus's own value and the name both carry the coroutine.
		target = assign.ChildByField("name")
		u := fl.judgeValue(assign, inContainer)
		if u.fate == fateConsumed || target == nil || target.Type() != "identifier" {
			return coroUse{fate: fateConsumed}
		}
		if l := fl.judgeLocal(target, assign, inContainer, ""); l.fate != fateMisuse || !strings.Contains(l.why, "never awaited") {
			if l.fate == fateConsumed {
				return l
			}
			return l
		}
		return u
	default:
		return coroUse{fate: fateConsumed}
	}
	if target == nil {
		return coroUse{fate: fateConsumed}
	}
	switch target.Type() {
	case "pattern_list", "tuple_pattern", "list_pattern", "tuple", "list":
		if !inContainer && analysis.Unparen(value) == n {
			return coroUse{fate: fateMisuse, why: "it is unpacked as if it were its result"}
		}
		return coroUse{fate: fateConsumed}
	case "identifier":
		l := fl.judgeLocal(target, assign, inContainer, literalItemKey(fl.p.File, n, value))
		if l.fate == fateConsumed || l.onePath {
			return l
		}
		if u, ok := fl.declaredForResult(n, assign, target, value); ok {
			return u
		}
		return l
	case "attribute":
		if u, ok := fl.declaredForResult(n, assign, target, value); ok {
			return u
		}
		if analysis.Unparen(value) == n {
			return fl.judgeSelfAttribute(target)
		}
	case "subscript":
		// kwargs["resp"] = coro(): the coroutine is an item of a local
		// container, read back by that key.
		obj := analysis.Unparen(target.ChildByField("value"))
		key := itemKey(fl.p.File, target.ChildByField("subscript"))
		if analysis.Unparen(value) == n && obj != nil && obj.Type() == "identifier" && key != "" {
			if b := fl.p.Module.ScopeAt(obj).Lookup(fl.p.File.Text(obj)); b != nil && b.Kind == analysis.BindAssign {
				return fl.judgeLocal(obj, assign, true, key)
			}
		}
	}
	return coroUse{fate: fateConsumed}
}

// judgeDictInsert judges a coroutine stored under a constant key into a
// dict by a call: the builtin `dict(k=coro())` assigned to a local name,
// or `d.update(k=coro())`, `d.update({"k": coro()})`, `d.setdefault("k",
// coro())` on a local d. ok is false for other calls.
func (fl *coroFlow) judgeDictInsert(n, call, fn *analysis.Node) (coroUse, bool) {
	p := fl.p
	m := p.Module
	if fn == nil {
		return coroUse{}, false
	}
	args := call.ChildByField("arguments")
	key := ""
	switch q := n.Parent(); {
	case q != nil && q.Type() == "keyword_argument" && n.Field() == "value" && q.Parent() == args:
		key = "'" + p.File.Text(q.ChildByField("name")) + "'"
	case q != nil && q.Type() == "pair" && n.Field() == "value" && q.Parent() != nil && q.Parent().Type() == "dictionary" && q.Parent().Parent() == args:
		key = itemKey(p.File, q.ChildByField("key"))
	}
	switch fn.Type() {
	case "identifier":
		if key == "" || p.File.Text(fn) != "dict" || !m.IsBuiltin(fn, "dict") {
			return coroUse{}, false
		}
		if u, assign := m.UsageOf(call); u == analysis.UsageStored && assign != nil && assign.Type() == "assignment" {
			if target := analysis.Unparen(assign.ChildByField("left")); target != nil && target.Type() == "identifier" &&
				analysis.Unparen(assign.ChildByField("right")) == call {
				return fl.judgeLocal(target, assign, true, key), true
			}
		}
		return fl.judgeValue(call, true), true
	case "attribute":
		method := p.File.Text(fn.ChildByField("attribute"))
		if !pylib.Method(method, pylib.DictInserter) {
			return coroUse{}, false
		}
		if method == "setdefault" {
			key = ""
			if named := args.NamedChildren(); len(named) == 2 && named[1] == n {
				key = itemKey(p.File, named[0])
			}
		}
		obj := analysis.Unparen(fn.ChildByField("object"))
		if key == "" || obj == nil || obj.Type() != "identifier" {
			return coroUse{}, false
		}
		if b := m.ScopeAt(obj).Lookup(p.File.Text(obj)); b != nil && b.Kind == analysis.BindAssign {
			return fl.judgeLocal(obj, call, true, key), true
		}
	}
	return coroUse{}, false
}

// itemKey returns a constant subscript or dict key (a plain string or an
// integer literal) as one text for both spellings of a string, or "".
func itemKey(f *analysis.File, n *analysis.Node) string {
	n = analysis.Unparen(n)
	if n == nil {
		return ""
	}
	if s := analysis.StringConstant(f, n); s != "" {
		return "'" + s + "'"
	}
	if n.Type() == "integer" {
		return f.Text(n)
	}
	return ""
}

// literalItemKey returns the key under which the coroutine n sits in the
// dict literal that is an assignment's whole value (`d = {"k": coro()}`),
// or "".
func literalItemKey(f *analysis.File, n, value *analysis.Node) string {
	_, pair := analysis.ParenParent(n)
	if pair == nil || pair.Type() != "pair" || pair.Parent() != analysis.Unparen(value) || pair.Parent().Type() != "dictionary" ||
		analysis.Unparen(pair.ChildByField("value")) != n {
		return ""
	}
	return itemKey(f, pair.ChildByField("key"))
}

// itemRead returns the subscript that reads container[key] when use (a
// read of the container) is its object, and whether it is instead a store
// to that key (`container[key] = ...`), which replaces the coroutine.
func itemRead(f *analysis.File, use *analysis.Node, key string) (read *analysis.Node, store bool) {
	sub := use.Parent()
	if key == "" || sub == nil || sub.Type() != "subscript" || use.Field() != "value" || itemKey(f, sub.ChildByField("subscript")) != key {
		return nil, false
	}
	return sub, isAttributeTarget(sub)
}

// judgeSelfAttribute follows a coroutine stored in `self.NAME` to the reads
// of `self.NAME` in the class's methods: read as data there (`self.me.id`)
// and never awaited or handed on, it was meant to be the result.
func (fl *coroFlow) judgeSelfAttribute(target *analysis.Node) coroUse {
	consumed := coroUse{fate: fateConsumed}
	m := fl.p.Module
	obj := analysis.Unparen(target.ChildByField("object"))
	f := m.FunctionAt(target)
	if obj == nil || obj.Type() != "identifier" || f == nil || f.Class == nil || len(f.Params) == 0 || m.File.Text(obj) != f.Params[0] {
		return consumed
	}
	attr := m.File.Text(target.ChildByField("attribute"))
	key := f.Class.Name + "." + attr
	if fl.selfAttrs[key] {
		return consumed
	}
	if fl.selfAttrs == nil {
		fl.selfAttrs = map[string]bool{}
	}
	fl.selfAttrs[key] = true
	defer delete(fl.selfAttrs, key)
	var misuse, memo, weak *coroUse
	// Used as its result in the very next statement: nothing can have
	// replaced or awaited it in between, whatever later code does with it.
	if next := nextStatementUse(target); next != nil {
		var first *coroUse
		next.Walk(func(n *analysis.Node) bool {
			if first != nil || n.Type() != "attribute" || m.File.Text(n.ChildByField("attribute")) != attr {
				return first == nil
			}
			o := analysis.Unparen(n.ChildByField("object"))
			if o == nil || o.Type() != "identifier" || m.File.Text(o) != f.Params[0] || isAttributeTarget(n) {
				return true
			}
			v := fl.judgeValue(n, false)
			first = &v
			return false
		})
		if first != nil && first.fate == fateMisuse {
			return coroUse{fate: fateMisuse, why: "it is stored in `self." + attr + "`, and " + strings.TrimPrefix(first.why, "it is ")}
		}
		if first != nil && first.fate == fateWeak {
			weak = first
		}
	}
	for _, meth := range f.Class.MethodsInOrder() {
		if len(meth.Params) == 0 || meth.Node.ChildByField("body") == nil {
			continue
		}
		self := meth.Params[0]
		found := false
		meth.Node.ChildByField("body").Walk(func(n *analysis.Node) bool {
			if found || n.Type() != "attribute" || n == target || m.File.Text(n.ChildByField("attribute")) != attr {
				return !found
			}
			o := analysis.Unparen(n.ChildByField("object"))
			if o == nil || o.Type() != "identifier" || m.File.Text(o) != self {
				return true
			}
			if isAttributeTarget(n) {
				return true
			}
			v := fl.judgeValue(n, false)
			if meth == f {
				if u, ok := fl.memoisedForCallers(f, n, attr); ok {
					memo = &u
					return true
				}
			}
			switch v.fate {
			case fateMisuse:
				if misuse == nil {
					misuse = &v
				}
			case fateWeak:
				if weak == nil {
					weak = &v
				}
			default:
				found = true // awaited, handed on or discarded: someone handles it
			}
			return true
		})
		if found {
			return consumed
		}
	}
	if memo != nil && misuse == nil {
		return *memo
	}
	if misuse == nil && weak != nil && selfAttrReadOnlyByClass(fl.p, f.Class, attr) {
		// Only printed, formatted or tested, and no method awaits or hands
		// it on: as for a local name, the coroutine is never run.
		return coroUse{fate: fateMisuse, why: "it is stored in `self." + attr + "`, which no method awaits or hands on (" +
			strings.TrimPrefix(weak.why, "it is ") + ")"}
	}
	if misuse == nil {
		return consumed
	}
	return coroUse{fate: fateMisuse, why: "it is stored in `self." + attr + "`, and " + strings.TrimPrefix(misuse.why, "it is ")}
}

// selfAttrReadOnlyByClass reports a private attribute (`_payload`) that the
// module names only as an attribute of self: in the methods of cls, or of
// another class of the module that does not derive from cls (its own
// attribute of that name). No other object's `x._payload`, and no method
// of a subclass, reads or writes it. Another module reading a private
// attribute of this class is not looked for: the name says it is the
// class's own.
func selfAttrReadOnlyByClass(p *Pass, cls *analysis.Class, attr string) bool {
	m := p.Module
	if !analysis.PrivateName(attr) || strings.HasPrefix(attr, "__") {
		return false
	}
	ok := true
	m.File.Root.Walk(func(n *analysis.Node) bool {
		if !ok {
			return false
		}
		if n.Type() != "attribute" || m.File.Text(n.ChildByField("attribute")) != attr {
			return true
		}
		o := analysis.Unparen(n.ChildByField("object"))
		g := m.FunctionAt(n)
		switch {
		case o == nil || o.Type() != "identifier" || g == nil || g.Class == nil || len(g.Params) == 0 || m.File.Text(o) != g.Params[0]:
			ok = false
		case g.Class != cls && (p.Project == nil || p.Project.DerivesFromAny(g.Class, map[*analysis.Class]bool{cls: true})):
			ok = false
		}
		return true
	})
	return ok
}

// memoisedForCallers judges the coroutine a synchronous method g memoises
// in self.attr (`if not hasattr(self, "_room"): self._room =
// Room.objects.aget(...)`, then `return self._room`) by the calls of g: n
// is the read `return self.attr` of g itself. Every call of g returns that
// one coroutine object, which can be awaited only once, so the memo, not
// each caller, is where the await belongs (awaiting at a caller fails from
// the second call on: "cannot reuse already awaited coroutine"). When the
// module calls g only as `self.g()` in methods of its class (at least once,
// g named nowhere else in the module) and every such call uses the value as
// the result or drops it, the coroutine is reported here, once, with the
// first such use; those calls are then not reported
// (memoisedCoroutineReported). ok is false otherwise (a call that awaits,
// schedules, returns or hands on the value, a property or other decorated
// getter, g named other than by those calls): the callers are judged where
// they are, as calls of a coroutine factory.
func (fl *coroFlow) memoisedForCallers(g *analysis.Function, n *analysis.Node, attr string) (coroUse, bool) {
	m := fl.p.Module
	if g.Async || g.Generator || g.Class == nil || len(g.Params) == 0 || len(g.Decorators) > 0 {
		return coroUse{}, false
	}
	up, parent := analysis.ParenParent(n)
	if parent == nil || parent.Type() != "return_statement" || len(parent.NamedChildren()) != 1 || analysis.Unparen(up) != n {
		return coroUse{}, false
	}
	// Every value the class stores there is a coroutine call of g's own
	// body, and neither its body nor a project base binds the name
	// (analysis.Project.ReturnsOnly's memoised attribute).
	if !fl.p.Project.ReturnsOnly(g, false, func(c *analysis.Call) bool { return isCoroutineCall(fl.p, c) }) {
		return coroUse{}, false
	}
	calls, ok := memoGetterCalls(fl.p, g)
	if !ok || len(calls) == 0 {
		return coroUse{}, false
	}
	var first, dropped *coroUse
	line := 0
	for _, c := range calls {
		v := fl.judgeValue(c.Node, false)
		switch v.fate {
		case fateMisuse:
			if first == nil {
				first = &v
				line = m.File.Lines.Position(int(c.Node.Start)).Line + 1
			}
		case fateDropped:
			if dropped == nil {
				dropped = &v
				if first == nil {
					line = m.File.Lines.Position(int(c.Node.Start)).Line + 1
				}
			}
		default:
			return coroUse{}, false
		}
	}
	if first == nil {
		first = dropped
	}
	return coroUse{fate: fateMisuse, memo: true, why: "it is memoised in `self." + attr + "` and returned by the synchronous `" + g.Name +
		"()` (a coroutine can be awaited only once, so await it where it is made), and at line " + strconv.Itoa(line) + " " + first.why}, true
}

// memoGetterCalls returns the module's calls of the method g, each
// `self.g(...)` in a method of g's class (self its first parameter), and
// whether those calls are the only places the module names g (besides its
// definition): a reference passed as a callback, a call through another
// receiver, a call from a class that may inherit g, or an alias of the name
// makes the answer false. `self.g` in a method of another class that
// defines its own g names that method, not this one.
func memoGetterCalls(p *Pass, g *analysis.Function) ([]*analysis.Call, bool) {
	m := p.Module
	// ownerOf returns the class whose method a `self.NAME` attribute x
	// names when x is read on the first parameter of a method, else nil.
	ownerOf := func(x *analysis.Node) *analysis.Class {
		obj := analysis.Unparen(x.ChildByField("object"))
		f := m.FunctionAt(x)
		if f == nil || f.Class == nil || len(f.Params) == 0 || obj == nil || obj.Type() != "identifier" || m.File.Text(obj) != f.Params[0] {
			return nil
		}
		return f.Class
	}
	var calls []*analysis.Call
	ok := true
	m.File.Root.Walk(func(x *analysis.Node) bool {
		if !ok {
			return false
		}
		switch x.Type() {
		case "attribute":
			if m.File.Text(x.ChildByField("attribute")) != g.Name {
				return true
			}
			owner := ownerOf(x)
			if owner != nil && owner != g.Class && owner.Methods[g.Name] != nil {
				return true // another class's own method of that name
			}
			up, parent := analysis.ParenParent(x)
			var call *analysis.Call
			if parent != nil && parent.Type() == "call" && up.Field() == "function" {
				call = moduleCallAt(m, parent)
			}
			if call != nil && owner != g.Class {
				// A call the model resolves to another function.
				if t := p.Project.Target(call); t != nil && t != g {
					return true
				}
			}
			if owner != g.Class || call == nil {
				ok = false
				return false
			}
			calls = append(calls, call)
		case "identifier":
			// A bare name reaches the method only in its class's body (an
			// alias `load = room`); in a function it is a local of that name.
			if x.Field() != "attribute" && m.File.Text(x) == g.Name && m.FunctionAt(x) == nil &&
				(x.Field() != "name" || x.Parent() == nil || x.Parent().Type() != "function_definition") {
				ok = false
			}
		}
		return ok
	})
	return calls, ok
}

// memoisedCoroutineReported reports a call `self.g()` of a synchronous
// method g that memoises a coroutine in an attribute of self, when that
// coroutine is reported where g makes it (memoisedForCallers): the call is
// one of the uses that finding names, not a second finding.
func memoisedCoroutineReported(p *Pass, c *analysis.Call) bool {
	fn := analysis.Unparen(c.Node.ChildByField("function"))
	if c.Func == nil || c.Func.Class == nil || fn == nil || fn.Type() != "attribute" {
		return false
	}
	g := c.Func.Class.Methods[p.File.Text(fn.ChildByField("attribute"))]
	if g == nil || g.Async || g.Class != c.Func.Class {
		return false
	}
	for _, made := range g.Calls {
		if made.Usage != analysis.UsageStored || made.UsedBy == nil || made.UsedBy.Type() != "assignment" ||
			analysis.Unparen(made.UsedBy.ChildByField("right")) != made.Node {
			continue
		}
		target := analysis.Unparen(made.UsedBy.ChildByField("left"))
		if target == nil || target.Type() != "attribute" || !isCoroutineCall(p, made) {
			continue
		}
		fl := &coroFlow{p: p, result: resultAnnotation(p, made)}
		if u := fl.judgeSelfAttribute(target); u.fate == fateMisuse && u.memo {
			return true
		}
	}
	return false
}

// nextStatementUse returns the part of the statement right after the
// assignment to target that runs first (an `if`'s or `while`'s condition,
// a whole simple statement), or nil.
func nextStatementUse(target *analysis.Node) *analysis.Node {
	stmt := target.Parent()
	for stmt != nil && stmt.Type() != "expression_statement" {
		if stmt.Type() != "assignment" && stmt.Type() != "pattern_list" && stmt.Type() != "expression_list" {
			return nil
		}
		stmt = stmt.Parent()
	}
	if stmt == nil || stmt.Parent() == nil {
		return nil
	}
	siblings := stmt.Parent().NamedChildren()
	for i, c := range siblings {
		if c != stmt || i+1 >= len(siblings) {
			continue
		}
		switch next := siblings[i+1]; next.Type() {
		case "if_statement", "while_statement":
			return next.ChildByField("condition")
		case "expression_statement", "return_statement":
			return next
		}
	}
	return nil
}

// isAttributeTarget reports an attribute being assigned (`self.x = ...`).
func isAttributeTarget(n *analysis.Node) bool {
	child := n
	for q := n.Parent(); q != nil; child, q = q, q.Parent() {
		switch q.Type() {
		case "pattern_list", "tuple_pattern", "tuple", "expression_list", "parenthesized_expression":
			continue
		case "assignment", "augmented_assignment":
			return child.Field() == "left"
		}
		return false
	}
	return false
}

// judgeLocal follows a coroutine (or a container of coroutines) stored in a
// local name through the uses that the assignment reaches. item is the
// constant key the coroutine is stored under in the container ("" when
// unknown): a read of that item (`d["k"]`) is the coroutine itself, judged
// as such until the item is stored again.
func (fl *coroFlow) judgeLocal(target, assign *analysis.Node, inContainer bool, item string) coroUse {
	p := fl.p
	m := p.Module
	scope := m.ScopeAt(target)
	if scope.Kind == analysis.ModuleScope && !inContainer {
		return fl.judgeModuleGlobal(target, assign, scope)
	}
	if scope.Kind == analysis.ModuleScope || scope.Kind == analysis.ClassScope {
		return coroUse{fate: fateConsumed} // module and class attributes may be read from anywhere
	}
	name := p.File.Text(target)
	if scope.Global(name) || scope.Nonlocal(name) {
		return coroUse{fate: fateConsumed}
	}
	binding := scope.Lookup(name)
	uses, lostAt, ok := reachedUses(m, scope, binding, name, target, assign, false)
	if !ok {
		// A nested function captures the name and may await it, but a use
		// as the result before that function is defined (`user.id` right
		// after `user = get_default_user()`) fails whatever the function
		// does later.
		for _, use := range uses {
			if u := fl.judgeValue(use, inContainer); u.fate == fateMisuse && !inContainer {
				return coroUse{fate: fateMisuse, why: "it is stored in `" + name + "` and " + strings.TrimPrefix(u.why, "it is ")}
			}
		}
		return coroUse{fate: fateConsumed}
	}
	var weak, misuse, kindTest, returnedRecord, test, opaque, identity *coroUse
	consumed, seen := false, false // seen: consumed other than by an opaque call
	var consumedAt, objectUses []*analysis.Node
	itemStored := false // the item was replaced: later reads of it are not the coroutine
	for _, use := range uses {
		var u coroUse
		if f := returnedWhole(m, use); f != nil && strings.HasPrefix(item, "'") && !itemStored && !fl.awaitableObject {
			// The record holding the coroutine under a constant key is the
			// async function's result (`body = {"k": f()}; return body`),
			// unless another use consumed the coroutine first.
			returnedRecord = &coroUse{fate: fateMisuse, why: "it is put in `" + name + "` under key " + item + ", and `" +
				name + "` is returned from async function `" + f.Name + "`, so awaiting `" + f.Name +
				"()` gives a dict holding a coroutine object, not its result"}
			continue
		}
		if read, store := itemRead(p.File, use, item); read != nil && (store || itemStored) {
			itemStored = true
			continue
		} else if read != nil {
			if u = fl.judgeValue(read, false); u.fate == fateMisuse {
				u.why = "it is stored in `" + p.File.Brief(read) + "`, and " + strings.TrimPrefix(u.why, "it is ")
				return u
			}
		} else {
			u = fl.judgeValue(use, inContainer)
		}
		if u.fate == fateConsumed {
			consumedAt = append(consumedAt, use)
		}
		if inContainer && u.fate != fateConsumed {
			// A container of coroutines is only wrong where it is handed
			// to code that reads it as data.
			if u.fate != fateMisuse || !strings.Contains(u.why, "passed to") && !u.unpack {
				u = coroUse{fate: fateWeak, why: u.why}
			}
		}
		switch u.fate {
		case fateGuarded:
			return coroUse{fate: fateConsumed}
		case fateConsumed:
			consumed = true
			if !u.opaque {
				seen = true
			} else if opaque == nil {
				opaque = &u
			}
		case fateMisuse:
			if u.identity && !inContainer {
				// Which object it is: wrong only if nothing runs it.
				if identity == nil {
					identity = &u
				}
			} else if u.object && !inContainer {
				objectUses = append(objectUses, use)
				if misuse == nil {
					misuse = &u
				}
			} else if misuse == nil || misuse.object {
				misuse = &u
			}
		case fateWeak:
			if weak == nil {
				weak = &u
			}
			if u.kindTest && kindTest == nil {
				kindTest = &u
			}
			if u.test && test == nil {
				test = &u
			}
		}
	}
	if fl.library && misuse != nil && misuse.object && len(objectUses) > 0 && everyUseInOtherArm(objectUses, consumedAt) {
		// `if is_v3(): return await r` / `else: return await
		// r.to_asyncio_future()`: the name is awaited in one arm of an `if`
		// and used as another kind of object (its method, its attribute) in
		// another arm only — code written for two versions of a library,
		// which expects either kind of value, as a test of awaitability does;
		// those arms count as handling the value. Not for a coroutine
		// function of the project, whose call is a coroutine in every arm.
		misuse = nil
		consumedAt = append(consumedAt, objectUses...)
	}
	if returnedRecord != nil && !consumed && misuse == nil {
		return *returnedRecord
	}
	if identity != nil && misuse == nil && (!consumed || !seen) {
		misuse = identity
	}
	where := "it is stored in `" + name + "`"
	if inContainer {
		where = "it is put in `" + name + "`"
	}
	switch {
	case kindTest != nil && !inContainer:
		// The code tells a result from something else by a test no
		// coroutine passes: uses under the test may never see the coroutine
		// (so their misuses are not claimed), and one awaited elsewhere is
		// the code's own business.
		if consumed {
			return coroUse{fate: fateConsumed}
		}
		return coroUse{fate: fateMisuse, why: where + " and " + strings.TrimPrefix(kindTest.why, "it is ")}
	case misuse != nil:
		return coroUse{fate: fateMisuse, why: where + " and " + strings.TrimPrefix(misuse.why, "it is "), unpack: misuse.unpack, advice: misuse.advice}
	case consumed && !seen && test != nil && opaque != nil && !inContainer:
		// `club = session.get(...)`, `if not club: raise ...`, then
		// `ClubUser(club=club)`: the code tests the value as a result that
		// may be missing, and nothing awaits or schedules it; handing it
		// to a callable nothing is known of does not make the test right.
		return coroUse{fate: fateMisuse, why: where + ", " + strings.TrimPrefix(test.why, "it is ") +
			", and never awaited (only " + strings.TrimPrefix(opaque.why, "it is ") + ")"}
	case consumed:
		if cond, line, open := uncoveredPath(p.File, assign, consumedAt); open && !inContainer && !mentionsName(cond, name) {
			return coroUse{fate: fateMisuse, why: pathWhy(where, cond, line), onePath: true}
		}
		if line, exits := earlyExit(p.File, assign, consumedAt, name); exits && !inContainer {
			return coroUse{fate: fateMisuse, onePath: true, why: where + ", and line " + strconv.Itoa(line) +
				" can leave before `" + name + "` is awaited; on that path it is never awaited"}
		}
		if lostAt != nil && !inContainer {
			return coroUse{fate: fateMisuse, onePath: true, why: where + ", and `" + name + "` is rebound on line " +
				strconv.Itoa(p.File.Lines.Position(int(lostAt.Start)).Line+1) + " before anything reads it; on that path it is never awaited"}
		}
		return coroUse{fate: fateConsumed}
	case inContainer && len(uses) > 0:
		return coroUse{fate: fateConsumed}
	case weak != nil:
		return coroUse{fate: fateMisuse, why: where + ", which is never awaited or passed on (" + weak.why + ")"}
	}
	if inContainer {
		return coroUse{fate: fateMisuse, why: where + ", which is never awaited or passed on"}
	}
	return coroUse{fate: fateMisuse, why: where + " that is never awaited or passed on"}
}

// judgeModuleGlobal judges a coroutine assigned to a name of the module's
// own code (a script's `contact = client.get_entity(id)`). Another module or
// a function may read the global later, so a value never read is not
// claimed; but the module's own statements after the assignment run at
// import, before anything else can, and a use of the value as the result
// there (`contact.status`, iterating it, testing it) fails whatever those
// readers do. The reads are followed in source order, in the module's own
// code only (not in functions or classes it defines), up to a rebinding
// that surely runs; the first read that awaits or hands the value on ends
// the judgement.
func (fl *coroFlow) judgeModuleGlobal(target, assign *analysis.Node, scope *analysis.Scope) coroUse {
	name := fl.p.File.Text(target)
	binding := scope.Lookup(name)
	if binding == nil {
		return coroUse{fate: fateConsumed}
	}
	uses, _, _ := reachedUses(fl.p.Module, scope, binding, name, target, assign, true)
	for _, use := range uses {
		switch u := fl.judgeValue(use, false); u.fate {
		case fateMisuse:
			return coroUse{fate: fateMisuse, why: "it is stored in `" + name + "` and " + strings.TrimPrefix(u.why, "it is ")}
		case fateConsumed, fateGuarded:
			return coroUse{fate: fateConsumed}
		}
	}
	return coroUse{fate: fateConsumed}
}

// reachedUses returns the reads of name (bound to binding) that the
// assignment can reach: after it in source order, before the next
// assignment of the name, and not in another branch of an if. ok is false
// when the name escapes where it cannot be followed (a nested function);
// uses then holds only the reads before the first capture in source order,
// which run before the nested function is defined.
//
// lost is a rebinding in a block that may be skipped (so not one that ends
// the reach on every path) that no read of the name precedes in source
// order after the assignment, and that does not read the name itself: on
// the path through it the value is overwritten unread (`data = fetch()`,
// `if flag: data = {}`). nil when there is none.
//
// ownCodeOnly (a module's global) skips the reads inside the functions and
// classes the scope defines instead of stopping there: they run whenever
// they are called, and the scope's own statements are what runs first.
func reachedUses(m *analysis.Module, scope *analysis.Scope, binding *analysis.Binding, name string, target, assign *analysis.Node, ownCodeOnly bool) (uses []*analysis.Node, lost *analysis.Node, ok bool) {
	body := scope.Node
	if b := scope.Node.ChildByField("body"); b != nil {
		body = b
	}
	// The first rebinding of the name after this assignment ends the reach
	// (for a use after it in straight-line code).
	var rebinds []*analysis.Node
	ok = true
	body.Walk(func(n *analysis.Node) bool {
		if !ok {
			return false
		}
		if n.Type() != "identifier" || n == target || n.Field() == "attribute" || p0(n) {
			return true
		}
		if m.File.Text(n) != name || m.ScopeAt(n).Lookup(name) != binding {
			return true
		}
		if analysis.IsBindingTarget(n) && !(n.Parent() != nil && n.Parent().Type() == "augmented_assignment") {
			if n.Start > assign.Start {
				rebinds = append(rebinds, n)
			}
			return true
		}
		if inner := m.ScopeAt(n); inner != scope && inner.Kind != analysis.ComprehensionScope {
			if ownCodeOnly {
				return true
			}
			ok = false // captured by a nested function
			return false
		}
		if n.Start < assign.End && !inLoopAfter(n, assign) {
			return true
		}
		if isAncestor(assign, n) {
			return true
		}
		if exclusiveBranches(assign, n) {
			return true
		}
		uses = append(uses, n)
		return true
	})
	// A rebinding that surely runs after this assignment (not in another
	// branch, not in a block that may be skipped) ends its reach.
	var kill *analysis.Node
	for _, r := range rebinds {
		if !exclusiveBranches(assign, r) && !conditionalBetween(r, assign) {
			kill = r
			break
		}
	}
	if kill != nil {
		end := bindingEnd(kill)
		kept := uses[:0]
		for _, u := range uses {
			if u.Start >= end {
				continue
			}
			kept = append(kept, u)
		}
		uses = kept
	}
	// A rebinding in a block that may be skipped still ends the reach for
	// the reads after it in that same block (`if user: ... else: user =
	// User(...); await user.create()`): those read the new value.
	kept := uses[:0]
	for _, u := range uses {
		if !shadowedByRebinding(u, rebinds) {
			kept = append(kept, u)
		}
	}
	if kill == nil && ok {
		for _, r := range rebinds {
			if exclusiveBranches(assign, r) || inExceptAfter(r, assign) || readsBefore(m, name, binding, assign, r) {
				continue
			}
			lost = r
			break
		}
	}
	return kept, lost, ok
}

// inExceptAfter reports whether r sits in an except clause of a try
// statement whose body holds assign: it runs only when something raised
// there, most often the call that would have made the value.
func inExceptAfter(r, assign *analysis.Node) bool {
	for q := r.Parent(); q != nil && !isDef(q); q = q.Parent() {
		if (q.Type() == "except_clause" || q.Type() == "except_group_clause") && q.Parent() != nil &&
			q.Parent().Type() == "try_statement" && isAncestor(q.Parent().ChildByField("body"), assign) {
			return true
		}
	}
	return false
}

// readsBefore reports a read of name (bound to binding) after assign and
// before the end of rebinding r's statement: anywhere in source order up to
// r, or in the statement that rebinds it (`x = wrap(x)`).
func readsBefore(m *analysis.Module, name string, binding *analysis.Binding, assign, r *analysis.Node) bool {
	end := bindingEnd(r)
	found := false
	m.ScopeAt(assign).Node.Walk(func(n *analysis.Node) bool {
		if found || n.Start >= end {
			return false
		}
		if n.Type() != "identifier" || n.Start < assign.End {
			return true
		}
		if n.Field() != "attribute" && !p0(n) && !analysis.IsBindingTarget(n) && m.File.Text(n) == name &&
			m.ScopeAt(n).Lookup(name) == binding {
			found = true
		}
		return true
	})
	return found
}

// shadowedByRebinding reports whether one of rebinds surely runs between
// the assignment and use u: it takes effect before u in source order, sits
// in a block that also holds u (no if, loop or try between them that u is
// not also in) and not in another branch of an if. A use in a loop whose
// body holds the rebinding after the use is not shadowed (the rebinding
// comes later in the body).
func shadowedByRebinding(u *analysis.Node, rebinds []*analysis.Node) bool {
	for _, r := range rebinds {
		if bindingEnd(r) <= u.Start && !exclusiveBranches(r, u) && !conditionalBetween(r, u) {
			return true
		}
	}
	return false
}

// bindingEnd is where a binding of target takes effect: after the whole
// assignment (`x, y = await gather(x, y)` reads the old x), after a for
// statement's iterable.
func bindingEnd(target *analysis.Node) uint32 {
	for q := target.Parent(); q != nil; q = q.Parent() {
		switch q.Type() {
		case "assignment", "augmented_assignment", "named_expression":
			return q.End
		case "for_statement", "for_in_clause":
			if r := q.ChildByField("right"); r != nil {
				return r.End
			}
			return q.End
		}
	}
	return target.End
}

// p0 reports the name part of a keyword argument (`f(name=...)`).
func p0(n *analysis.Node) bool {
	return n.Parent() != nil && n.Parent().Type() == "keyword_argument" && n.Field() == "name"
}

// conditionalBetween reports whether rebind sits in a block (if, loop, try,
// with, an except clause) that does not also contain assign: it may not run.
// An except clause of the try whose body holds assign runs only when
// something after assign raised (`try: c = f() / except E: c = None`, then
// `return c`: the coroutine is what the normal path returns).
func conditionalBetween(rebind, assign *analysis.Node) bool {
	for q := rebind.Parent(); q != nil; q = q.Parent() {
		if isAncestor(q, assign) {
			return false
		}
		switch q.Type() {
		case "if_statement", "for_statement", "while_statement", "try_statement", "conditional_expression", "boolean_operator",
			"except_clause", "except_group_clause":
			return true
		}
	}
	return false
}

// awaitedTwinInFunction reports an `await` in c's function of another call
// whose callee is written as c's callee fn is (same node type, same bytes),
// and that also passes keep when given.
func awaitedTwinInFunction(p *Pass, c *analysis.Call, fn *analysis.Node, keep func(call *analysis.Node) bool) bool {
	callee := p.File.Src[fn.Start:fn.End]
	for _, aw := range c.Func.Awaits {
		named := aw.NamedChildren()
		if len(named) != 1 {
			continue
		}
		call := analysis.Unparen(named[0])
		if call == nil || call.Type() != "call" || call == c.Node {
			continue
		}
		if f := call.ChildByField("function"); f != nil && f.Type() == fn.Type() && bytes.Equal(p.File.Src[f.Start:f.End], callee) &&
			(keep == nil || keep(call)) {
			return true
		}
	}
	return false
}

// awaitedElsewhere reports a call of unknown callee whose very callee
// expression the same async function awaits elsewhere (`await
// message.channel.send(...)` five times, `message.channel.send(...)` once):
// the function itself says the call makes an awaitable. Only a dotted path
// from a parameter the function never rebinds counts (a name bound twice,
// `with socket() as s` then `with trio_socket() as s`, may hold two
// types), and not under a test of the value's type (`if isinstance(f,
// AsyncFile): await f.seek(0) else: f.seek(0)`), nor a method name the
// module defines as a synchronous method. Names some library uses
// for work that runs without an await (`loop.run_in_executor`,
// `create_task`) are left out: awaiting those is optional.
func awaitedElsewhere(p *Pass, c *analysis.Call) bool {
	fn := c.Node.ChildByField("function")
	if !c.InAsync() || fn == nil || fn.Type() != "attribute" || c.Callee != "" {
		return false
	}
	// The cheap test first, on the source bytes: most calls have no awaited
	// twin, and the rest of the checks resolve names.
	inFunction := len(c.Func.Awaits) > 0 && awaitedTwinInFunction(p, c, fn, nil)
	if !inFunction && !awaitedTwinInClosures(p, c, fn) || pylib.RunsWithoutAwait(p.File.Text(fn.ChildByField("attribute"))) {
		return false
	}
	// A synchronous method of that name in the module may be what is
	// called: awaiting its value elsewhere says it returns an awaitable,
	// maybe a Future (`def features_future(self): return fut`), which
	// needs no await.
	// So may one of another module of the project that the receiver, of
	// unknown type, holds (`self._c = host.plugins["XEP-0050"]`, whose
	// `def do(...)` returns a Twisted Deferred, sent at the call), when no
	// class of the project defines the name as a coroutine method.
	if method := p.File.Text(fn.ChildByField("attribute")); definesSyncMethod(p.Module, method) || importsClassWithSyncMethod(p, method) ||
		p.Project.DefinesOnlySyncMethod(method, p.projectUsesAsValue) {
		return false
	}
	root := fn
	for root.Type() == "attribute" {
		root = root.ChildByField("object")
	}
	if root == nil || root.Type() != "identifier" {
		return false
	}
	b := c.Func.Scope.Bindings.Get(p.File.Text(root))
	if b == nil {
		b, _ = closureParam(c.Func, p.File.Text(root))
	}
	if b == nil || b.Kind != analysis.BindParam || len(b.Values) > 0 || underTypeTest(p, c) {
		return false
	}
	return p.Project.Callee(c).Name == ""
}

// closureParam finds the parameter of an enclosing function that name
// refers to from f (a handler nested in `def register(sio):`), with the
// function that holds it; nil when name is bound in f itself or resolves
// to anything but an enclosing function's parameter.
func closureParam(f *analysis.Function, name string) (*analysis.Binding, *analysis.Function) {
	if f == nil || f.Scope == nil || f.Scope.Bindings.Get(name) != nil {
		return nil, nil
	}
	b := f.Scope.Lookup(name)
	if b == nil || b.Kind != analysis.BindParam {
		return nil, nil
	}
	for outer := f.Parent; outer != nil; outer = outer.Parent {
		if outer.Scope != nil && outer.Scope.Bindings.Get(name) == b {
			return b, outer
		}
	}
	return nil, nil
}

// awaitedTwinInClosures is awaitedTwinInFunction for a receiver that is a
// parameter of an enclosing function (`def register_admin_handlers(sio):`
// and the handlers nested in it): an `await` of a call written the same
// way in any async function nested in that one, reading the same
// parameter, says the call makes an awaitable (`await
// sio.leave_room(member_sid, room_id)` in one handler, `sio.leave_room(...)`
// in another).
func awaitedTwinInClosures(p *Pass, c *analysis.Call, fn *analysis.Node) bool {
	root := fn
	for root.Type() == "attribute" {
		root = root.ChildByField("object")
	}
	if root == nil || root.Type() != "identifier" {
		return false
	}
	name := p.File.Text(root)
	b, holder := closureParam(c.Func, name)
	if b == nil || len(b.Values) > 0 {
		return false
	}
	callee := p.File.Src[fn.Start:fn.End]
	for _, g := range p.Module.Functions {
		if g == c.Func || !g.Async || len(g.Awaits) == 0 || g.Scope == nil || g.Scope.Lookup(name) != b || !nestedIn(g, holder) {
			continue
		}
		for _, aw := range g.Awaits {
			named := aw.NamedChildren()
			if len(named) != 1 {
				continue
			}
			call := analysis.Unparen(named[0])
			if call == nil || call.Type() != "call" {
				continue
			}
			if f := call.ChildByField("function"); f != nil && f.Type() == fn.Type() && bytes.Equal(p.File.Src[f.Start:f.End], callee) {
				return true
			}
		}
	}
	return false
}

// nestedIn reports whether g is defined inside outer (at any depth).
func nestedIn(g, outer *analysis.Function) bool {
	for q := g.Parent; q != nil; q = q.Parent {
		if q == outer {
			return true
		}
	}
	return false
}

// importsClassWithSyncMethod reports a class of the project, imported by
// name into this module, that defines a synchronous method of that name:
// the receiver of unknown type may be its instance (a test's `c` of a
// fixture making the project's `Client`), whose method returns an
// awaitable on one path and a plain value on another (`c.get(...,
// sync=False)` returns Futures, awaited or subscripted), as a synchronous
// method of the module itself may.
func importsClassWithSyncMethod(p *Pass, name string) bool {
	for _, imp := range p.Module.Imports {
		if imp.Name == "" || imp.Name == "*" {
			continue
		}
		if cls := p.Project.Lookup(imp.Qualified).Class; cls != nil {
			if meth := cls.Methods[name]; meth != nil && !meth.Async {
				return true
			}
		}
	}
	return false
}

// awaitedNameElsewhere is awaitedElsewhere for a bare name: a callable bound
// once (a parameter never rebound, or a single assignment in this or an
// enclosing function: `old_handle = Application._handle`) that the same
// async function awaits elsewhere (`await old_handle(self, request)`) makes
// an awaitable with every call. Not a project function or class (their calls
// are known), not an import, not a library API the tables record (its record
// decides), not a name some library uses for work that runs without an
// await, and not under a test of the value's type.
func awaitedNameElsewhere(p *Pass, c *analysis.Call) bool {
	fn := c.Node.ChildByField("function")
	if !c.InAsync() || fn == nil || fn.Type() != "identifier" || len(c.Func.Awaits) == 0 {
		return false
	}
	name := p.File.Src[fn.Start:fn.End]
	// An await in another branch of an `if` around the call is no proof: the
	// code dispatches on what the test knows of the callable (`if kind ==
	// ARTIFICIAL: await func(*args) else: func(*args)`), as under a type test.
	if !awaitedTwinInFunction(p, c, fn, func(call *analysis.Node) bool {
		return !underTypeTestNode(p, call, c.Func.Node) && !exclusiveBranches(call, c.Node)
	}) ||
		pylib.RunsWithoutAwait(string(name)) {
		return false
	}
	// A function that asks whether something is a coroutine (`if
	// iscoroutinefunction(func): return await func()` then `return func()`)
	// handles callables of both kinds.
	body := p.File.Src[c.Func.Node.Start:c.Func.Node.End]
	if bytes.Contains(body, []byte("iscoroutine")) || bytes.Contains(body, []byte("isawaitable")) {
		return false
	}
	b := p.Module.ScopeAt(fn).Lookup(string(name))
	if b == nil {
		return false
	}
	switch b.Kind {
	case analysis.BindParam:
		if len(b.Values) > 0 {
			return false
		}
	case analysis.BindAssign:
		if len(b.Values) != 1 || b.Values[0] == nil {
			return false
		}
	default:
		return false
	}
	if p.Project.Target(c) != nil || underTypeTest(p, c) {
		return false
	}
	if callee := p.Project.Callee(c).Name; callee != "" {
		if _, known := pylib.Lookup(callee); known {
			return false
		}
	}
	return true
}

// projectCoroutineMethodCall reports a call `x._name(...)` whose receiver
// has no known type (an untyped attrs field, a parameter) of a private
// method name the project defines only as a coroutine method (an async def
// of a base class in another module): whatever x is, the call makes a
// coroutine. Not when a module binds the name any other way (a sync def
// anywhere, an async generator, a class-level assignment), a known library
// API has the name without being a coroutine, the receiver is an imported
// module, or the call sits under a test of the value's type.
func projectCoroutineMethodCall(p *Pass, c *analysis.Call) bool {
	fn := c.Node.ChildByField("function")
	if fn == nil || fn.Type() != "attribute" || c.CalleeInstance || p.Project.Target(c) != nil {
		return false
	}
	name := p.File.Text(fn.ChildByField("attribute"))
	if !analysis.PrivateName(name) || pylib.KnownOtherThanCoroutine(name) {
		return false
	}
	root := fn
	for root.Type() == "attribute" {
		root = root.ChildByField("object")
	}
	if root != nil && root.Type() == "identifier" {
		if b := p.Module.ScopeAt(root).Lookup(p.File.Text(root)); b != nil && b.Kind == analysis.BindImport {
			return false
		}
	}
	if libraryInternals(p, fn.ChildByField("object"), 0) {
		return false
	}
	// The model may name the callee by where its receiver lives
	// (`pkg.mod.Message.thread._fetch`): an attribute of unknown value.
	if callee := p.Project.Callee(c).Name; callee != "" {
		if _, known := pylib.Lookup(callee); known || !strings.HasSuffix(callee, "."+name) ||
			!p.Project.UnknownProjectValue(strings.TrimSuffix(callee, "."+name)) {
			return false
		}
	}
	if underTypeTest(p, c) {
		return false
	}
	return p.Project.OnlyCoroutineMethod(name, p.projectUsesAsValue)
}

// libraryInternals reports a receiver reached through a private attribute
// that no module of the project binds: `session._connector`, or a local
// bound once to `getattr(session, "_connector", None)` or to such a path.
// The project's private names are its own, but that hop reads another
// object's internals (an aiohttp session's connector), so the method
// called on it is that object's, not the project's coroutine method of the
// same name.
func libraryInternals(p *Pass, recv *analysis.Node, depth int) bool {
	recv = analysis.Unparen(recv)
	if recv == nil || depth > 4 {
		return false
	}
	foreign := func(name string) bool {
		return analysis.PrivateName(name) && !p.Project.BindsPrivateName(name, p.projectUsesAsValue)
	}
	switch recv.Type() {
	case "attribute":
		if foreign(p.File.Text(recv.ChildByField("attribute"))) {
			return true
		}
		return libraryInternals(p, recv.ChildByField("object"), depth+1)
	case "call":
		fn := recv.ChildByField("function")
		if fn == nil || fn.Type() != "identifier" || p.File.Text(fn) != "getattr" {
			return false
		}
		if p.Module.ScopeAt(fn).Lookup("getattr") != nil {
			return false
		}
		args := recv.ChildByField("arguments")
		if args == nil {
			return false
		}
		parts := args.NamedChildren()
		if len(parts) < 2 {
			return false
		}
		if foreign(analysis.StringConstant(p.File, parts[1])) {
			return true
		}
		return libraryInternals(p, parts[0], depth+1)
	case "identifier":
		b := p.Module.ScopeAt(recv).Lookup(p.File.Text(recv))
		if b == nil || b.Kind != analysis.BindAssign || len(b.Values) != 1 || b.Values[0] == nil {
			return false
		}
		return libraryInternals(p, b.Values[0], depth+1)
	}
	return false
}

// underCoroutineFunctionTest reports a call `f(...)` inside an if
// statement (or conditional expression) of its function whose condition
// asks `iscoroutinefunction(f)`: the code tells the two kinds of f apart,
// awaiting it in one branch and calling it plainly in the other, where f is
// a plain function (an override, a plugin's hook).
func underCoroutineFunctionTest(p *Pass, c *analysis.Call) bool {
	return underCoroutineFunctionTestIn(p.Module, c)
}

// underCoroutineFunctionTestIn is underCoroutineFunctionTest for call c of
// module m.
func underCoroutineFunctionTestIn(m *analysis.Module, c *analysis.Call) bool {
	fn := c.Node.ChildByField("function")
	if fn == nil {
		return false
	}
	// The branch where the test says f is a coroutine function calls it
	// plainly: that is the dropped coroutine, not the other kind.
	if m.TestedCoroutineFunction(c) {
		return false
	}
	want := "iscoroutinefunction(" + m.File.Text(fn) + ")"
	var def *analysis.Node
	if c.Func != nil {
		def = c.Func.Node
	}
	for n := c.Node.Parent(); n != nil && n != def; n = n.Parent() {
		switch n.Type() {
		case "if_statement", "conditional_expression":
			if strings.Contains(m.File.Text(n), want) {
				if cond := n.ChildByField("condition"); cond != nil && strings.Contains(m.File.Text(cond), want) {
					return true
				}
				if n.Type() == "conditional_expression" {
					if named := n.NamedChildren(); len(named) == 3 && strings.Contains(m.File.Text(named[1]), want) {
						return true
					}
				}
			}
		}
	}
	return false
}

// neverCoroutineClasses are builtin classes no coroutine object (nor any
// awaitable) is an instance of.
var neverCoroutineClasses = map[string]bool{"dict": true, "list": true, "tuple": true, "str": true, "bytes": true,
	"bytearray": true, "int": true, "float": true, "complex": true, "bool": true, "set": true, "frozenset": true}

// nonAwaitableBuiltins reports an `isinstance(x, C)` call (callee is the
// builtin) whose class argument names only neverCoroutineClasses or
// project classes no coroutine object is an instance of (one, or a tuple
// of them), with the argument's text.
func nonAwaitableBuiltins(p *Pass, call *analysis.Node, callee string) (string, bool) {
	fn := call.ChildByField("function")
	if callee != "isinstance" || fn == nil || fn.Type() != "identifier" || !p.Module.IsBuiltin(fn, "isinstance") {
		return "", false
	}
	args := call.ChildByField("arguments")
	if args == nil || len(args.NamedChildren()) != 2 {
		return "", false
	}
	cls := analysis.Unparen(args.NamedChildren()[1])
	names := []*analysis.Node{cls}
	if cls.Type() == "tuple" {
		names = cls.NamedChildren()
	}
	if len(names) == 0 {
		return "", false
	}
	for _, c := range names {
		c = analysis.Unparen(c)
		if c.Type() == "identifier" && neverCoroutineClasses[p.File.Text(c)] && p.Module.IsBuiltin(c, p.File.Text(c)) {
			continue
		}
		if !projectClassNoCoroutinePasses(p, c) {
			return "", false
		}
	}
	return p.File.Text(cls), true
}

// projectClassNoCoroutinePasses reports a class argument of isinstance
// that names a class of the project no coroutine object is an instance of
// (Project.NoCoroutineInstances: `isinstance(result, Rejection)` where
// Rejection is a pydantic model or a plain class of the project).
func projectClassNoCoroutinePasses(p *Pass, c *analysis.Node) bool {
	if c.Type() != "identifier" && c.Type() != "attribute" {
		return false
	}
	r := p.Module.Resolve(c)
	if r.Instance || r.Func != nil {
		return false
	}
	cls := r.Class
	if cls == nil && r.Name != "" {
		cls = p.Project.Lookup(r.Name).Class
	}
	return cls != nil && p.Project.NoCoroutineInstances(cls)
}

// underTypeTest reports a call inside an if/elif (of its own function)
// whose condition asks what a value is: isinstance, hasattr, callable,
// inspect's and asyncio's iscoroutine tests.
func underTypeTest(p *Pass, c *analysis.Call) bool {
	var fn *analysis.Node // nil at module level: the whole module
	if c.Func != nil {
		fn = c.Func.Node
	}
	return underTypeTestNode(p, c.Node, fn)
}

// underTypeTestNode is underTypeTest for any node inside fn.
func underTypeTestNode(p *Pass, node, fn *analysis.Node) bool {
	return analysis.UnderTypeTest(p.Module, node, fn)
}

// loneAwaitedTwin asks analysis.Project.LoneAwaitedTwin, recording its
// project-wide question for the cache as awaitedTwins does.
func loneAwaitedTwin(p *Pass, c *analysis.Call) []*analysis.Call {
	if p.Project == nil {
		return nil
	}
	return p.Project.LoneAwaitedTwin(p.Module, c, p.projectUsesAsValue)
}

// awaitedTwinsNote says why a call is taken for a coroutine call when only
// the module's other calls of the same callee say so
// (analysis.Project.AwaitedTwins): where they are awaited.
func awaitedTwinsNote(p *Pass, c *analysis.Call) string {
	if knownCoroutineCall(p, c) || awaitedElsewhere(p, c) || awaitedNameElsewhere(p, c) || projectCoroutineMethodCall(p, c) {
		return ""
	}
	twins := awaitedTwins(p, c)
	if len(twins) == 0 {
		if owners, awaited := awaitedSiblingsOwners(p, c); len(owners) > 0 && len(loneAwaitedTwin(p, c)) == 0 {
			return awaitedSiblingsNote(p, c, owners, awaited)
		}
	}
	if len(twins) == 0 {
		twins = loneAwaitedTwin(p, c)
	}
	if len(twins) == 0 {
		return ""
	}
	places := strconv.Itoa(len(twins)) + " other places"
	if len(twins) == 1 {
		places = "one other place"
	}
	var lines []string
	for _, t := range twins {
		line := strconv.Itoa(p.File.Lines.Position(int(t.Node.Start)).Line + 1)
		if len(lines) == 0 || lines[len(lines)-1] != line {
			lines = append(lines, line)
		}
	}
	if len(lines) > 4 {
		lines = append(lines[:4], "...")
	}
	noun := "lines "
	if len(lines) == 1 {
		noun = "line "
	}
	return " (`" + p.File.Brief(c.Node.ChildByField("function")) + "()` is awaited at " + places +
		" in this module, and used no other way: " + noun + strings.Join(lines, ", ") + ")"
}

// resultAnnotation returns the return annotation of the coroutine function
// of this module that call c runs, when it is a plain or dotted type name
// other than the ones a coroutine object also is (`Any`, `object`,
// `Awaitable`...); "" otherwise.
func resultAnnotation(p *Pass, c *analysis.Call) string {
	f := c.Target
	if f == nil || !f.IsCoroutineFunction() || f.Node == nil {
		return ""
	}
	ret := f.Node.ChildByField("return_type")
	if ret == nil {
		return ""
	}
	if kids := ret.NamedChildren(); ret.Type() == "type" && len(kids) == 1 {
		ret = kids[0]
	}
	if ret.Type() != "identifier" && ret.Type() != "attribute" {
		return ""
	}
	name := p.File.Text(ret)
	switch name[strings.LastIndex(name, ".")+1:] {
	case "Any", "object", "Awaitable", "Coroutine", "Future", "Task", "None", "NoReturn", "Never":
		return ""
	}
	return name
}

// declaredForResult judges a coroutine stored where the code declares the
// coroutine function's result type: `msg: Message = self.format()` or, for
// a list, tuple or set display holding it, an attribute declared
// `list[Message]` (`self.history: list[Message]` anywhere in the class, or
// `history: list[Message]` in its body) when `async def format(self) ->
// Message`. The declaration says the author expects the result there; no
// code awaits what a `Message` slot holds. ok is false when the store is
// not of that shape.
func (fl *coroFlow) declaredForResult(n, assign, target, value *analysis.Node) (coroUse, bool) {
	if fl.result == "" || assign.Type() != "assignment" {
		return coroUse{}, false
	}
	p := fl.p
	want := strings.ReplaceAll(fl.result, " ", "")
	if analysis.Unparen(value) == n {
		if ann := assign.ChildByField("type"); ann != nil && strings.ReplaceAll(p.File.Text(ann), " ", "") == want {
			return coroUse{fate: fateMisuse, why: "it is stored in `" + p.File.Text(target) + "`, declared `" +
				fl.result + "` (the function's result type), as if it were its result"}, true
		}
		return coroUse{}, false
	}
	// An element of a display that is the whole value.
	_, display := analysis.ParenParent(n)
	if display == nil || display != analysis.Unparen(value) {
		return coroUse{}, false
	}
	switch display.Type() {
	case "list", "tuple", "set":
	default:
		return coroUse{}, false
	}
	decl := fl.declaredAttribute(target)
	if decl == "" {
		if ann := assign.ChildByField("type"); ann != nil {
			decl = p.File.Text(ann)
		}
	}
	decl = strings.ReplaceAll(decl, " ", "")
	for _, outer := range []string{"list", "List", "Sequence", "MutableSequence", "set", "Set", "tuple", "Tuple"} {
		if decl == outer+"["+want+"]" || decl == outer+"["+want+",...]" {
			return coroUse{fate: fateMisuse, why: "it is put in `" + p.File.Text(target) + "`, declared `" + decl +
				"`, as if it were its `" + fl.result + "` result"}, true
		}
	}
	return coroUse{}, false
}

// declaredAttribute returns the annotation text of attribute `self.X`
// (target) in its class: an annotated `self.X: T = ...` in any method, or
// `X: T` in the class body; "" when there is none or target is not an
// attribute of the method's first parameter.
func (fl *coroFlow) declaredAttribute(target *analysis.Node) string {
	m := fl.p.Module
	if target.Type() != "attribute" {
		return ""
	}
	obj := analysis.Unparen(target.ChildByField("object"))
	f := m.FunctionAt(target)
	if obj == nil || obj.Type() != "identifier" || f == nil || f.Class == nil || len(f.Params) == 0 || m.File.Text(obj) != f.Params[0] {
		return ""
	}
	attr := m.File.Text(target.ChildByField("attribute"))
	decl := ""
	if body := f.Class.Node.ChildByField("body"); body != nil {
		for _, st := range body.NamedChildren() {
			kids := st.NamedChildren()
			if st.Type() != "expression_statement" || len(kids) != 1 {
				continue
			}
			a := kids[0]
			if a.Type() == "assignment" && a.ChildByField("type") != nil {
				if l := a.ChildByField("left"); l != nil && l.Type() == "identifier" && m.File.Text(l) == attr {
					decl = m.File.Text(a.ChildByField("type"))
				}
			}
		}
	}
	for _, meth := range f.Class.MethodsInOrder() {
		if decl != "" || len(meth.Params) == 0 || meth.Node.ChildByField("body") == nil {
			continue
		}
		self := meth.Params[0]
		meth.Node.ChildByField("body").Walk(func(a *analysis.Node) bool {
			if decl != "" {
				return false
			}
			if a.Type() != "assignment" || a.ChildByField("type") == nil {
				return true
			}
			l := a.ChildByField("left")
			if l == nil || l.Type() != "attribute" || m.File.Text(l.ChildByField("attribute")) != attr {
				return true
			}
			if o := analysis.Unparen(l.ChildByField("object")); o != nil && o.Type() == "identifier" && m.File.Text(o) == self {
				decl = m.File.Text(a.ChildByField("type"))
			}
			return true
		})
	}
	return decl
}

// asyncResourceCall reports, in a coroutine, a call of an async database
// resource's I/O method (pylib.AsyncResourceMethods) on a name bound by
// `async with` whose type the model cannot follow (`async with
// engine.connect() as conn: conn.run_sync(...)` with the engine from a
// module not in the run). ASL102 takes it for a coroutine only when its
// value is dropped or used as the result would be.
func asyncResourceCall(p *Pass, c *analysis.Call) bool {
	fn := c.Node.ChildByField("function")
	if fn == nil || fn.Type() != "attribute" || c.Func == nil || !c.Func.Async {
		return false
	}
	attr := p.File.Text(fn.ChildByField("attribute"))
	return pylib.AsyncResourceMethods[attr] && p.Module.BoundByAsyncWith(fn.ChildByField("object")) &&
		!p.Module.Resolve(fn.ChildByField("object")).Known() && unknownLibraryMethod(p, c, attr)
}

// asyncGeneratorMethodCall reports, in a coroutine, a call of a method of
// the asynchronous generator protocol (pylib.AsyncGeneratorMethods: aclose,
// asend, athrow) on a name whose value is an async generator object: bound
// only to a call of the project's async generator function (`g =
// self._stream()`), or, when its type is unknown, iterated by an `async
// for` of the same function (asyncvarlink's server: `generator =
// method(**params)`, `async for result in generator:`, then
// `generator.aclose()` on a send error). ASL102 takes it for an awaitable
// when its value is dropped or used as the result would be, as
// asyncResourceCall's.
func asyncGeneratorMethodCall(p *Pass, c *analysis.Call) bool {
	fn := c.Node.ChildByField("function")
	if fn == nil || fn.Type() != "attribute" || c.Func == nil || !c.Func.Async {
		return false
	}
	attr := p.File.Text(fn.ChildByField("attribute"))
	recv := analysis.Unparen(fn.ChildByField("object"))
	if !pylib.AsyncGeneratorMethods[attr] || recv == nil || recv.Type() != "identifier" {
		return false
	}
	if s := p.Module.ScopeAt(recv); s != nil {
		if b := s.Lookup(p.File.Text(recv)); b != nil && b.Kind == analysis.BindAssign && len(b.Values) == 1 && b.Values[0] != nil {
			if v := analysis.Unparen(b.Values[0]); v.Type() == "call" {
				if f := p.Module.Resolve(v.ChildByField("function")).Func; f != nil && f.Async && f.Generator && !f.Lambda {
					return true
				}
			}
		}
	}
	return !p.Module.Resolve(recv).Known() && p.Module.IteratedByAsyncFor(recv) && unknownLibraryMethod(p, c, attr)
}

// unresolvedDjangoModelQuery reports a call of one of Django's synchronous
// query methods (a query-running method whose coroutine twin
// pylib.DjangoAsyncManagerMethods lists, `create`, `get`, `update`..., or a
// lazy one, `filter`, `exclude`...) on the manager of a model class as
// unresolvedDjangoModelCall takes one (`Message.objects.create(room=...)`,
// in a module that imports Django or Channels): its arguments are field
// values and lookups, sent to the database as data.
func unresolvedDjangoModelQuery(p *Pass, call *analysis.Node) bool {
	fn := call.ChildByField("function")
	if fn == nil || fn.Type() != "attribute" {
		return false
	}
	attr := p.File.Text(fn.ChildByField("attribute"))
	if !pylib.DjangoAsyncManagerMethods["a"+attr] && !pylib.DjangoLazyQuerySetMethods[attr] || !pylib.ImportsDjango(p.Module.ImportNames()) {
		return false
	}
	return onUnresolvedModelManager(p, analysis.Unparen(fn.ChildByField("object")))
}

// namedArgValue is the value of the argument a (a keyword argument's
// value, unparenthesised) when it is a name or an attribute chain, else nil.
func namedArgValue(a *analysis.Node) *analysis.Node {
	if a.Type() == "keyword_argument" {
		a = a.ChildByField("value")
	}
	a = analysis.Unparen(a)
	if a == nil || (a.Type() != "identifier" && a.Type() != "attribute") {
		return nil
	}
	return a
}

// bareCoroutineCall reports a call that makes a bare coroutine, an object
// with no `__aenter__`: a project coroutine function (an `async def`, not a
// generator, whose decorators keep it one) or a library coroutine function
// pylib records so (pylib.NoAsyncWith: bleak-retry-connector's
// establish_connection). A library awaitable may be an async context
// manager too (aiohttp's `session.get(...)`), so other records say nothing.
func bareCoroutineCall(p *Pass, c *analysis.Call) bool {
	if t := p.Project.Target(c); t != nil {
		return t.IsCoroutineFunction() && t.Name != "__call__" && t.Name != "__init__"
	}
	name := p.Project.Callee(c).Name
	return name != "" && (pylib.NoAsyncWith(name) || pylib.NoAsyncWith(p.Project.Canonical(name)))
}

// constantOperand reports a literal operand of a comparison (`True`,
// `None`, a number, a string): comparing a coroutine with one by identity
// asks about a result.
func constantOperand(n *analysis.Node) bool {
	switch analysis.Unparen(n).Type() {
	case "true", "false", "none", "integer", "float", "string", "concatenated_string", "ellipsis":
		return true
	}
	return false
}
