"""Evaluation and star rating: the scoring dialog and the scorecards dialog."""
