package pylib

import "strings"

// StartupHook is one way a web framework is told to run a coroutine
// function of the application once when the application starts, before its
// server accepts a connection: a lifespan context manager, a start-up event
// handler. Rules read it to know that, in a server that runs nothing else
// on its loop, the hook's start-up code runs while nothing is served yet.
type StartupHook struct {
	// Kind names the registration in messages and notes ("lifespan",
	// "on_startup handler").
	Kind string
	// FuncArg is the position of the hook among the arguments of a
	// registration call (`app.add_event_handler("startup", f)`: 1,
	// `app.on_startup.append(f)`: 0). A decorator registers the function it
	// decorates.
	FuncArg int
	// Event, when set, is the string the registration's argument at
	// EventArg must be for the hook to run at start-up
	// (`@app.on_event("startup")`); a decorator with an Event is a decorator
	// factory (`@app.on_event("startup")`), one without is used bare
	// (`@app.before_serving`).
	Event    string
	EventArg int
	// Generator: the hook is an async generator function (bare, or made a
	// context manager by `@asynccontextmanager`) whose code before its
	// first yield is the start-up; the rest runs at shutdown.
	Generator bool
	// Phase orders an application's hooks: every hook of a lower phase
	// runs before; hooks of one phase run in registration order.
	Phase int
	// First: the framework runs this hook before any other start-up code of
	// the application, merged components' included (Starlette's and
	// FastAPI's `lifespan=`, which replaces the `on_startup` handlers and
	// wraps the lifespans of included routers).
	First bool
}

// StartupApp is a web framework's application class as far as its start-up
// is concerned: how hooks are registered on it, which of its methods bring
// in start-up work of code the module cannot see, and how it is run as a
// server on a loop of its own.
type StartupApp struct {
	Framework string
	// Keywords are the constructor's keyword arguments that take a hook or
	// a list of hooks (`FastAPI(lifespan=lifespan)`).
	Keywords map[string]*StartupHook
	// Methods are the registrations made through the application, by
	// their path from it (`on_event`, `on_startup.append`,
	// `router.on_startup.append`).
	Methods map[string]*StartupHook
	// Foreign are the paths of the application's methods that add another
	// component's start-up work to its own (FastAPI's `include_router`
	// appends the router's `on_startup` handlers; aiohttp's `add_subapp`,
	// Quart's `register_blueprint`), put hooks where the module's order
	// does not say (`on_startup.insert`), or run the application inside a
	// loop the caller shares (Quart's `run_task`).
	Foreign []string
	// Runs are the application's own methods that serve it on a fresh
	// event loop (`app.run()`).
	Runs []string
	Note string
}

// StandaloneServers are the functions that serve an application on a fresh
// event loop of their own and run nothing else on it: uvicorn's `run` (a
// new loop per process, the lifespan's start-up awaited before the sockets
// are bound) and aiohttp's `run_app` (a new loop, `AppRunner.setup()` runs
// the application's start-up signals before any site starts). Handing the
// application to anything else (aiohttp's `AppRunner`, uvicorn's `Config`
// and `Server`, hypercorn's `serve`, a test client, an extension's
// `init_app`) may run its start-up on a loop that other work shares.
var StandaloneServers = map[string]bool{"uvicorn.run": true, "uvicorn.main.run": true, "aiohttp.web.run_app": true,
	"aiohttp.web_runner.run_app": true}

var startupApps = map[string]*StartupApp{}

// StartupAppOf returns the record of a web framework's application class by
// its qualified name, or nil.
func StartupAppOf(name string) *StartupApp {
	if a, ok := startupApps[name]; ok {
		return a
	}
	if orig, _, ok := forkOf(name); ok {
		return startupApps[orig]
	}
	return nil
}

// StartupRegistration splits a qualified callee name into the application
// class whose start-up it concerns and the path after it
// ("fastapi.FastAPI.on_startup.append" -> FastAPI's record,
// "on_startup.append"); ok false for a name of no recorded application.
func StartupRegistration(name string) (app *StartupApp, path string, ok bool) {
	for i := strings.Index(name, "."); i >= 0; {
		if a := StartupAppOf(name[:i]); a != nil {
			return a, name[i+1:], true
		}
		j := strings.Index(name[i+1:], ".")
		if j < 0 {
			break
		}
		i += j + 1
	}
	return nil, "", false
}

func init() {
	// Starlette (starlette/routing.py, Router.__init__ and lifespan): a
	// `lifespan` context manager replaces the default lifespan that would
	// run the `on_startup` handlers (Starlette refuses both at once), so it
	// is the application's only start-up code; `on_startup` handlers (the
	// constructor's list, `add_event_handler("startup", f)`,
	// `@app.on_event("startup")`, `app.router.on_startup.append(f)`) run
	// one after another in registration order. The ASGI server sends the
	// lifespan start-up before it serves (uvicorn's Server.startup awaits
	// the lifespan before creating its servers; starlette.io/lifespan:
	// "Starlette will not start serving any incoming requests until the
	// lifespan has been run").
	// FastAPI (fastapi/routing.py): the same router; `include_router`
	// appends the included router's `on_startup` handlers to the app's and
	// nests its lifespan inside the app's (`_merge_lifespan_context`: the
	// app's own lifespan is entered first).
	lifespan := &StartupHook{Kind: "lifespan", Generator: true, First: true}
	onStartup := &StartupHook{Kind: "start-up handler", Phase: 1}
	methods := map[string]*StartupHook{
		"on_event":                 {Kind: "start-up handler", Event: "startup", Phase: 1},
		"add_event_handler":        {Kind: "start-up handler", Event: "startup", FuncArg: 1, Phase: 1},
		"router.on_startup.append": onStartup,
		"router.add_event_handler": {Kind: "start-up handler", Event: "startup", FuncArg: 1, Phase: 1},
	}
	foreign := []string{"include_router", "router.include_router", "router.on_startup.insert", "router.on_startup.extend"}
	starlette := &StartupApp{Framework: "Starlette", Keywords: map[string]*StartupHook{"lifespan": lifespan, "on_startup": onStartup},
		Methods: methods, Foreign: foreign,
		Note: "starlette/routing.py Router: lifespan replaces the on_startup handlers; the server serves after the lifespan start-up"}
	fastapi := &StartupApp{Framework: "FastAPI", Keywords: starlette.Keywords, Methods: methods, Foreign: foreign,
		Note: "fastapi/routing.py: include_router appends the router's on_startup handlers and nests its lifespan in the app's"}
	for _, name := range []string{"starlette.applications.Starlette", "starlette.Starlette"} {
		startupApps[name] = starlette
	}
	for _, name := range []string{"fastapi.FastAPI", "fastapi.applications.FastAPI"} {
		startupApps[name] = fastapi
	}
	// A router's own lifespan (`APIRouter(lifespan=...)`, Starlette's
	// `Router(lifespan=...)`): FastAPI's include_router nests it inside the
	// application's lifespan (`_merge_lifespan_context`), whose start-up
	// is entered first, and the server serves only after the whole merged
	// start-up; Starlette's Router runs it as its lifespan. The
	// application's own lifespan is in another module, as the module
	// serving an application is for an application's lifespan, and is
	// taken the same way: as starting nothing the router's start-up could
	// hold up. The router's on_startup handlers run after the
	// application's (appended), which the module cannot see, so they are
	// not recorded.
	routerLifespan := &StartupHook{Kind: "router lifespan", Generator: true, First: true}
	router := &StartupApp{Framework: "FastAPI", Keywords: map[string]*StartupHook{"lifespan": routerLifespan},
		Note: "fastapi/routing.py APIRouter(lifespan=): include_router nests the router's lifespan in the app's; " +
			"starlette/routing.py Router(lifespan=) is the router's lifespan"}
	starletteRouter := &StartupApp{Framework: "Starlette", Keywords: router.Keywords, Note: router.Note}
	for _, name := range []string{"fastapi.APIRouter", "fastapi.routing.APIRouter"} {
		startupApps[name] = router
	}
	startupApps["starlette.routing.Router"] = starletteRouter

	// aiohttp (aiohttp/web_app.py, web_runner.py): `Application.__init__`
	// puts the cleanup contexts' start-up first in the `on_startup` signal,
	// each context's code up to its yield in `cleanup_ctx` order, then the
	// handlers appended to `on_startup` in order; `AppRunner._make_server`
	// awaits `app.startup()` before any site listens. `add_subapp` appends
	// the sub-application's start-up to the parent's signal.
	aiohttp := &StartupApp{Framework: "aiohttp",
		Methods: map[string]*StartupHook{
			"cleanup_ctx.append": {Kind: "cleanup context", Generator: true},
			"on_startup.append":  {Kind: "on_startup handler", Phase: 1},
		},
		Foreign: []string{"add_subapp", "on_startup.insert", "on_startup.extend", "cleanup_ctx.insert", "cleanup_ctx.extend",
			"on_startup.freeze", "startup"},
		Note: "aiohttp web_app.py: Application.__init__ appends the cleanup contexts' start-up to on_startup first; " +
			"web_runner.py AppRunner._make_server awaits app.startup() before the sites start"}
	for _, name := range []string{"aiohttp.web.Application", "aiohttp.web_app.Application"} {
		startupApps[name] = aiohttp
	}

	// Quart (quart/app.py, Quart.startup): `before_serving` functions in
	// registration order, then each `while_serving` generator up to its
	// yield; hypercorn serves after the lifespan start-up.
	// `register_blueprint` adds the blueprint's `before_app_serving`
	// functions; `run_task` returns the server coroutine for a loop the
	// caller runs.
	quart := &StartupApp{Framework: "Quart",
		Methods: map[string]*StartupHook{
			"before_serving": {Kind: "before_serving function"},
			"while_serving":  {Kind: "while_serving generator", Generator: true, Phase: 1},
		},
		Foreign: []string{"register_blueprint", "run_task", "startup"},
		Runs:    []string{"run"},
		Note:    "quart/app.py Quart.startup: before_serving_funcs in order, then while_serving_gens to their yield"}
	for _, name := range []string{"quart.Quart", "quart.app.Quart"} {
		startupApps[name] = quart
	}
}

// ImportsStartupFramework reports whether imports (qualified import names,
// as analysis.Module.ImportNames gives them) reach a recorded application
// class: the cheap test before a module is searched for start-up hooks.
func ImportsStartupFramework(imports []string) bool {
	for _, imp := range imports {
		if orig, _, ok := forkOf(imp); ok {
			imp = orig
		}
		for name := range startupApps {
			if name == imp || strings.HasPrefix(name, imp+".") || strings.HasPrefix(imp, name+".") {
				return true
			}
		}
	}
	return false
}
