from aiogram import Router, types
from aiogram.filters import Command

from ..lib import get_balance, storage
from ..lib.storage import get_balance_cached

router = Router()


def format_balance(user_id):
    return f"Your balance: {get_balance(user_id)}"


@router.message(Command("balance"))
async def balance(message: types.Message):
    await message.answer(format_balance(message.from_user.id))  # want: ASL101


@router.message(Command("cached"))
async def cached(message: types.Message):
    value = get_balance_cached(message.from_user.id)  # want: ASL101
    await message.answer(str(value))


@router.message(Command("store"))
async def show_store(message: types.Message):
    await message.answer(str(storage.balance(message.from_user.id)))  # want: ASL101
