"""GUI tests of the products tab."""
