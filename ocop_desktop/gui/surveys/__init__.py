"""The survey entry page (Rà soát sản phẩm): campaign status, a fast-typing grid, drafts."""
