package pylib

import (
	"slices"
	"testing"
)

// Pycord's slash-command decorators live under `discord.`; the forks'
// decorators of the same name must keep their own interaction type rather
// than inherit Pycord's context through the fork lookup.
func TestSlashCommandHandlersPerLibrary(t *testing.T) {
	for dec, want := range map[string]string{
		"discord.Bot.slash_command":                 "discord.ApplicationContext",
		"nextcord.ext.commands.Bot.slash_command":   "nextcord.Interaction",
		"disnake.ext.commands.Bot.slash_command":    "disnake.ApplicationCommandInteraction",
		"twitchio.ext.commands.command":             "twitchio.ext.commands.Context",
		"discord.ext.commands.command":              "discord.ext.commands.Context",
		"disnake.ext.commands.command":              "disnake.ext.commands.Context",
		"discord.app_commands.CommandTree.command":  "discord.Interaction",
		"nextcord.app_commands.CommandTree.command": "nextcord.Interaction",
	} {
		if got := CallbackParamTypes(dec); len(got) == 0 || got[0] != want {
			t.Errorf("CallbackParamTypes(%q) = %v, want %s first", dec, got, want)
		}
	}
}

// Slack Bolt's AsyncApp listeners get their arguments by parameter name;
// calling the utilities is a coroutine, and names the library does not
// fill stay untyped.
func TestSlackBoltKeywordParams(t *testing.T) {
	const dec = "slack_bolt.async_app.AsyncApp.command"
	say := CallbackKeywordParamType(dec, "say")
	if say == "" || !Is(say+".__call__", Coroutine) {
		t.Errorf("say of %s = %q, want a type whose __call__ is a coroutine", dec, say)
	}
	if got := CallbackKeywordParamType(dec, "client"); got != "slack_sdk.web.async_client.AsyncWebClient" {
		t.Errorf("client of %s = %q", dec, got)
	}
	for _, name := range []string{"body", "event", "logger"} {
		if got := CallbackKeywordParamType(dec, name); got != "" {
			t.Errorf("%s of %s = %q, want untyped", name, dec, got)
		}
	}
	if got := CallbackKeywordParamType("slack_bolt.App.command", "say"); got != "" {
		t.Errorf("the sync App's say = %q, want untyped (its listeners are plain functions)", got)
	}
	if !slices.Contains(DerivedClasses("lightbulb.Context"), "lightbulb.SlashContext") {
		t.Errorf("lightbulb.SlashContext does not derive from lightbulb.Context")
	}
}
