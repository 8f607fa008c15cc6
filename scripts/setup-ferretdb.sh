#!/usr/bin/env bash
# Provisions the embedded database engine (FerretDB 1.24.2, SQLite backend) into .tools/bin.
# Built from the Go module proxy. `go install …@v1.24.2` cannot be used directly here: the proxy
# refuses the module's version list (needed for the deprecation check), and a module-mode build
# panics because the module zip lacks build/version/version.txt. So we copy the module source,
# write that file, and build it.
set -euo pipefail
VERSION=v1.24.2
root=$(cd "$(dirname "$0")/.." && pwd)
bin="$root/.tools/bin/ferretdb"
# (no `| grep -q` / `| head`: with pipefail an early-closing reader makes the check fail by SIGPIPE)
if [[ -x $bin ]] && [[ $("$bin" --version 2>/dev/null) == *"${VERSION}"* ]]; then
  exit 0
fi
command -v go >/dev/null || { echo "setup-ferretdb: Go is required to build FerretDB" >&2; exit 1; }
work=$(mktemp -d)
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
export GOFLAGS=-mod=mod GOTOOLCHAIN=local
echo "setup-ferretdb: building FerretDB ${VERSION} (one-off, about a minute)…" >&2
(cd "$work" && go mod init ferretdb-fetch >/dev/null 2>&1 && go mod download -json "github.com/FerretDB/FerretDB@${VERSION}" >mod.json)
src=$(sed -n 's/^\s*"Dir": "\(.*\)",$/\1/p' "$work/mod.json")
[[ -d $src ]] || { echo "setup-ferretdb: module download failed" >&2; cat "$work/mod.json" >&2; exit 1; }
cp -r "$src" "$work/src" && chmod -R u+w "$work/src"
echo "$VERSION" >"$work/src/build/version/version.txt"
mkdir -p "$root/.tools/bin"
(cd "$work/src" && GOFLAGS=-mod=mod go build -trimpath -o "$bin.tmp" ./cmd/ferretdb)
mv "$bin.tmp" "$bin"
"$bin" --version >&2
