from . import types


def _metadata(file):
    if isinstance(file, str):
        with open(file, "rb") as stream:
            return stream.read(16)
    return getattr(file, "head", b"")


def get_attributes(file, thumb=None):
    head = _metadata(file)
    if thumb:
        head += _metadata(thumb)
    return head


def get_input_media(media):
    if isinstance(media, types.InputFile):
        return get_attributes(media)
    return None
