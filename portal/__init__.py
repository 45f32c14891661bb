"""The portal's core: settings, URLs, base templates, the taxonomy and the registry that section apps plug into."""
