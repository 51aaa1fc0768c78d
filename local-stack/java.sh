# Sourced by the repository's scripts (run-local.sh, dead-letters.sh): sets $java to a JDK 17 or newer, or exits
# saying what is missing. JAVA_HOME wins over the PATH, as for the Maven wrapper.
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
if ! command -v "$java" >/dev/null 2>&1; then
  echo "A JDK 17 or newer is needed: install one and put java on the PATH (or set JAVA_HOME)." >&2
  exit 1
fi
java_major=$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/.*java.specification.version = \([0-9]*\).*/\1/p')
if [ "${java_major:-0}" -lt 17 ]; then
  echo "Java ${java_major} found; the suite needs 17 or newer." >&2
  exit 1
fi
