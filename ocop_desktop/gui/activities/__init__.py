"""The activities page (support, training, communication, fairs) and a product's or producer's history of them."""
