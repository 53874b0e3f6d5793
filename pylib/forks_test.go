package pylib

import "testing"

func TestForksKeepTheOriginalsAPI(t *testing.T) {
	for name, want := range map[string]bool{
		"disnake.TextChannel.send":                       true,
		"nextcord.abc.Messageable.send":                  true,
		"disnake.InteractionResponse.send_message":       true,
		"nextcord.Interaction.send":                      true, // the fork's own
		"disnake.Interaction.edit_original_message":      true,
		"disnake.ext.commands.Bot.load_extension":        false, // synchronous in the fork
		"nextcord.ext.commands.Bot.add_cog":              false,
		"discord.ext.commands.Bot.load_extension":        true,  // discord.py 2
		"disnakex.TextChannel.send":                      false, // not a fork
		"disnake.ext.commands.Bot.wait_until_ready":      true,
		"disnake.ext.commands.InteractionBot.fetch_user": true, // through its bases
	} {
		if got := Is(name, Coroutine); got != want {
			t.Errorf("Is(%q, Coroutine) = %v, want %v", name, got, want)
		}
	}
	if typ, ok := AttrType("disnake.ApplicationCommandInteraction", "response"); !ok || typ != "disnake.InteractionResponse" {
		t.Errorf("AttrType(disnake.ApplicationCommandInteraction, response) = %q, %v", typ, ok)
	}
	if got := CallbackParamTypes("nextcord.ext.commands.command"); len(got) != 1 || got[0] != "nextcord.ext.commands.Context" {
		t.Errorf("CallbackParamTypes(nextcord.ext.commands.command) = %v", got)
	}
	if !DerivesFrom("disnake.ext.commands.InteractionBot", "discord.Client") {
		t.Error("disnake's InteractionBot is a Client")
	}
}
