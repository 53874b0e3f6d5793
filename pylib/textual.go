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
