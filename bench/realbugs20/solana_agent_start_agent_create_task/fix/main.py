import os, asyncio, nest_asyncio, logging, json, base64, httpx, math
from datetime import datetime
from aiohttp import web
from solders.keypair import Keypair
from solders.transaction import VersionedTransaction
from solana.rpc.async_api import AsyncClient
from solana.rpc.commitment import Confirmed
from telegram import InlineKeyboardButton, InlineKeyboardMarkup
from telegram.ext import ApplicationBuilder, CommandHandler, CallbackQueryHandler, ContextTypes
from openai import OpenAI

nest_asyncio.apply()
logging.basicConfig(
    level=logging.INFO,
    format='%(asctime)s - %(levelname)s - %(message)s'
)

# Environment variables
TELEGRAM_TOKEN = os.getenv("TELEGRAM_TOKEN")
RPC_URL = os.getenv("RPC_URL", "https://api.devnet.solana.com")
OPENROUTER_API_KEY = os.getenv("OPENROUTER_API_KEY")

def main_menu_keyboard():
    return InlineKeyboardMarkup([
        [InlineKeyboardButton("🚀 Start Agent", callback_data="run"),
         InlineKeyboardButton("🛑 Stop", callback_data="stop")],
        [InlineKeyboardButton("💼 Wallet", callback_data="wallet"),
         InlineKeyboardButton("📜 History", callback_data="history")],
        [InlineKeyboardButton("📊 Status", callback_data="status")]
    ])

async def agent_loop(chat_id: int, bot):
    agent = manager.get_agent(chat_id)
    
    await bot.send_message(
        chat_id,
        "🚀 **Agent Started**\n"
        f"Wallet: `{agent.keypair.pubkey()}`\n"
        "Monitoring SOL/USDC on DevNet...\n"
        "First trade may take 5-10 minutes to gather data.",
        parse_mode="Markdown",
        reply_markup=main_menu_keyboard()
    )
    
    while agent.is_running:
        try:
            agent.loop_count += 1
            logging.info(f"=== Loop {agent.loop_count} for chat {chat_id} ===")
            
            snapshots = await agent.fetch_market_snapshots()
            
            # FIX: Shorter sleep for more responsive testing (15 seconds)
            await asyncio.sleep(15)
            
        except Exception as e:
            logging.error(f"Error in agent loop: {e}")
            await bot.send_message(chat_id, f"⚠️ Agent error: {str(e)[:200]}")
            await asyncio.sleep(30)  # Wait longer on error

class AgentManager:
    def __init__(self):
        self.users = {}
        self.tasks = {}  # FIX: Track background tasks
    
    def get_agent(self, chat_id):
        if chat_id not in self.users:
            self.users[chat_id] = SolanaAgent(chat_id)
        return self.users[chat_id]
    
    def start_agent(self, chat_id, bot):
        agent = self.get_agent(chat_id)
        if not agent.is_running:
            agent.is_running = True
            # FIX: Store task reference
            task = asyncio.create_task(agent_loop(chat_id, bot))
            self.tasks[chat_id] = task
            # Add done callback to catch errors
            task.add_done_callback(
                lambda t: logging.error(f"Task failed: {t.exception()}") if t.exception() else None
            )
            return True
        return False
