import asyncio


async def chat(reader, writer):
    while True:
        line = input("> ")  # want: ASYNC250
        writer.write(line.encode())
        await writer.drain()


async def main():
    name = input("What is your name? ")  # want: ASYNC250
    loop = asyncio.get_running_loop()
    answer = await loop.run_in_executor(None, input, "Again? ")
    print(name, answer)


asyncio.run(main())
