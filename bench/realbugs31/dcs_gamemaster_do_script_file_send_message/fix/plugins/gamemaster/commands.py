import aiohttp
import discord
import os
import psycopg

from core import Plugin, utils, Report, Status, Server, Coalition, Channel, command, Group, Player, UploadStatus
from discord import app_commands
from discord.app_commands import Range
from discord.ext import commands
from services import DCSServerBot
from typing import Optional, Literal

from .listener import GameMasterEventListener
from .views import CampaignModal, ScriptModal


async def scriptfile_autocomplete(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
    if not utils.check_roles(interaction.client.roles['DCS Admin'], interaction.user):
        return []
    try:
        server: Server = await utils.ServerTransformer().transform(interaction,
                                                                   utils.get_interaction_param(interaction, 'server'))
        if not server:
            return []
        choices: list[app_commands.Choice[str]] = [
            app_commands.Choice(name=os.path.basename(x), value=os.path.basename(x))
            for x in await server.node.list_directory(os.path.join(await server.get_missions_dir(), 'Scripts'),
                                                      pattern='*.lua')
            if not current or current.casefold() in x.casefold()
        ]
        return choices[:25]
    except Exception as ex:
        interaction.client.log.exception(ex)


class GameMaster(Plugin):

    async def install(self) -> bool:
        init = await super().install()
        for server in self.bot.servers.values():
            if 'coalitions' in server.locals:
                self.log.debug(f'  - Updating "{server.name}":serverSettings.lua for coalitions')
                advanced = server.settings['advanced']
                if advanced['allow_players_pool'] != server.locals['coalitions'].get('allow_players_pool', False):
                    advanced['allow_players_pool'] = server.locals['coalitions'].get('allow_players_pool', False)
                    server.settings['advanced'] = advanced
        return init

    async def prune(self, conn: psycopg.Connection, *, days: int = -1, ucids: list[str] = None):
        self.log.debug('Pruning Gamemaster ...')
        if days > -1:
            conn.execute(f"DELETE FROM campaigns WHERE stop < (DATE(NOW()) - interval '{days} days')")
        self.log.debug('Gamemaster pruned.')

    def rename(self, conn: psycopg.Connection, old_name: str, new_name: str):
        conn.execute('UPDATE campaigns_servers SET server_name = %s WHERE server_name = %s', (new_name, old_name))

    async def update_ucid(self, conn: psycopg.Connection, old_ucid: str, new_ucid: str) -> None:
        conn.execute('UPDATE coalitions SET player_ucid = %s WHERE player_ucid = %s', (new_ucid, old_ucid))

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
        await interaction.response.send_message('Message sent.', ephemeral=utils.get_ephemeral(interaction))

    @command(description='Sends a popup to a coalition')
    @app_commands.guild_only()
    @utils.app_has_roles(['DCS Admin', 'GameMaster'])
    async def popup(self, interaction: discord.Interaction,
                    server: app_commands.Transform[Server, utils.ServerTransformer(status=[Status.RUNNING])],
                    to: Literal['all', 'red', 'blue'], message: str, time: Optional[Range[int, 1, 30]] = -1):
        server.sendPopupMessage(Coalition(to), message, time, interaction.user.display_name)
        await interaction.response.send_message('Message sent.', ephemeral=utils.get_ephemeral(interaction))

    @command(description='Calls any function inside the mission')
    @utils.app_has_roles(['DCS Admin', 'GameMaster'])
    @app_commands.guild_only()
    async def do_script(self, interaction: discord.Interaction,
                        server: app_commands.Transform[Server, utils.ServerTransformer(status=[
                            Status.RUNNING, Status.PAUSED
                        ])]):
        if server.status not in [Status.RUNNING, Status.PAUSED]:
            await interaction.response.send_message(f"Server {server.name} is not running.", ephemeral=True)
            return
        if server.status not in [Status.RUNNING, Status.PAUSED]:
            await interaction.response.send_message(f'Server "{server.name}" is {server.status.name}. Aborted.',
                                                    ephemeral=True)
            return
        modal = ScriptModal(server, utils.get_ephemeral(interaction))
        await interaction.response.send_modal(modal)

    @command(description='Loads a lua file into the mission')
    @app_commands.guild_only()
    @utils.app_has_roles(['DCS Admin', 'GameMaster'])
    @app_commands.autocomplete(filename=scriptfile_autocomplete)
    async def do_script_file(self, interaction: discord.Interaction,
                             server: app_commands.Transform[Server, utils.ServerTransformer(status=[
                                 Status.RUNNING, Status.PAUSED
                             ])],
                             filename: str):
        if server.status not in [Status.RUNNING, Status.PAUSED]:
            await interaction.response.send_message(f"Server {server.name} is not running.", ephemeral=True)
            return
        filename = os.path.join('Missions', 'Scripts', filename)
        server.send_to_dcs({
            "command": "do_script_file",
            "file": filename.replace('\\', '/')
        })
        await interaction.response.send_message('Script loaded.', ephemeral=utils.get_ephemeral(interaction))

    @command(description='Mass coalition leave for users')
    @app_commands.guild_only()
    @utils.app_has_role('DCS Admin')
    async def reset_coalitions(self, interaction: discord.Interaction):
        ephemeral = utils.get_ephemeral(interaction)
        if not await utils.yn_question(interaction,
                                       f'Do you want to mass-reset all coalition-bindings from your players?',
                                       ephemeral=ephemeral):
            await interaction.followup.send('Aborted.', ephemeral=ephemeral)
            return
        try:
            for server in self.bot.servers.values():
                if not server.locals.get('coalitions'):
                    continue
                await self.eventlistener.reset_coalitions(server, True)
                await interaction.followup.send(f'Coalition bindings reset for all players.', ephemeral=ephemeral)
        except discord.Forbidden:
            await interaction.followup.send('The bot is missing the "Manage Roles" permission.', ephemeral=ephemeral)
            await self.bot.audit(f'permission "Manage Roles" missing.', user=self.bot.member)
