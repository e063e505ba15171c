"""The datagrundlag screen: one year's numbers per indsats, and a bar chart over the years."""
