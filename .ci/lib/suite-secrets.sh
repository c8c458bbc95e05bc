# Sourced by checks: exports $1 under HOOKCHECK_SECRET and every variable a bundled suite names for its secret.
export_suite_secrets() {
    local secret="$1" name
    export HOOKCHECK_SECRET="$secret"
    while IFS= read -r name; do export "$name=$secret"; done < <(
        python3 - Suites/*.json <<'PY'
import json, sys
names = set()
for path in sys.argv[1:]:
    secret = json.load(open(path, encoding="utf-8")).get("secret")
    if isinstance(secret, dict) and "env" in secret:
        names.add(secret["env"])
print("\n".join(sorted(names)))
PY
    )
}
