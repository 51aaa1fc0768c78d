#!/usr/bin/env bash
# The one command: builds what is missing, then runs the whole suite locally until Ctrl-C.
#   ./run-local.sh            build if needed (missing jars, or sources newer than them), start everything, run the demo scenario, keep serving
#   ./run-local.sh --build    rebuild first
#   ./run-local.sh --reset    wipe the data of earlier runs (.run/) first
#   ./run-local.sh --no-scenario
set -euo pipefail
cd "$(dirname "$0")"

. local-stack/java.sh

args=()
build=false
for arg in "$@"; do
  case "$arg" in
    --build) build=true ;;
    --reset) echo "Removing .run/ (data of earlier runs)"; rm -rf .run ;;
    *) args+=("$arg") ;;
  esac
done

for jar in order-service production-service logistics-service supplier-service control-tower; do
  [ -f "$jar/target/quarkus-app/quarkus-run.jar" ] || build=true
done
[ -f local-stack/target/local-stack.jar ] || build=true
# Sources changed since the last build (a pull, a merge): jars of different ages would run side by side.
if ! $build; then
  for jar in order-service production-service logistics-service supplier-service control-tower; do
    if [ -n "$(find pom.xml */pom.xml */src/main -newer "$jar/target/quarkus-app/quarkus-run.jar" -type f -print -quit)" ]; then
      echo "Sources changed since $jar was built: rebuilding"
      build=true
      break
    fi
  done
fi
if $build; then
  echo "Building the suite (first run: a few minutes) ..."
  # package, not install: the reactor finds its modules in their target folders; nothing goes to ~/.m2.
  ./mvnw -B -q package -DskipTests
fi

exec "$java" -cp "local-stack/target/local-stack.jar:local-stack/target/lib/*" com.busanev.localstack.Launcher --root . "${args[@]+"${args[@]}"}"
