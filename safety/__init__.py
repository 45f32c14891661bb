"""What keeps the portal safe on the public internet: checked uploads, login throttling, the admin's own host,
and backups that restore exactly."""
