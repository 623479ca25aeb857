"""The Tasks tab: directives, their tasks, deadlines and progress."""
