#!/usr/bin/env bash
# Lists the records a service dead-lettered, and re-drives one to the topic it came from once its cause is fixed
# (docs/architecture.md, "Operations"). The re-driven record keeps its event id: consumers that had applied it drop it.
#   ./dead-letters.sh list    --service order-service [--bootstrap HOST:PORT]
#   ./dead-letters.sh redrive --service order-service [--bootstrap HOST:PORT] --partition P --offset N
# --bootstrap defaults to the local run's broker.
set -euo pipefail
cd "$(dirname "$0")"

. local-stack/java.sh

if [ ! -f local-stack/target/local-stack.jar ]; then
  echo "Building local-stack ..." >&2
  ./mvnw -B -q -pl local-stack -am package -DskipTests >&2
fi

exec "$java" -cp "local-stack/target/local-stack.jar:local-stack/target/lib/*" com.busanev.localstack.DeadLetters "$@"
