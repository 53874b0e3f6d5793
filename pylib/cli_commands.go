package pylib

// Command-line frameworks that call a command's callback synchronously.
//
// Click calls the callback of a command (`ctx.invoke(self.callback,
// **ctx.params)`) and returns what it returns; Typer registers its
// commands with Click the same way. Neither runs a coroutine: an
// `async def` registered as a command makes a coroutine at every
// invocation and drops it ("RuntimeWarning: coroutine ... was never
// awaited"), and the command does nothing. asyncclick (a fork that awaits
// the callback) and Typer subclasses of the project (an `AsyncTyper` whose
// `command` wraps async functions in `asyncio.run`) are other names and
// are not listed. Neither documents support for async callbacks
// (pallets/click#2033 and fastapi/typer#88 ask for it; nexi-lab/nexus#3050
// and justincasher/lean-explore#50 fixed commands that were `async def`).

// SyncCommandDecorators are the library functions (qualified names as
// resolution gives them) whose call, or the function itself, registers the
// decorated function as a command or group callback that the framework
// calls synchronously, with the framework's name.
var SyncCommandDecorators = map[string]string{
	"click.command": "click", "click.group": "click",
	"click.decorators.command": "click", "click.decorators.group": "click",
}

// SyncGroupDecorators are the SyncCommandDecorators that make a group (a
// `click.Group` named like the decorated function, whose own `command`
// and `group` register subcommands).
var SyncGroupDecorators = map[string]bool{"click.group": true, "click.decorators.group": true}

// SyncCommandGroupTypes are the library classes whose instances register
// commands with the methods listed (`app.command(...)` on a `typer.Typer`,
// `cli.command(...)` on a `click.Group`), with the framework's name. The
// instance's type must be exactly the class: a subclass may await.
var SyncCommandGroupTypes = map[string]struct {
	Framework string
	Methods   []string
}{
	"typer.Typer":        {"typer", []string{"command", "callback"}},
	"typer.main.Typer":   {"typer", []string{"command", "callback"}},
	"click.Group":        {"click", []string{"command", "group"}},
	"click.core.Group":   {"click", []string{"command", "group"}},
	"click.MultiCommand": {"click", []string{"command", "group"}},
}

// SyncCommandClasses are the frameworks' own command and group classes,
// which a registering decorator may be given explicitly (`cls=click.Command`)
// and which call the callback synchronously. Any other class given there (a
// project's `AsyncCommand` whose `invoke` runs the callback's coroutine with
// `asyncio.run`, the common recipe for async Click commands) decides itself
// how the callback runs.
var SyncCommandClasses = map[string]bool{
	"click.Command": true, "click.core.Command": true, "click.Group": true, "click.core.Group": true,
	"typer.core.TyperCommand": true, "typer.core.TyperGroup": true,
}

// SyncCommandGroupMethods are the methods of a group made by one of
// SyncCommandDecorators' group decorators (`@click.group()` on a function
// of the project makes a `click.Group` named like it) that register a
// subcommand or subgroup.
var SyncCommandGroupMethods = []string{"command", "group"}

// CommandParamDecorators are the library decorators a command's function
// carries under the registering decorator that leave the function's result
// as it is: Click's parameter decorators attach an option or argument to
// the function and return it, and its `pass_*` decorators return a wrapper
// that returns the function's call (`return f(ctx, *args, **kwargs)`), so
// the callback Click calls is still the coroutine function.
var CommandParamDecorators = map[string]bool{
	"click.option": true, "click.argument": true, "click.pass_context": true, "click.pass_obj": true,
	"click.version_option": true, "click.help_option": true, "click.password_option": true,
	"click.confirmation_option": true,
	"click.decorators.option":   true, "click.decorators.argument": true, "click.decorators.pass_context": true,
	"click.decorators.pass_obj": true, "click.decorators.version_option": true, "click.decorators.help_option": true,
	"click.decorators.password_option": true, "click.decorators.confirmation_option": true,
}

// SyncCommandGroupType returns the framework whose group class typ is
// (exactly) and whether method registers a command on it.
func SyncCommandGroupType(typ, method string) (string, bool) {
	g, ok := SyncCommandGroupTypes[typ]
	if !ok {
		return "", false
	}
	for _, m := range g.Methods {
		if m == method {
			return g.Framework, true
		}
	}
	return "", false
}

// CommandRegistrationName reports whether name is the last part of a
// registering decorator (SyncCommandDecorators' functions, the methods of
// SyncCommandGroupTypes and SyncCommandGroupMethods).
func CommandRegistrationName(name string) bool {
	switch name {
	case "command", "group", "callback":
		return true
	}
	return false
}
