package pylib

import "strings"

// Forks maps the top-level module of a library fork to the module of the
// library it forked and whose API it keeps: a name under the fork that has
// no record of its own (or no attribute type, base or callback parameters)
// is looked up under the original. disnake and nextcord are forks of
// discord.py 1.7 that keep its classes and coroutine methods under their own
// package (`disnake.TextChannel.send`, `nextcord.Interaction.response`, both
// documented as coroutines like discord.py's); py-cord installs as `discord`
// itself and needs no entry. Where a fork differs, the fork's own record
// below hides the original's.
var Forks = map[string]string{
	"disnake":  "discord",
	"nextcord": "discord",
}

// forkOf returns, for a name under a fork, the same name under the library
// the fork copied, and the fork's root; ok is false for other names.
func forkOf(name string) (orig, fork string, ok bool) {
	root, rest, _ := strings.Cut(name, ".")
	target, ok := Forks[root]
	if !ok {
		return "", "", false
	}
	if rest == "" {
		return target, root, true
	}
	return target + "." + rest, root, true
}

// intoFork renames a type of the original library (an attribute's or a
// call's type found through forkOf) into the fork, so that the fork's own
// records keep applying to the values it leads to.
func intoFork(typ, fork string) string {
	target := Forks[fork]
	if typ == target || strings.HasPrefix(typ, target+".") {
		return fork + typ[len(target):]
	}
	return typ
}

// CallbackParamTypes gives the argument types a library passes to the
// handlers registered by the decorator name (CallbackParams), also for a
// fork's decorator (`@disnake.ext.commands.command()`), or nil.
func CallbackParamTypes(name string) []string {
	if t := CallbackParams[name]; t != nil {
		return t
	}
	if orig, fork, ok := forkOf(name); ok {
		if t := CallbackParams[orig]; t != nil {
			out := make([]string, len(t))
			for i, typ := range t {
				out[i] = intoFork(typ, fork)
			}
			return out
		}
	}
	return nil
}

// What disnake and nextcord do differently from discord.py 2. Both kept
// discord.py 1.7's synchronous extension and cog loading: a fork bot calls
// `bot.load_extension("cogs.x")` and `bot.add_cog(Cog(bot))` without await
// (py-cord's docs, Extensions: "To load this extension we call
// bot.load_extension('hello')"; nextcord's maintainers kept `setup` and
// loading synchronous, nextcord/nextcord#536; disnake's
// `CommonBotBase.load_extension` is a plain def). Their interactions have
// coroutine methods discord.py's lack: disnake's `Interaction.send`,
// `edit_original_message`, `delete_original_message` and `original_message`
// (disnake 2.0+, "|coro|" in its API reference) and nextcord's
// `Interaction.send`, `edit`, `original_message`, `edit_original_message` and
// `delete_original_message`. disnake's application command interactions are
// Interaction subclasses (`class ApplicationCommandInteraction(Interaction)`,
// `CommandInteraction = ApplicationCommandInteraction`).
func init() {
	sync := []string{"load_extension", "unload_extension", "reload_extension", "add_cog", "remove_cog"}
	for _, bot := range []string{"disnake.ext.commands.Bot", "disnake.ext.commands.AutoShardedBot",
		"disnake.ext.commands.InteractionBot", "disnake.ext.commands.AutoShardedInteractionBot",
		"nextcord.ext.commands.Bot", "nextcord.ext.commands.AutoShardedBot"} {
		for _, m := range sync {
			entry(bot + "." + m).Note = "synchronous in the fork (discord.py 2 made it a coroutine)"
		}
	}
	LibraryBases["disnake.ext.commands.InteractionBot"] = []string{"disnake.Client"}
	LibraryBases["disnake.ext.commands.AutoShardedInteractionBot"] = []string{"disnake.AutoShardedClient"}
	coroutineMethods("disnake.Interaction", "send", "edit_original_message", "delete_original_message", "original_message")
	coroutineMethods("nextcord.Interaction", "send", "edit", "original_message", "edit_original_message",
		"delete_original_message")
	for _, sub := range []string{"ApplicationCommandInteraction", "CommandInteraction", "MessageCommandInteraction",
		"UserCommandInteraction", "MessageInteraction", "ModalInteraction", "AppCommandInteraction"} {
		LibraryBases["disnake."+sub] = []string{"disnake.Interaction"}
	}
}
