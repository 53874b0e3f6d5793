# On an AsyncWeb3, a contract function's call, transact, estimate_gas and
# build_transaction are coroutines: without await nothing reaches the node.
from web3 import AsyncWeb3


async def decimals_and_balance(rpc_url, token, abi, wallet):
    w3 = AsyncWeb3(AsyncWeb3.AsyncHTTPProvider(rpc_url))
    contract = w3.eth.contract(address=token, abi=abi)
    balance = contract.functions.balanceOf(wallet).call()  # want: ASL102
    decimals = await contract.functions.decimals().call()
    return balance / 10**decimals


async def send(w3: AsyncWeb3, token, abi, to, amount, sender):
    contract = w3.eth.contract(address=token, abi=abi)
    contract.functions.transfer(to, amount).transact({"from": sender})  # want: ASL102
