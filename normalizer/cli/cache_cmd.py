import click

command = click.Command("cache")
