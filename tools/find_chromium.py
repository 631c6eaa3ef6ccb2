"""Find a Chromium for the browser tests: Debian's, or one that Playwright manages.

Prints the path and exits 0, or prints how to install one and exits 1.
"""

from __future__ import annotations

import glob
import os
import shutil
import sys

CANDIDATES = ["/usr/bin/chromium", "/usr/lib/chromium/chromium", "/usr/bin/chromium-browser"]


def find_chromium() -> str | None:
    """Return the path of a usable Chromium executable, or None."""
    env = os.environ.get("NETTEACH_CHROMIUM")
    if env and os.access(env, os.X_OK):
        return env
    for path in CANDIDATES:
        if os.access(path, os.X_OK):
            return path
    home = (os.environ.get("PLAYWRIGHT_BROWSERS_PATH")
            or os.path.expanduser("~/.cache/ms-playwright"))
    found = sorted(glob.glob(os.path.join(home, "chromium*", "chrome-linux*", "chrome")))
    if found:
        return found[-1]
    return shutil.which("chromium")


HELP = """No Chromium was found for the browser tests.
Install Debian's browser:      sudo apt-get update && sudo apt-get install -y chromium
(or, where the internet is reachable, a Playwright-managed one:
 .venv/bin/playwright install chromium)
or point NETTEACH_CHROMIUM at a Chromium or Chrome executable."""

if __name__ == "__main__":
    path = find_chromium()
    if not path:
        print(HELP, file=sys.stderr)
        sys.exit(1)
    print(path)
