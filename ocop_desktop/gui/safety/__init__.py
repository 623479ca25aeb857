"""Data safety screens: backups and restore, the damaged-file dialog, the activity log."""
