"""Sending and receiving report packages, and importing survey rows from Excel."""
