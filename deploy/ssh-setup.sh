#!/usr/bin/env bash
# Set up SSH access to sn-tui on a shared host (run as root). Two ways:
#
#   deploy/ssh-setup.sh service-account REPO KEYS_DIR [ACCOUNT]
#       One service account (default: sn-tui). Each file KEYS_DIR/<login>.pub holds that person's
#       public key(s); each key gets a line `restrict,pty,command="sn-tui --repo REPO --user LOGIN"`
#       in the account's authorized_keys, so the key decides who you are and no shell is reachable.
#
#   deploy/ssh-setup.sh os-accounts REPO GROUP
#       One OS account per person, all in GROUP. sshd gets `Match Group GROUP` with
#       `ForceCommand sn-tui --repo REPO`; the repository and its database become group-shared
#       (core.sharedRepository=group, group-writable, setgid folders) so everyone's saves stay
#       writable for the others. Identity is the OS login.
#
# Both install the repository's pre-receive hook (`sn-tui ssh-setup hook`): every push, also with
# plain git over the same SSH login, is judged by the rights in adgang.yml.
#
# SN_TUI may name the sn-tui program (default: the one on PATH). SN_DATABASE_URL, if set
# (PostgreSQL for several hosts), is stored in REPO's Git directory as sn-tui-database-url,
# readable only by the account (or the group): never on a command line or in sshd's config.
set -euo pipefail
mode=${1:-}; repo=${2:-}
[ -n "$mode" ] && [ -n "$repo" ] || { sed -n '2,20p' "$0"; exit 2; }
sn_tui=${SN_TUI:-$(command -v sn-tui)}
case "$mode" in
  service-account)
    keys=${3:?mappen med nøgler mangler}; account=${4:-sn-tui}
    id "$account" >/dev/null 2>&1 || useradd --create-home --shell /bin/sh "$account"
    home=$(getent passwd "$account" | cut -d: -f6)
    install -d -m 700 -o "$account" "$home/.ssh"
    "$sn_tui" ssh-setup keys --repo "$repo" --keys "$keys" --sn-tui "$sn_tui" \
      -o "$home/.ssh/authorized_keys"
    chown "$account" "$home/.ssh/authorized_keys"
    "$sn_tui" ssh-setup hook --repo "$repo" --sn-tui "$sn_tui"
    chown -R "$account" "$repo"
    echo "Service-kontoen $account er klar; nøglerne i $keys giver adgang til $repo."
    ;;
  os-accounts)
    group=${3:?gruppen mangler}
    getent group "$group" >/dev/null || groupadd "$group"
    "$sn_tui" ssh-setup hook --repo "$repo" --sn-tui "$sn_tui"
    "$sn_tui" ssh-setup share --repo "$repo" --group "$group"
    "$sn_tui" ssh-setup sshd --repo "$repo" --group "$group" --sn-tui "$sn_tui" \
      -o /etc/ssh/sshd_config.d/sn-tui.conf
    sshd -t && (systemctl reload ssh 2>/dev/null || pkill -HUP -x sshd || true)
    echo "Medlemmer af $group kommer nu kun ind i sn-tui på $repo."
    ;;
  *) sed -n '2,20p' "$0"; exit 2 ;;
esac
