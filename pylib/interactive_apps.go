package pylib

// Interactive programs that run an asyncio loop under a user interface:
// terminal prompts (prompt_toolkit and the question libraries built on it),
// Flet's asynchronous page API, and jupyter_client's asynchronous kernel
// managers and clients (Jupyter kernel runners, consoles and notebook
// servers).

// promptApplications are prompt_toolkit's Application class under the
// names it is imported by (prompt_toolkit/__init__.py and
// prompt_toolkit/application/__init__.py re-export
// prompt_toolkit/application/application.py's class).
var promptApplications = []string{
	"prompt_toolkit.Application",
	"prompt_toolkit.application.Application",
	"prompt_toolkit.application.application.Application",
}

// promptSessions are prompt_toolkit's PromptSession class under the names
// it is imported by (prompt_toolkit/shortcuts/prompt.py, re-exported by
// prompt_toolkit/shortcuts/__init__.py and prompt_toolkit/__init__.py).
var promptSessions = []string{
	"prompt_toolkit.PromptSession",
	"prompt_toolkit.shortcuts.PromptSession",
	"prompt_toolkit.shortcuts.prompt.PromptSession",
}

func init() {
	// prompt_toolkit 3 (prompt_toolkit/application/application.py,
	// 3.0.52, `Application.run`): unless `in_thread=True`, `run()` ends in
	// `return asyncio.run(coro)` over `self.run_async(...)` (an input hook
	// makes it `loop.run_until_complete(coro)` on a new loop), so called
	// from a coroutine it raises "asyncio.run() cannot be called from a
	// running event loop". With `in_thread=True` it runs the application
	// in a thread of its own and waits for it. `PromptSession.prompt`
	// (prompt_toolkit/shortcuts/prompt.py) ends in `return
	// self.app.run(..., in_thread=in_thread, ...)`; the module-level
	// `prompt()` makes a PromptSession and calls its `prompt()`, and
	// `confirm()` does the same through `create_confirm_session`. The
	// coroutines are `Application.run_async` and `PromptSession.prompt_async`.
	for _, app := range promptApplications {
		refusesRunningLoop(app+".run", "in_thread", "await `run_async()` instead")
		coroutineMethods(app, "run_async")
	}
	// prompt_toolkit 2 had no prompt_async: `prompt(..., async_=True)`
	// returned an awaitable (code written for both releases keeps that
	// branch, as jupyter_console's `prompt_for_code` does under `if PTK3:
	// ... else: await self.pt_cli.prompt(default=default, async_=True)`).
	for _, s := range promptSessions {
		refusesRunningLoop(s+".prompt", "in_thread", "await `prompt_async()` instead")
		entry(s + ".prompt").AwaitableKeyword = "async_"
		coroutineMethods(s, "prompt_async")
	}
	for _, mod := range []string{"prompt_toolkit", "prompt_toolkit.shortcuts", "prompt_toolkit.shortcuts.prompt"} {
		refusesRunningLoop(mod+".prompt", "in_thread", "await `PromptSession().prompt_async(...)` instead")
		entry(mod + ".prompt").AwaitableKeyword = "async_"
	}
	for _, mod := range []string{"prompt_toolkit.shortcuts", "prompt_toolkit.shortcuts.prompt"} {
		refusesRunningLoop(mod+".confirm", "", "await `create_confirm_session(...).prompt_async()` instead")
	}
	// The dialogs (prompt_toolkit/shortcuts/dialogs.py) return an
	// Application[...] the caller runs: `input_dialog(...).run()`.
	for _, mod := range []string{"prompt_toolkit.shortcuts", "prompt_toolkit.shortcuts.dialogs"} {
		for _, d := range []string{"yes_no_dialog", "button_dialog", "input_dialog", "message_dialog",
			"radiolist_dialog", "checkboxlist_dialog", "progress_dialog"} {
			returns(mod+"."+d, promptApplications[2])
		}
	}

	// InquirerPy (InquirerPy/inquirer.py: `from
	// InquirerPy.prompts.list import ListPrompt as select`, and the same
	// for checkbox, confirm, expand, filepath, fuzzy, text, rawlist, secret,
	// number): every prompt class derives from
	// InquirerPy.base.simple.BaseSimplePrompt, whose `execute()` calls
	// `self._run()`, which runs the prompt's Application
	// (`self.application.run()`, InquirerPy/base/complex.py) or its
	// PromptSession (`self._session.prompt(...)`): prompt_toolkit's run()
	// above, so `inquirer.select(...).execute()` in a coroutine raises
	// (kazhala/InquirerPy#30, Taxel/PlexTraktSync#1938). Its coroutine is
	// `execute_async()`.
	const inquirerBase = "InquirerPy.base.simple.BaseSimplePrompt"
	refusesRunningLoop(inquirerBase+".execute", "", "await `execute_async()` instead")
	coroutineMethods(inquirerBase, "execute_async")
	for prompt, class := range map[string]string{
		"checkbox": "InquirerPy.prompts.checkbox.CheckboxPrompt",
		"confirm":  "InquirerPy.prompts.confirm.ConfirmPrompt",
		"expand":   "InquirerPy.prompts.expand.ExpandPrompt",
		"filepath": "InquirerPy.prompts.filepath.FilePathPrompt",
		"fuzzy":    "InquirerPy.prompts.fuzzy.fuzzy.FuzzyPrompt",
		"text":     "InquirerPy.prompts.input.InputPrompt",
		"select":   "InquirerPy.prompts.list.ListPrompt",
		"number":   "InquirerPy.prompts.number.NumberPrompt",
		"rawlist":  "InquirerPy.prompts.rawlist.RawlistPrompt",
		"secret":   "InquirerPy.prompts.secret.SecretPrompt",
	} {
		returns("InquirerPy.inquirer."+prompt, class)
		LibraryBases[class] = []string{inquirerBase}
	}

	// questionary (questionary/question.py, Question): `ask()` calls
	// `unsafe_ask()`, which returns `self.application.run()`, prompt_toolkit's
	// run() above (tmbo/questionary#439's traceback ends in
	// application.py's `return asyncio.run(coro)`); `ask_async()` and
	// `unsafe_ask_async()` are its coroutines. The prompt functions return a
	// Question.
	const question = "questionary.question.Question"
	for _, q := range []string{question, "questionary.Question"} {
		refusesRunningLoop(q+".ask", "", "await `ask_async()` instead")
		refusesRunningLoop(q+".unsafe_ask", "", "await `unsafe_ask_async()` instead")
		coroutineMethods(q, "ask_async", "unsafe_ask_async")
	}
	for _, f := range []string{"text", "password", "confirm", "select", "rawselect", "checkbox",
		"autocomplete", "path", "press_any_key_to_continue"} {
		returns("questionary."+f, question)
	}

	// Flet's asynchronous API (Flet 0.10 to 0.21, flet_core/page.py and
	// flet_core/control.py): the `*_async` twins of Page's and Control's
	// methods are `async def` (`await page.update_async()`); a call without
	// await updates nothing. Flet 0.21 kept them as deprecated coroutines.
	for _, page := range []string{"flet.Page", "flet_core.page.Page", "flet_core.Page"} {
		coroutineMethods(page, "update_async", "add_async", "insert_async", "remove_async", "remove_at_async",
			"clean_async", "go_async", "launch_url_async", "set_clipboard_async", "error_async",
			"show_snack_bar_async", "show_dialog_async", "close_dialog_async", "show_banner_async",
			"close_banner_async", "show_bottom_sheet_async", "close_bottom_sheet_async",
			"window_close_async", "window_destroy_async", "window_center_async", "window_to_front_async")
	}
	for _, control := range []string{"flet.Control", "flet_core.control.Control", "flet.UserControl", "flet_core.user_control.UserControl"} {
		coroutineMethods(control, "update_async", "clean_async")
	}

	// jupyter_client's asynchronous classes (jupyter_client 7 and 8,
	// jupyter_client/manager.py AsyncKernelManager: `start_kernel =
	// KernelManager._async_start_kernel` and the same for shutdown_kernel,
	// restart_kernel, interrupt_kernel, is_alive, request_shutdown,
	// finish_shutdown, cleanup_resources; multikernelmanager.py
	// AsyncMultiKernelManager: start_kernel, restart_kernel,
	// shutdown_kernel, shutdown_all; asynchronous/client.py
	// AsyncKernelClient: the channel proxies get_shell_msg, get_iopub_msg,
	// get_stdin_msg, get_control_msg, and wait_for_ready, is_alive,
	// execute_interactive). The blocking KernelManager wraps the same
	// coroutines with run_sync, so only the Async classes are recorded
	// (lablup/backend.ai#915: `self.kernel_mgr.is_alive()` on an
	// AsyncKernelManager, "coroutine 'KernelManager._async_is_alive' was
	// never awaited").
	for _, km := range []string{"jupyter_client.AsyncKernelManager", "jupyter_client.manager.AsyncKernelManager"} {
		coroutineMethods(km, "start_kernel", "shutdown_kernel", "restart_kernel", "interrupt_kernel", "is_alive",
			"request_shutdown", "finish_shutdown", "cleanup_resources")
		// Its client_class is jupyter_client.asynchronous.AsyncKernelClient.
		returns(km+".client", "jupyter_client.asynchronous.client.AsyncKernelClient")
	}
	for _, mkm := range []string{"jupyter_client.AsyncMultiKernelManager", "jupyter_client.multikernelmanager.AsyncMultiKernelManager"} {
		coroutineMethods(mkm, "start_kernel", "restart_kernel", "shutdown_kernel", "shutdown_all")
	}
	for _, kc := range []string{"jupyter_client.AsyncKernelClient", "jupyter_client.asynchronous.AsyncKernelClient",
		"jupyter_client.asynchronous.client.AsyncKernelClient"} {
		coroutineMethods(kc, "get_shell_msg", "get_iopub_msg", "get_stdin_msg", "get_control_msg",
			"wait_for_ready", "is_alive", "execute_interactive")
	}
}

// refusesRunningLoop records a library entry point that runs an event loop
// on the calling thread and raises inside a running one; ownThread is the
// keyword argument with which it runs that loop on a thread of its own
// instead (API.OwnThreadKeyword), "" when it has none.
func refusesRunningLoop(name, ownThread, instead string) {
	a := entry(name)
	a.Roles |= RefusesRunningLoop
	a.OwnThreadKeyword = ownThread
	a.Instead = instead
}
