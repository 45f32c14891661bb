"""Demo content placeholder."""


def load_demo_pages():
    pass
