"""Tests of the Tasks tab."""
