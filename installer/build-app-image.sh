#!/usr/bin/env bash
# Builds a runnable Linux app image of Ancrage (target/installer/Ancrage/bin/Ancrage): packages the
# app, copies its runtime dependencies, then links the runtime and the image with
# installer/link-app-image.sh, the same script `./mvnw -B verify` runs before testing the image.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"

rm -rf target/installer/libs
./mvnw -B -q -DskipTests package dependency:copy-dependencies -DincludeScope=runtime \
  -DoutputDirectory=target/installer/libs
version=$(./mvnw -q -DforceStdout help:evaluate -Dexpression=project.version 2>/dev/null || true)
installer/link-app-image.sh target "${version:-0.1.0}"
