from . import utils


# Quiet: get_input_media passes on only an InputFile (a class of another
# module, no str): the open() for a path never runs.
async def upload(response):
    return utils.get_input_media(response.photo)


# Fires: the file here may be a path.
async def send_file(file):
    return utils.get_attributes(file)  # want: ASL201
