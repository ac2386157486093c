#!/usr/bin/env bash
# Builds the Teams app package (the zip an admin uploads in the Teams admin center): manifest.json with its
# placeholders filled, color.png and outline.png, all at the root of build/maglearn-teams.zip.
#
#   MICROSOFT_APP_ID=<bot's Entra app id> BOT_DOMAIN=maglearn.example.com deploy/teams/build-package.sh
#
# MICROSOFT_APP_ID  the Azure Bot's app id (a GUID), required
# TEAMS_APP_ID      the Teams app's own id (a GUID), defaults to MICROSOFT_APP_ID
# BOT_DOMAIN        the bot host's name (no scheme), required
# OUT_DIR           where to write (default deploy/teams/build)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${OUT_DIR:-$here/build}"
guid='^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$'

: "${MICROSOFT_APP_ID:?set MICROSOFT_APP_ID to the bot's app id (a GUID)}"
: "${BOT_DOMAIN:?set BOT_DOMAIN to the bot host's name, e.g. maglearn.example.com}"
TEAMS_APP_ID="${TEAMS_APP_ID:-$MICROSOFT_APP_ID}"
[[ $MICROSOFT_APP_ID =~ $guid ]] || { echo "MICROSOFT_APP_ID is not a GUID: $MICROSOFT_APP_ID" >&2; exit 1; }
[[ $TEAMS_APP_ID =~ $guid ]] || { echo "TEAMS_APP_ID is not a GUID: $TEAMS_APP_ID" >&2; exit 1; }
[[ $BOT_DOMAIN =~ ^[A-Za-z0-9.*-]+(:[0-9]+)?$ ]] || { echo "BOT_DOMAIN must be a host name without scheme or path: $BOT_DOMAIN" >&2; exit 1; }

staging="$out/package"
rm -rf "$staging" "$out/maglearn-teams.zip"
mkdir -p "$staging"
sed -e "s|\${{MICROSOFT_APP_ID}}|$MICROSOFT_APP_ID|g" \
    -e "s|\${{TEAMS_APP_ID}}|$TEAMS_APP_ID|g" \
    -e "s|\${{BOT_DOMAIN}}|$BOT_DOMAIN|g" \
    "$here/manifest.json" > "$staging/manifest.json"
if grep -q '\${{' "$staging/manifest.json"; then
  echo "manifest.json still has a placeholder: $(grep -o '\${{[A-Z_]*}}' "$staging/manifest.json" | head -1)" >&2
  exit 1
fi
cp "$here/color.png" "$here/outline.png" "$staging/"
(cd "$staging" && zip -q -X "$out/maglearn-teams.zip" manifest.json color.png outline.png)
echo "$out/maglearn-teams.zip"
