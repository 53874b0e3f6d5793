# config: asl201-local-files = true  # mechanics shown with local-file sinks
import io
import os


class File:
    """Takes a path, which it opens, or a buffer, which it keeps."""

    def __init__(self, fp, filename=None):
        if isinstance(fp, io.IOBase):
            self.fp = fp
        else:
            self.fp = open(fp, "rb")
        self.filename = filename


class Photo:
    def __init__(self, photo_id):
        self.id = photo_id


class InputFile(Photo):
    pass


def _metadata(file):
    if isinstance(file, str):
        stream = open(file, "rb")
    elif isinstance(file, bytes):
        stream = io.BytesIO(file)
    else:
        stream = file
    return stream.read(16)


def attributes(file):
    return {"name": getattr(file, "name", "unnamed"), "head": _metadata(file)}


def attributes_with_thumb(file, thumb=None):
    info = attributes(file)
    if thumb:
        info["thumb"] = _metadata(thumb)
    return info


def input_media(media):
    if isinstance(media, (Photo, InputFile)):
        return attributes(media)
    return None


class NamedFile(File):
    def __init__(self, fp, name):
        File.__init__(self, fp, filename=name)


class CheckedFile(File):
    def __init__(self, fp):
        super().__init__(fp)


# Quiet: the buffer takes File's first branch; open() is only for a path.
async def to_named_file(data):
    return NamedFile(io.BytesIO(data), "a.png")


async def to_checked_file(data):
    return CheckedFile(io.BytesIO(data))


# Fires: the subclasses hand a path on to File.
async def named_from_path(path):
    return NamedFile(path, "a.png")  # want: ASL201


async def checked_from_path(path):
    return CheckedFile(path)  # want: ASL201

# Quiet: the buffer takes File's first branch; open() is only for a path.
async def to_file(data, name):
    return File(io.BytesIO(data), filename=name)


async def to_file_named(data):
    buffer = io.BytesIO(data)
    return File(buffer)


# Quiet: input_media passes on only a Photo, which is no str: _metadata
# never opens it.
async def send_photo(photo):
    return input_media(photo)


async def send_known(photo_id):
    return input_media(Photo(photo_id))


# Quiet: thumb keeps its default None, which _metadata never opens.
async def send_document(document_id):
    return attributes_with_thumb(Photo(document_id))


# Fires: a thumb of unknown type may be a path.
async def send_document_with_thumb(document_id, thumb):
    return attributes_with_thumb(Photo(document_id), thumb=thumb)  # want: ASL201


# Fires: a path (or a value of unknown type) may take the branch that opens.
async def from_path(path):
    return File(path)  # want: ASL201


async def from_literal():
    return File("avatar.png")  # want: ASL201


async def describe(file):
    return attributes(file)  # want: ASL201


class PathLike(str):
    pass


# Fires: a str subclass passes isinstance(file, str).
async def describe_named():
    return attributes(PathLike("a.ogg"))  # want: ASL201
