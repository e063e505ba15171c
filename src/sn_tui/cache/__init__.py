"""Every per-user cache sn-tui keeps, all in one folder, all keyed by one code stamp.

The folder is `$XDG_CACHE_HOME/sn-tui/` (else `~/.cache/sn-tui/`, `folder.cache_folder`). All
of it can be deleted at any time: it is made again from the repository and the program's own
files, and failing to read or write it is never an error (the data is computed instead).
Files there are written whole or not at all (`folder.write_whole`, SQLite's own journal).

The code stamp (`stamp.code_stamp`: a hash of the path, size and modification time of every
file in the package, ~3 ms once per process) is part of the key of everything the code
computes, so a changed program never serves what an older one computed. What comes from the
repository is keyed by Git object ids, which never change, so nothing here expires with time.

The caches (what each holds; its key; what invalidates it):

- Parsed indsatser, `parsed.ParseCache`, table `entries` of `indsatser-<repo>-<stamp>.sqlite3`:
  each indsats as parsed; by Git blob id; a new code stamp (a new file, the old one deleted),
  and the oldest rows beyond 20,000.
- Small files' data and the overview's rows, table `files` of the same file
  (`ContentRepo.cached`/`remember`): adgang.yml, faggrupper.yml and serviceniveau.md as read,
  by blob id; the overview's rows by a hash of `main`'s tree and the last adopted version's
  blob ids; a new code stamp, and the oldest rows beyond 200.
- The check's memo, `checks.CheckResults`, table `checks` of the same file: each indsats
  file's legal and language rule results; by `memo_key` (the file's path and text); a new code
  stamp, and the oldest rows beyond 20,000.
- Rendered comparisons, `comparisons.ComparisonCache`, folder `sammenligninger-<repo>/`: the
  bytes of one `sn-tui diff` and the sentences about files it left out; by a hash of the code
  stamp, format, options, language and what both names point at (tag objects and commits,
  `services.compared`); a new code stamp, a moved tag or branch (a new key), and all but the
  newest 40 files.
- Language catalogues, `sn_tui.i18n.catalogue`, `katalog-<lang>-<stamp>.json`: a TOML
  catalogue as flat JSON; by language and code stamp; a new code stamp (a new name; files of
  older stamps are left behind, ~20 KB each).
"""
