import shutil


def archive(src: str, dest: str) -> str:
    return shutil.make_archive(dest, "zip", src)


def label(name: str) -> str:
    return name.upper()
