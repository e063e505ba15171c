"""What changed between two versions of the serviceniveau: indsatser, fields, words, frontmatter.

The comparison is section-aware. Indsatser are matched by `id` (a file that moved is a change).
Within an indsats, each of the eight fields is cut into units: paragraphs, list items and the
blank space between them. Units that vanished in one place and reappear identically (or nearly
so) in another place, in the same field or another field, are reported as moved; everything else
is diffed word by word.

One module for each part:
  types.py    the result: ops of a text's diff, changed fields and keys, the whole comparison
  words.py    the word diff of two texts
  units.py    a changed section cut into paragraph units, both sides lined up
  moves.py    paragraphs that moved, within a field or between fields
  text.py     the diff of a text's sections: paragraph units, moves, then words
  meta.py     frontmatter key by key (nested keys dotted)
  compare.py  two snapshots compared: indsatser added, removed, changed; the serviceniveau
  file.py     one file's two versions (e.g. in one commit), as history shows them
"""
