"""A product's logbook in the window: its entries, the Excel import, the blank form, a batch's trace, the survey offer."""
