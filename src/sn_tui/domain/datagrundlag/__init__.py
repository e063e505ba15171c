"""The datagrundlag: per indsats and year how many children got it and what it cost.

`table` is the stored file `datagrundlag/<år>.csv`; `numbers` reads numbers as kommuner write
them; `reading` turns an økonomisystem's table into rows (or problems); `figures` computes
enhedspriser, changes, kategori totals and the budget deviations. All pure.
"""
