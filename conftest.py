"""Root pytest configuration: the project's fixtures live in cobalt_devstack.testing."""

pytest_plugins = ["cobalt_devstack.testing"]
