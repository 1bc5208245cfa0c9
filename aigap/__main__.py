"""Where a process starts: the ``aigap`` script and ``python -m aigap``."""

import gc


def run() -> None:
    """Run the CLI with Python's cyclic garbage collector off.

    A command lives a fraction of a second. Importing Typer, Rich and pydantic
    creates about 200,000 objects that live until exit, and every collector
    pass over them, including the one at exit, finds nothing to free: about
    10% of a start (benchmarks/README.md). Memory is still freed by reference
    counting; the peak of every command, first read and export included, is
    the same either way. Freezing at the end keeps the exit pass from scanning
    what was allocated.
    """
    gc.disable()
    try:
        from aigap.cli import main

        main()
    finally:
        gc.freeze()


if __name__ == "__main__":
    run()
