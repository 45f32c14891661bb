"""Editors' workflow: roles, moderation with e-mail notifications, scheduled publishing, the translation report."""
