from .editor import MetadataEditor
