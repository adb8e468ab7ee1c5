"""cleanlint: a content-quality linter for scraped news articles."""

__version__ = "0.1.0"
