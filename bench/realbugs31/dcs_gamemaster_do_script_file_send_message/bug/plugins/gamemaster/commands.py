import aiohttp
import asyncio
import discord
import os
import platform
import psycopg

from core import Plugin, utils, Report, Status, Server, Coalition, Channel, command, Group, Player
from discord import app_commands, TextStyle
from discord.app_commands import Range
from discord.ext import commands
from discord.ui import Modal, TextInput
from services import DCSServerBot
from typing import Optional, Literal

from .listener import GameMasterEventListener
from .views import CampaignModal


class GameMaster(Plugin):

    async def install(self):
        await super().install()
        for server in self.bot.servers.values():
            if 'coalitions' in server.locals:
                self.log.debug(f'  - Updating "{server.name}":serverSettings.lua for coalitions')
                advanced = server.settings['advanced']
                if advanced['allow_players_pool'] != server.locals['coalitions'].get('allow_players_pool', False):
                    advanced['allow_players_pool'] = server.locals['coalitions'].get('allow_players_pool', False)
                    server.settings['advanced'] = advanced

    async def prune(self, conn, *, days: int = -1, ucids: list[str] = None):
        self.log.debug('Pruning Gamemaster ...')
        if days > -1:
            conn.execute(f"DELETE FROM campaigns WHERE stop < (DATE(NOW()) - interval '{days} days')")
        self.log.debug('Gamemaster pruned.')

    def rename(self, conn: psycopg.Connection, old_name: str, new_name: str):
        conn.execute('UPDATE campaigns_servers SET server_name = %s WHERE server_name = %s', (new_name, old_name))

    @command(description='Send a chat message to a running DCS instance')
    @app_commands.guild_only()
    @utils.app_has_roles(['DCS Admin', 'GameMaster'])
    async def chat(self, interaction: discord.Interaction,
                   server: app_commands.Transform[Server, utils.ServerTransformer(status=[Status.RUNNING])],
                   message: str):
        server.send_to_dcs({
            "command": "sendChatMessage",
            "channel": interaction.channel.id,
            "message": message,
            "from": interaction.user.display_name
        })
        await interaction.response.send_message('Message sent.')

    @command(description='Sends a popup to a coalition')
    @app_commands.guild_only()
    @utils.app_has_roles(['DCS Admin', 'GameMaster'])
    async def popup(self, interaction: discord.Interaction,
                    server: app_commands.Transform[Server, utils.ServerTransformer(status=[Status.RUNNING])],
                    to: Literal['all', 'red', 'blue'], message: str, time: Optional[Range[int, 1, 30]] = -1):
        server.sendPopupMessage(Coalition(to), message, time, interaction.user.display_name)
        await interaction.response.send_message('Message sent.')

    @command(description='Calls any function inside the mission')
    @utils.app_has_roles(['DCS Admin', 'GameMaster'])
    @app_commands.guild_only()
    async def do_script(self, interaction: discord.Interaction,
                        server: app_commands.Transform[Server, utils.ServerTransformer(status=[
                            Status.RUNNING, Status.PAUSED
                        ])]):
        class ScriptModal(Modal, title="Lua Script"):
            script = TextInput(label="Enter your script here", style=TextStyle.long, required=True)

        modal = ScriptModal()
        await interaction.response.send_modal(modal)
        if await modal.wait():
            server.send_to_dcs({
                "command": "do_script",
                "script": ' '.join(modal.script.value)
            })
            await interaction.followup.send('Script sent.', ephemeral=True)
        else:
            await interaction.followup.send('Aborted', ephemeral=True)

    @command(description='Loads a lua file into the mission')
    @app_commands.guild_only()
    @utils.app_has_roles(['DCS Admin', 'GameMaster'])
    async def do_script_file(self, interaction: discord.Interaction,
                             server: app_commands.Transform[Server, utils.ServerTransformer(status=[
                                 Status.RUNNING, Status.PAUSED
                             ])],
                             filename: str):
        if not os.path.exists(os.path.join(server.instance.home, filename)):
            interaction.response.send_message(f"File {filename} not found.", ephemeral=True)
        server.send_to_dcs({
            "command": "do_script_file",
            "file": filename.replace('\\', '/')
        })
        await interaction.response.send_message('Script loaded.', ephemeral=True)

    @command(description='Mass coalition leave for users')
    @app_commands.guild_only()
    @utils.app_has_role('DCS Admin')
    async def reset_coalitions(self, interaction: discord.Interaction):
        if not await utils.yn_question(interaction, f'Do you want to mass-reset all coalition-bindings from your '
                                                    f'players on node {platform.node()}?'):
            await interaction.response.send_message('Aborted.')
            return
        try:
            for server in self.bot.servers.values():
                if not server.locals.get('coalitions'):
                    continue
                await self.eventlistener.reset_coalitions(server, True)
                await interaction.response.send_message(
                    f'Coalition bindings reset for all players.', ephemmeral=True)
        except discord.Forbidden:
            await interaction.response.send_message('The bot is missing the "Manage Roles" permission.', ephemeral=True)
            await self.bot.audit(f'permission "Manage Roles" missing.', user=self.bot.member)
