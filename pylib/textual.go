package pylib

// Textual. The App runs its actions as coroutine functions (textual/app.py,
// Textual 2.1.2, Debian python3-textual: `async def action_simulate_key,
// action_quit, action_bell, action_focus, action_switch_screen,
// action_push_screen, action_pop_screen, action_switch_mode, action_back,
// action_add_class, action_remove_class, action_toggle_class`, and
// `run_action`, `push_screen_wait`, `recompose`, `stop_animation`,
// `run_async`); the same names were coroutine functions in Textual 0.x.
// Every message pump (the app, its screens and widgets) reaches the running
// app through its `app` property (textual/message_pump.py `def app(self) ->
// "App[object]"`). Methods whose awaitable result may be left alone
// (`push_screen`, `mount`, `remove`: AwaitMount/AwaitComplete) are not
// listed.
func init() {
	const app = "textual.app.App"
	coroutineMethods(app, "action_simulate_key", "action_quit", "action_bell", "action_focus",
		"action_switch_screen", "action_push_screen", "action_pop_screen", "action_switch_mode", "action_back",
		"action_add_class", "action_remove_class", "action_toggle_class", "run_action", "push_screen_wait",
		"recompose", "stop_animation", "run_async")
	for _, pkg := range []string{"textual.app", "textual.screen", "textual.widget", "textual.widgets",
		"textual.containers", "textual.scroll_view", "textual.message_pump", "textual.dom"} {
		PackageAttrTypes[pkg+".app"] = app
	}
}

// handsTerminalOver are context managers that stop an app's event loop's
// work for their `with` block so that the block's blocking call can have the
// terminal: Textual's `App.suspend()` (textual/app.py, Textual 8.2.8, Debian
// sid python3-textual: "While inside the `with` block, the app will stop
// reading input and emitting output. Other applications will have full
// control of the terminal"; its docstring's example is `with
// self.suspend(): os.system("emacs -nw")`). The blocking call inside is
// the point of the block: the app draws nothing and reads no key until it
// returns, and the block must run on the app's thread (it suspends and
// resumes the app's driver), so neither a worker thread nor to_thread can
// take it.
var handsTerminalOver = map[string]bool{"textual.app.App.suspend": true}

// HandsTerminalOver reports whether name (a resolved callee) is a context
// manager whose `with` block runs a blocking call on the app's thread on
// purpose (handsTerminalOver).
func HandsTerminalOver(name string) bool { return handsTerminalOver[name] }
