"""Settings live in base (shared), dev, test and production modules."""
