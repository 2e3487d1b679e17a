from normalizer.cli import run

run()
