import asyncio


async def chat(reader, writer):
    while True:
        line = input("> ")  # want: ASYNC250
        writer.write(line.encode())
        await writer.drain()


async def main():
    name = input("What is your name? ")  # quiet: before main()'s first await, nothing else is on the loop
    loop = asyncio.get_running_loop()
    answer = await loop.run_in_executor(None, input, "Again? ")
    again = input("And again? ")  # want: ASYNC250
    print(name, answer, again)


asyncio.run(main())
