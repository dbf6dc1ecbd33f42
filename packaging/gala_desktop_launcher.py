"""Entry script of the frozen program: the same ``gala-desktop`` command as the installed one."""

import sys

from gala_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
