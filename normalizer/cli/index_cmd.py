import click

command = click.Command("index")
