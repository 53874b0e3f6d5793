from .md import as_markdown_list, is_markdown_list, is_markdown_table
