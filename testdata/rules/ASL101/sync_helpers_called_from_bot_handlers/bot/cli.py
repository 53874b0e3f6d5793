import sys

from bot.lib.storage import get_balance


def main():
    print(get_balance(int(sys.argv[1])))


if __name__ == "__main__":
    main()
