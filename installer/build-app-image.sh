#!/usr/bin/env bash
# Builds a runnable Linux app image of Ancrage with jpackage (target/installer/Ancrage/bin/Ancrage).
# JavaFX jars are modular and go through jlink with the JDK modules; H2, Flyway and the other
# automatic modules stay on the class path (see docs/decisions/0001). ControlsFX, on the class path,
# reaches into JavaFX internals: the --add-exports below open them to it.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"

./mvnw -B -q -DskipTests package dependency:copy-dependencies -DincludeScope=runtime \
  -DoutputDirectory=target/installer/libs
version=$(./mvnw -q -DforceStdout help:evaluate -Dexpression=project.version 2>/dev/null | sed 's/-SNAPSHOT//')
work=target/installer
rm -rf "$work/runtime" "$work/input" "$work/Ancrage"
mkdir -p "$work/input"

# JavaFX (Linux classifier jars) goes into the runtime image, everything else into the app.
fx_jars=$(ls "$work"/libs/javafx-*-linux.jar | paste -sd: -)
cp target/ancrage-*.jar "$work/input/"
find "$work/libs" -name '*.jar' ! -name 'javafx-*' -exec cp {} "$work/input/" \;

jlink --module-path "$fx_jars" \
  --add-modules java.base,java.desktop,java.logging,java.naming,java.sql,java.xml,java.management,jdk.unsupported,java.scripting,jdk.crypto.ec,javafx.controls,javafx.fxml \
  --strip-debug --no-header-files --no-man-pages --compress=zip-6 \
  --output "$work/runtime"

main_jar=$(basename target/ancrage-*.jar)
jpackage --type app-image --name Ancrage --app-version "${version:-0.1.0}" \
  --input "$work/input" --main-jar "$main_jar" --main-class fr.ancrage.Launcher \
  --runtime-image "$work/runtime" --dest "$work" \
  --java-options "--enable-native-access=ALL-UNNAMED" \
  --java-options "--add-exports=javafx.base/com.sun.javafx.event=ALL-UNNAMED" \
  --java-options "--add-exports=javafx.base/com.sun.javafx.collections=ALL-UNNAMED" \
  --java-options "--add-exports=javafx.base/com.sun.javafx.runtime=ALL-UNNAMED" \
  --java-options "--add-exports=javafx.graphics/com.sun.javafx.scene=ALL-UNNAMED" \
  --java-options "--add-exports=javafx.graphics/com.sun.javafx.scene.traversal=ALL-UNNAMED" \
  --java-options "--add-exports=javafx.graphics/com.sun.javafx.css=ALL-UNNAMED" \
  --java-options "--add-exports=javafx.controls/com.sun.javafx.scene.control=ALL-UNNAMED" \
  --java-options "--add-exports=javafx.controls/com.sun.javafx.scene.control.behavior=ALL-UNNAMED" \
  --java-options "--add-opens=javafx.controls/javafx.scene.control.skin=ALL-UNNAMED" \
  --vendor "Ancrage" --description "Suivi des conventions entreprises et quartiers prioritaires"

echo "App image: $work/Ancrage (run $work/Ancrage/bin/Ancrage --help)"
