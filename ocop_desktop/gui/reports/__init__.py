"""The Báo cáo menu: report dialog with preview, printing and saving, and document settings."""
