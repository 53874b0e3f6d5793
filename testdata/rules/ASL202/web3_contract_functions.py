# web3.py contract functions: `contract.functions.NAME(...).call()` (and
# transact, estimate_gas, build_transaction) asks the node with the
# provider's requests, on the calling thread, when the contract comes from
# a synchronous Web3 (`w3.eth.contract(address=..., abi=...)`). Crypto bots
# read a token balance that way inside coroutines (`balanceOf(wallet)
# .call()`); the fixed ones run it in a thread or use AsyncWeb3.
import asyncio

from web3 import AsyncWeb3, Web3


class UsdcWallet:
    def __init__(self, rpc_url, token, abi, wallet):
        self.w3 = Web3(Web3.HTTPProvider(rpc_url))
        self.usdc_contract = self.w3.eth.contract(address=token, abi=abi)
        self.wallet = wallet

    async def balance(self):
        raw = self.usdc_contract.functions.balanceOf(self.wallet).call()  # want: ASL202
        return raw / 10**6

    async def approve(self, spender, amount):
        tx = self.usdc_contract.functions.approve(spender, amount).build_transaction({"from": self.wallet})  # want: ASL202
        return tx


# Quiet: run in a thread, a synchronous function, or the AsyncWeb3 twin
# awaited.


class Fine:
    def __init__(self, rpc_url, token, abi, wallet):
        self.w3 = Web3(Web3.HTTPProvider(rpc_url))
        self.token = self.w3.eth.contract(address=token, abi=abi)
        self.wallet = wallet

    async def balance(self):
        return await asyncio.to_thread(self.token.functions.balanceOf(self.wallet).call)

    def balance_sync(self):
        return self.token.functions.balanceOf(self.wallet).call()


async def async_balance(rpc_url, token, abi, wallet):
    w3 = AsyncWeb3(AsyncWeb3.AsyncHTTPProvider(rpc_url))
    contract = w3.eth.contract(address=token, abi=abi)
    return await contract.functions.balanceOf(wallet).call()
