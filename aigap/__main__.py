"""Where a process starts: the ``aigap`` script and ``python -m aigap``."""

import gc


def run() -> None:
    """Run the CLI with Python's cyclic garbage collector off while it starts.

    Importing Typer, Rich and pydantic and parsing the arguments make about
    200,000 objects that live until exit; every collector pass over them,
    including the one at exit, frees nothing, and the passes were about a fifth
    of a start (benchmarks/README.md). Once the arguments are parsed, the CLI
    freezes what start-up made and turns the collector back on for the
    command's own work (``cli._collect_from_here``), so a long export is
    collected as usual. Freezing again at the end keeps the exit pass from
    scanning everything once more.
    """
    gc.disable()
    try:
        from aigap.cli import main  # after the collector is off: its import is start-up

        main()
    finally:
        gc.freeze()


if __name__ == "__main__":
    run()
