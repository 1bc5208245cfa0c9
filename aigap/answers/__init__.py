"""Questions answered from a Store: typed rows, no layout and no Rich."""
