from discord.ext.commands import Bot as BotBase
