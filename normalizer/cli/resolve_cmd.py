import click

command = click.Command("resolve")
