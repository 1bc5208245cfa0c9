"""Where a process starts: the ``aigap`` script and ``python -m aigap``.

The one place of aigap's start-up trick with Python's cyclic garbage
collector: off while the CLI is imported and parses its arguments, that
frozen, then on for the command's own work, and frozen again at the end.
"""

import gc


def run() -> None:
    """Run the CLI with the cyclic garbage collector off while it starts.

    Importing Typer and Rich and parsing the arguments make about 200,000
    objects that live until exit; every collector pass over them, including
    the one at exit, frees nothing, and the passes were about a fifth of a
    start (benchmarks/README.md). Once the arguments are parsed, what start-up
    made is frozen and the collector is back on for the command's own work
    (``_collect_from_here``), so a long export is collected as usual. Freezing
    again at the end keeps the exit pass from scanning everything once more.
    """
    gc.disable()
    try:
        from aigap.cli import main  # after gc.disable: this import is the start-up

        main(when_parsed=_collect_from_here)
    except KeyboardInterrupt:  # Ctrl-C while starting, before the CLI's own handler
        raise SystemExit(130) from None  # the shell's code for SIGINT, no traceback
    finally:
        gc.freeze()


def _collect_from_here() -> None:
    """Freeze what start-up made, out of the collector's sight, and turn it back on.

    Only acts when the collector is off, as ``run`` leaves it: tests and other
    callers that keep it on see no change.
    """
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


if __name__ == "__main__":
    run()
