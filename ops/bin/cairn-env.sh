# Sourced by every ops script: finds CAIRN_HOME, a JDK >= 21, the ops jar, the configuration and
# the var/ directories. Nothing here starts anything.

CAIRN_BIN="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CAIRN_HOME="${CAIRN_HOME:-$(cd "$CAIRN_BIN/.." && pwd)}"
CAIRN_VAR="${CAIRN_VAR:-$CAIRN_HOME/var}"
RUN_DIR="$CAIRN_VAR/run"
LOG_DIR="$CAIRN_VAR/log"

# A JDK >= 21: JAVA_HOME if it is one, else the first under /usr/lib/jvm (bin/find-java).
find_java() {
  (
    # shellcheck source=find-java
    . "$CAIRN_BIN/find-java" >/dev/null && echo "$JAVA_HOME/bin/java"
  )
}

find_jar() {
  if [ -n "${CAIRN_JAR:-}" ] && [ -f "$CAIRN_JAR" ]; then echo "$CAIRN_JAR"; return 0; fi
  for candidate in "$CAIRN_HOME/lib/cairn-ops.jar" "$CAIRN_HOME"/target/cairn-ops-*-all.jar; do
    if [ -f "$candidate" ]; then echo "$candidate"; return 0; fi
  done
  echo "no ops jar: build it (./mvnw -pl ops -am package) or set CAIRN_JAR" >&2
  return 1
}

# The configuration file: $CAIRN_CONFIG, else $CAIRN_HOME/cairn.properties if it exists.
if [ -z "${CAIRN_CONFIG:-}" ] && [ -f "$CAIRN_HOME/cairn.properties" ]; then
  export CAIRN_CONFIG="$CAIRN_HOME/cairn.properties"
fi

# The class path: $CAIRN_CLASSPATH if set (tests), else the ops jar, plus $CAIRN_PLUGINS
# (assimilator plugin and verifier jars, colon-separated).
cairn_classpath() {
  local cp
  if [ -n "${CAIRN_CLASSPATH:-}" ]; then cp="$CAIRN_CLASSPATH"; else cp="$(find_jar)" || return 1; fi
  echo "$cp${CAIRN_PLUGINS:+:$CAIRN_PLUGINS}"
}

# Runs the ops jar in the foreground: cairn_ops <command> args...
cairn_ops() {
  local java cp
  java="$(find_java)" || return 1
  cp="$(cairn_classpath)" || return 1
  # shellcheck disable=SC2086
  "$java" ${CAIRN_JAVA_OPTS:-} --enable-native-access=ALL-UNNAMED -cp "$cp" io.cairn.ops.CairnOps "$@"
}

# The pid in a daemon's pid file if that process is alive and is ours, else nothing.
live_pid() {
  local pidfile="$RUN_DIR/$1.pid" pid
  [ -f "$pidfile" ] || return 1
  pid="$(cat "$pidfile" 2>/dev/null)"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
  grep -q "io.cairn.ops.CairnOps" "/proc/$pid/cmdline" 2>/dev/null || return 1
  echo "$pid"
}
