from bibnorm.cli import run

run()
