"""Settings modules: base (production-safe defaults), dev, test and production."""
