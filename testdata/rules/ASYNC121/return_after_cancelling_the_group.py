# A return right after cancelling the group's own tasks follows the rule's
# advice (cancel the tasks): it waits only for them to unwind (streamlink's
# process runner). Cancelling another scope, or cancelling on one path
# only, is still reported.
import trio


async def first_result(receive_channel, workers):
    async with trio.open_nursery() as nursery:
        for w in workers:
            nursery.start_soon(w)
        res = await receive_channel.receive()
        nursery.cancel_scope.cancel()
        return res


async def cancels_other_scope(receive_channel, workers, outer):
    async with trio.open_nursery() as nursery:
        for w in workers:
            nursery.start_soon(w)
        res = await receive_channel.receive()
        outer.cancel_scope.cancel()
        return res  # want: ASYNC121


async def cancels_on_one_path(receive_channel, workers, done):
    async with trio.open_nursery() as nursery:
        for w in workers:
            nursery.start_soon(w)
        res = await receive_channel.receive()
        if done(res):
            nursery.cancel_scope.cancel()
        return res  # want: ASYNC121
