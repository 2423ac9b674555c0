#!/usr/bin/env bash
# Whole-process build time of `java -jar target/longhand.jar build` on generated corpora of
# N lessons (bench/Corpus: ~100 lines of prose, a table, a code block and the seven-layer mlp
# block each) and on the shipped site; when `hugo` is installed, the same Markdown as a Hugo
# site with a one-page layout, and the ratio Longhand / Hugo.
#
#   bench/build.sh [RUNS] [N ...]        default: 5 runs, N = 100 1000
#   JAVA_OPTS="-XX:TieredStopAtLevel=1" bench/build.sh   extra JVM options for Longhand
#   LONGHAND_JAR=/tmp/old.jar bench/build.sh             another build of Longhand
#
# Prints, per row: wall median (s), CPU user+sys median (s), peak RSS max (MB), pages/s.
#
# Rows: "longhand" and "launcher" build from scratch (--no-cache, as Hugo does); "rebuild" is
# the launcher again into the same folder with nothing changed, "1 edited" with one lesson
# edited before each run (a teacher's save-and-build), both served by the build cache.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
runs=${1:-5}
shift || true
sizes=("${@:-100 1000}")
sizes=(${sizes[@]})

if [[ ! -x /usr/bin/time ]]; then
  echo "needs GNU time: apt-get install -y time" >&2
  exit 2
fi
jar=${LONGHAND_JAR:-target/longhand.jar}
if [[ ! -f target/longhand.jar || ! -d target/test-classes/dev/longhand/bench ]]; then
  mvn -q -B -o package -DskipTests
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# measure LABEL PAGES CMD...: runs CMD $runs times, prints one table row.
measure() {
  local label=$1 pages=$2
  shift 2
  local times=$work/times
  : >"$times"
  for ((i = 0; i < runs; i++)); do
    /usr/bin/time -o "$work/one" -f "%e %U %S %M" "$@" >/dev/null 2>"$work/err" || {
      cat "$work/err" >&2
      exit 1
    }
    cat "$work/one" >>"$times"
  done
  local cpu
  cpu=$(awk '{ print $2 + $3 }' "$times" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
  sort -n -k1,1 "$times" | awk -v label="$label" -v pages="$pages" -v cpu="$cpu" -v wallfile="$work/wall" '
    { wall[NR] = $1; if ($4 > rss) rss = $4 }
    END {
      w = wall[int((NR + 1) / 2)]
      printf "%-22s %7d %9.3f %9.3f %9.0f %10.0f\n", label, pages, w, cpu, rss / 1024, pages / w
      print w > wallfile
    }'
}

# target/longhand runs the same jar with its class-data archive and C1 only (made by `mvn package`).
launcher=""
if [[ -z "${LONGHAND_JAR:-}" && -x target/longhand && target/longhand.jsa -nt target/longhand.jar ]]; then
  launcher=target/longhand
fi

printf "%-22s %7s %9s %9s %9s %10s\n" "build" "lessons" "wall s" "cpu s" "RSS MB" "pages/s"
measure "longhand shipped" "$(ls content/*.md | wc -l)" \
  java ${JAVA_OPTS:-} -jar "$jar" build --content content --out "$work/shipped" --no-cache
if [[ -n "$launcher" ]]; then
  measure "launcher shipped" "$(ls content/*.md | wc -l)" \
    "$launcher" build --content content --out "$work/shipped" --no-cache
  measure "launcher shipped rebuild" "$(ls content/*.md | wc -l)" \
    "$launcher" build --content content --out "$work/shipped"
fi

for n in "${sizes[@]}"; do
  corpus=$work/corpus-$n
  java -cp target/test-classes dev.longhand.bench.Corpus content/05-seven-layers.md "$corpus/content" "$n"
  measure "longhand N=$n" "$n" \
    java ${JAVA_OPTS:-} -jar "$jar" build --content "$corpus/content" --out "$corpus/site" --no-cache
  longhand=$(cat "$work/wall")
  fast=""
  if [[ -n "$launcher" ]]; then
    measure "launcher N=$n" "$n" "$launcher" build --content "$corpus/content" --out "$corpus/site" --no-cache
    fast=$(cat "$work/wall")
    measure "rebuild N=$n" "$n" "$launcher" build --content "$corpus/content" --out "$corpus/site"
    rebuild=$(cat "$work/wall")
    edited=$(ls "$corpus/content"/*.md | sed -n "$(((n + 1) / 2))p")
    measure "1 edited N=$n" "$n" bash -c 'echo "Edited." >>"$1"; shift; exec "$@"' edit "$edited" \
      "$launcher" build --content "$corpus/content" --out "$corpus/site"
    oneEdited=$(cat "$work/wall")
  fi
  if command -v hugo >/dev/null; then
    mkdir -p "$corpus/layouts/_default"
    cat >"$corpus/hugo.toml" <<'EOF'
baseURL = "http://localhost/"
title = "Corpus"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404", "section"]
EOF
    cat >"$corpus/layouts/_default/single.html" <<'EOF'
<!DOCTYPE html><html><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main><h1>{{ .Title }}</h1>{{ .Content }}</main></body></html>
EOF
    cat >"$corpus/layouts/index.html" <<'EOF'
<!DOCTYPE html><html><head><meta charset="utf-8"><title>{{ .Site.Title }}</title></head>
<body><ul>{{ range .Site.RegularPages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></body></html>
EOF
    measure "hugo N=$n" "$n" hugo --quiet --source "$corpus" --destination "$corpus/public"
    hugo=$(cat "$work/wall")
    awk -v l="$longhand" -v h="$hugo" -v n="$n" 'BEGIN { printf "%-22s %7d %9.2f\n", "ratio longhand/hugo", n, l / h }'
    if [[ -n "$fast" ]]; then
      awk -v l="$fast" -v h="$hugo" -v n="$n" 'BEGIN { printf "%-22s %7d %9.2f\n", "ratio launcher/hugo", n, l / h }'
      awk -v l="$rebuild" -v h="$hugo" -v n="$n" 'BEGIN { printf "%-22s %7d %9.2f\n", "ratio rebuild/hugo", n, l / h }'
      awk -v l="$oneEdited" -v h="$hugo" -v n="$n" 'BEGIN { printf "%-22s %7d %9.2f\n", "ratio 1 edited/hugo", n, l / h }'
    fi
  fi
  rm -rf "$corpus"
done
