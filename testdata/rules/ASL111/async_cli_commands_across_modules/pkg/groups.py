import click
import typer

app = typer.Typer()


@click.group(name="ops")
def ops_group():
    pass
