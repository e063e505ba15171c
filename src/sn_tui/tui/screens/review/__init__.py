"""Screens over the reviews: the matrix, one indsats' panel, my queue."""
