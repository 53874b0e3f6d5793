package pylib

import "testing"

func TestLookupRolesAndWildcards(t *testing.T) {
	for _, c := range []struct {
		name string
		role Role
		want bool
	}{
		{"asyncio.sleep", Coroutine, true},
		{"asyncio.gather", Awaitable, true},
		{"asyncio.create_task", TaskFactory, true},
		{"asyncio.create_task", AwaitsArgs, true},
		{"time.sleep", Blocking, true},
		{"time.sleep", Coroutine, false},
		// Every method of an aiobotocore client is a coroutine, except the
		// ones listed as plain methods.
		{"aiobotocore.client.AioBaseClient.put_object", Coroutine, true},
		{"aiobotocore.client.AioBaseClient.get_paginator", Coroutine, false},
		// motor: any attribute of a client is a database, of a database a collection.
		{"motor.motor_asyncio.AsyncIOMotorClient.shop.users.find_one", Coroutine, true},
		{"motor.motor_asyncio.AsyncIOMotorClient.shop.users.find", Coroutine, false},
		{"pyrogram.Client.send_message", InAsyncOnly, true},
		{"json.dumps", ReadsData, true},
	} {
		if got := Is(c.name, c.role); got != c.want {
			t.Errorf("Is(%s, %b) = %v, want %v", c.name, c.role, got, c.want)
		}
	}
	if a, ok := Lookup("time.sleep"); !ok || a.Code != "ASYNC251" || a.Instead == "" {
		t.Errorf("time.sleep: %+v", a)
	}
	if got := AwaitResult("asyncpg.connect"); got != "asyncpg.Connection" {
		t.Errorf("AwaitResult(asyncpg.connect) = %q", got)
	}
	if got, ok := ReturnType("socket.socket.accept"); !ok || got != "" {
		t.Errorf("ReturnType(socket.socket.accept) = %q, %v: known, not an instance", got, ok)
	}
	if _, ok := ReturnType("no.such.function"); ok {
		t.Error("unknown name has a return type")
	}
	if d := Latencies(true)["requests.get"]; d != 0.1 {
		t.Errorf("blocking latency of requests.get = %v", d)
	}
	if _, ok := Latencies(false)["requests.get"]; ok {
		t.Error("a blocking call among awaited latencies")
	}
	if !BlockingCodes()["ASYNC210"] || BlockingCodes()["ASL102"] {
		t.Errorf("BlockingCodes = %v", BlockingCodes())
	}
}

func TestWithinAndUnblock(t *testing.T) {
	for _, c := range []struct {
		name string
		role Role
		want bool
	}{
		{"concurrent.futures.Future.result", ThreadSafeModule, true},
		{"concurrent.futures", ThreadSafeModule, false}, // the module itself does not enclose itself
		{"asyncio.Future.set_result", ThreadSafeModule, false},
		{"asyncio.locks.Lock.acquire", OrdersWork, true},
		{"asyncio", OrdersWork, false},
		{"discord.ext.commands.Bot.listener", NamedEventHandlers, true},
		{"discordant.Client.event", NamedEventHandlers, false},
		{"", OrdersWork, false},
	} {
		if got := Within(c.name, c.role); got != c.want {
			t.Errorf("Within(%q, %b) = %v, want %v", c.name, c.role, got, c.want)
		}
	}
	for name, want := range map[string]Unblocking{
		"threading.Lock.acquire": UnblockedByFlag, "queue.Queue.put": UnblockedQueuePut,
		"socket.socket.recv": UnblockedSocket, "io.TextIOWrapper.close": UnblockedReadOnlyClose,
		"typing.IO.close": AlwaysBlocks, "concurrent.futures.ThreadPoolExecutor.shutdown": UnblockedNoWait, "json.dump": UnblockedMemoryFile, "time.sleep": AlwaysBlocks,
	} {
		if a, _ := Lookup(name); a.Unblock != want {
			t.Errorf("%s: Unblock = %d, want %d", name, a.Unblock, want)
		}
	}
	if a, _ := Lookup("json.dump"); a.FileArg != 1 {
		t.Errorf("json.dump takes its file second, FileArg = %d", a.FileArg)
	}
	if !Is("sqlite3.Cursor.fetchall", MemoryDatabase) || Is("psycopg.Cursor.fetchall", MemoryDatabase) {
		t.Error("MemoryDatabase must cover sqlite3's connection and cursor methods only")
	}
}

func TestMethodFacts(t *testing.T) {
	for _, c := range []struct {
		name string
		fact MethodFact
		want bool
	}{
		{"acquire", OrdersByName, true},
		{"get", QueueGet, true},
		{"get", QueuePut, false},
		{"put", QueuePut, true},
		{"start_soon", StartsTask, true},
		{"start_task_soon", StartsTask, true},
		{"start", StartsTask, false}, // nursery.start waits for the task to start
		{"result", FutureAttribute, true},
		{"cr_frame", CoroutineAttribute, true},
		{"cr_frame", FutureAttribute, false},
		{"appendleft", ContainerAdder, true},
		{"exceptions", ExceptionGroupAttribute, true},
		{"add_done_callback", ObservesOutcome, true},
		{"cancel", ObservesOutcome, false}, // cancelling does not retrieve the exception
		{"get_running_loop", ReturnsEventLoop, true},
		{"setdefault", ReturnsElement, true},
		{"sorted", ConsumesIterable, true},
		{"iter", ConsumesIterable, false}, // makes an iterator, iterates nothing
		{"repr", ReadsArgument, true},
		{"print_exc", ReportsException, true},
		{"set_exception", ReportsException, false}, // delivers it
		{"frozenset", BuildsCollection, true},
		{"urlopen", PoolRequestMethod, true},
		{"get", PoolRequestMethod, false}, // takes the URL first
		{"acquire", 0, false},             // no fact asked is no answer
		{"unknown_method", OrdersByName, false},
	} {
		if got := Method(c.name, c.fact); got != c.want {
			t.Errorf("Method(%q, %b) = %v, want %v", c.name, c.fact, got, c.want)
		}
	}
	// SpawnMethod is the union of the libraries' Spawns.
	for name, want := range map[string]bool{"create_task": true, "start_soon": true, "start": true, "ensure_future": false} {
		if got := SpawnMethod(name); got != want {
			t.Errorf("SpawnMethod(%q) = %v, want %v", name, got, want)
		}
	}
}

// Counterparts are keyed by the libraries advice may be rewritten for: the
// AsyncLibraries other than asyncio, which advice is written in.
func TestCounterpartsNameAsyncLibraries(t *testing.T) {
	others := map[string]bool{}
	for _, lib := range AsyncLibraries[1:] {
		others[lib] = true
	}
	for name, byLib := range counterparts {
		for lib := range byLib {
			if !others[lib] {
				t.Errorf("counterpart of %s in %q, not one of AsyncLibraries[1:] %v", name, lib, AsyncLibraries[1:])
			}
		}
		if len(byLib) != len(others) {
			t.Errorf("counterpart of %s names %d libraries, want %d", name, len(byLib), len(others))
		}
	}
}

// Home Assistant's async_-named methods are coroutines or @callbacks as
// its source says, also on the entity classes that inherit them.
func TestHomeAssistantKindsThroughLibraryBases(t *testing.T) {
	for _, c := range []struct {
		name      string
		coroutine bool
	}{
		{"homeassistant.helpers.entity.Entity.async_update_ha_state", true},
		{"homeassistant.components.sensor.SensorEntity.async_update_ha_state", true},
		{"homeassistant.helpers.update_coordinator.CoordinatorEntity.async_write_ha_state", false},
		{"homeassistant.components.switch.SwitchEntity.async_schedule_update_ha_state", false},
		{"homeassistant.helpers.update_coordinator.DataUpdateCoordinator.async_request_refresh", true},
		{"homeassistant.helpers.update_coordinator.DataUpdateCoordinator.async_add_listener", false},
		{"homeassistant.core.HomeAssistant.async_create_task", false},
		{"homeassistant.components.calendar.CalendarEntity.async_will_remove_from_hass", true},
		{"homeassistant.components.calendar.CalendarEntity.async_write_ha_state", false},
	} {
		a, ok := Lookup(c.name)
		if !ok {
			t.Errorf("no record of %s", c.name)
			continue
		}
		if got := a.Has(Coroutine); got != c.coroutine {
			t.Errorf("%s: coroutine = %v, want %v", c.name, got, c.coroutine)
		}
	}
	if _, ok := Lookup("homeassistant.components.sensor.SensorEntity.native_value"); ok {
		t.Errorf("an attribute no base records has a record")
	}
	if typ, _ := AttrType("homeassistant.components.light.LightEntity", "hass"); typ != "homeassistant.core.HomeAssistant" {
		t.Errorf("LightEntity.hass = %q, want the HomeAssistant inherited from Entity", typ)
	}
	if i, ok := GenericAttr("homeassistant.helpers.update_coordinator.CoordinatorEntity", "coordinator"); !ok || i != 0 {
		t.Errorf("CoordinatorEntity.coordinator: generic parameter %d, %v; want 0, true", i, ok)
	}
	_, hook := AwaitedHook("homeassistant", "async_setup_entry")
	_, notHook := AwaitedHook("homeassistant", "async_write_ha_state")
	if !hook || notHook {
		t.Errorf("AwaitedHook: async_setup_entry is Home Assistant's hook, async_write_ha_state is not")
	}
}

// fastmcp's server reaches its tool manager through _tool_manager, whose
// list_tools is a coroutine method; the MCP SDK's FastMCP has no record.
func TestFastMCPToolManager(t *testing.T) {
	typ, ok := AttrType("fastmcp.FastMCP", "_tool_manager")
	if !ok || typ != "fastmcp.tools.tool_manager.ToolManager" {
		t.Fatalf("fastmcp.FastMCP._tool_manager = %q, %v", typ, ok)
	}
	if a, ok := Lookup(typ + ".list_tools"); !ok || !a.Has(Coroutine) {
		t.Errorf("%s.list_tools is not a coroutine method", typ)
	}
	if _, ok := AttrType("mcp.server.fastmcp.FastMCP", "_tool_manager"); ok {
		t.Errorf("the MCP SDK's FastMCP got fastmcp's asynchronous tool manager")
	}
}

func TestTakesData(t *testing.T) {
	for name, want := range map[string]bool{
		"json.dumps":                 true,  // its own record
		"discord.Guild.get_role":     true,  // a method of a data model
		"os.path.basename":           true,  // a function of a module of pure functions
		"discord.Guild.me.get_role":  false, // only direct members
		"discord.Client.get_channel": false, // a client may schedule what it is given
		"asyncio.ensure_future":      false,
		"random.choice":              false,
	} {
		if got := TakesData(name); got != want {
			t.Errorf("TakesData(%s) = %v, want %v", name, got, want)
		}
	}
}

// TestOnStrictLoop: a module runs on Home Assistant's shared loop when it
// imports homeassistant or lies under custom_components/, whatever else.
func TestOnStrictLoop(t *testing.T) {
	for _, tc := range []struct {
		imports    []string
		name, path string
		want       bool
	}{
		{[]string{"homeassistant.core"}, "pkg.mod", "pkg/mod.py", true},
		{[]string{"homeassistant"}, "", "x.py", true},
		{nil, "custom_components.garden.api", "custom_components/garden/api.py", true},
		{nil, "", "/src/repo/custom_components/garden/api.py", true},
		{nil, "", `C:\repo\custom_components\garden\api.py`, true},
		{[]string{"homeassistant_lookalike", "aiohttp"}, "app.main", "app/main.py", false},
		{nil, "my_custom_components.x", "my_custom_components/x.py", false},
	} {
		if got := OnStrictLoop(tc.imports, tc.name, tc.path); got != tc.want {
			t.Errorf("OnStrictLoop(%v, %q, %q) = %v, want %v", tc.imports, tc.name, tc.path, got, tc.want)
		}
	}
}

// TestLoopThreadHandlerOf: Litestar's route decorators and Home
// Assistant's `callback` run a plain def on the loop; other `callback`s
// and `get`s do not.
func TestLoopThreadHandlerOf(t *testing.T) {
	for name, want := range map[string]string{
		"litestar.get": "Litestar", "litestar.handlers.post": "Litestar",
		"homeassistant.core.callback": "Home Assistant", "textual.on": "Textual", "textual._on.on": "Textual",
		"homeassistant.callback": "", "tornado.ioloop.callback": "", "callback": "", "requests.get": "",
	} {
		got := ""
		if h := LoopThreadHandlerOf(name); h != nil {
			got = h.Framework
		}
		if got != want {
			t.Errorf("LoopThreadHandlerOf(%q) = %q, want %q", name, got, want)
		}
	}
}

// TestThreadLoopWorkerOf: Textual's `work` decorator runs a coroutine on a
// loop of its own in a worker thread when told to; other `work`s do not.
func TestThreadLoopWorkerOf(t *testing.T) {
	for name, want := range map[string]string{
		"textual.work": "thread", "textual._work_decorator.work": "thread",
		"textual.worker.Worker": "", "work": "", "celery.work": "", "litestar.get": "",
	} {
		got := ""
		if w := ThreadLoopWorkerOf(name); w != nil {
			got = w.ThreadKeyword
		}
		if got != want {
			t.Errorf("ThreadLoopWorkerOf(%q) = %q, want %q", name, got, want)
		}
	}
}

// TestRunsInThread: Tornado's run_on_executor runs the method it decorates
// in an executor's thread; other decorators named alike do not.
func TestRunsInThread(t *testing.T) {
	for name, want := range map[string]bool{
		"tornado.concurrent.run_on_executor": true, "run_on_executor": false, "tornado.web.authenticated": false,
		"textual.work": false,
	} {
		if got := RunsInThread(name); got != want {
			t.Errorf("RunsInThread(%q) = %v, want %v", name, got, want)
		}
	}
}

// TestImportsDjango: Django's and Channels' packages, not a lookalike.
func TestImportsDjango(t *testing.T) {
	for _, tc := range []struct {
		imports []string
		want    bool
	}{
		{[]string{"django.db.models"}, true},
		{[]string{"channels.generic.websocket", "channels.generic.websocket.AsyncWebsocketConsumer"}, true},
		{[]string{"django"}, true},
		{[]string{"django_extensions", "channels_redis.core"}, false},
		{[]string{"services.clients"}, false},
	} {
		if got := ImportsDjango(tc.imports); got != tc.want {
			t.Errorf("ImportsDjango(%v) = %v, want %v", tc.imports, got, tc.want)
		}
	}
}

func TestLoopThreadMethods(t *testing.T) {
	covers := func(method, class string) bool {
		for _, r := range LoopThreadMethodsNamed(method) {
			if r.Covers(class) {
				return true
			}
		}
		return false
	}
	for _, c := range []struct {
		method, class string
		want          bool
	}{
		{"data_received", "asyncio.Protocol", true},
		{"datagram_received", "asyncio.protocols.DatagramProtocol", true},
		{"data_received", "typing.Protocol", false},
		{"summary", "asyncio.Protocol", false},
		{"on_click", "textual.widgets.Static", true},
		{"on_", "textual.widgets.Static", false},
		{"on_click", "textual.message.Message", false},
		{"on_click", "textual.widgets._static.Static", false},
		{"watch_count", "textual.app.App", true},
		{"get", "tornado.web.RequestHandler", true},
		{"on_message", "tornado.websocket.WebSocketHandler", true},
		{"on_message", "tornado.web.RequestHandler", false},
		{"open", "tornado.web.RequestHandler", false},
		{"get", "tornado.websocket.WebSocketHandler", true},
		{"get", "aiohttp.web.View", false},
	} {
		if got := covers(c.method, c.class); got != c.want {
			t.Errorf("%s of %s: got %v, want %v", c.method, c.class, got, c.want)
		}
	}
}
