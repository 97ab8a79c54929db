#!/usr/bin/env bash
# Links the Linux app image of Ancrage from a packaged build: the runtime with jlink, then the
# image with jpackage (<build dir>/installer/Ancrage/bin/Ancrage).
#
#   installer/link-app-image.sh [<build dir> [<version>]]      (default: target, the POM's version)
#
# Expects <build dir>/ancrage-*.jar and the runtime dependencies in <build dir>/installer/libs/.
# `./mvnw -B verify` runs it in pre-integration-test (after dependency:copy-dependencies), then
# AppImageIT runs the image; installer/build-app-image.sh runs it for humans.
#
# JavaFX jars are modular and go through jlink with the JDK modules; H2, Flyway and the other
# automatic modules stay on the class path (see docs/decisions/0001). ControlsFX, on the class path,
# reaches into JavaFX internals: the --add-exports below open them to it.
# Needs only a JDK 25 (JAVA_HOME) and coreutils: a jpackage app image needs neither fakeroot nor
# dpkg (only a .deb would). On Linux jlink's --strip-debug also strips the native libraries' debug
# symbols with objcopy (binutils), which a fresh machine may lack: without objcopy only the Java
# debug attributes are stripped (--strip-java-debug-attributes); the JDK's libraries are shipped
# stripped already, so the image is about the same.
set -euo pipefail
build=${1:-target}
version=${2:-0.1.0}
version=${version%-SNAPSHOT}
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"

# The JDK modules the app and its libraries use (jdeps --print-module-deps over the app jar and every
# jar of libs/, see docs/architecture.md), plus what jdeps cannot see:
# - jdk.localedata, French and English only: month and day names of the date picker, French
#   collation (sorting names with accents); numbers never depend on it (decision 0010)
# - jdk.unsupported (sun.misc.Unsafe, used by JavaFX and libraries through reflection)
# (jdk.crypto.ec, in the first image, is an empty module since JDK 22: elliptic curves are in java.base)
modules=java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.naming
modules+=,java.scripting,java.sql,java.xml,java.xml.crypto,jdk.jfr,jdk.net,jdk.xml.dom
modules+=,jdk.unsupported,jdk.localedata
modules+=,javafx.controls,javafx.fxml

work="$build/installer"
libs="$work/libs"
main_jar=$(cd "$build" && ls ancrage-*.jar | grep -v -e '-sources' -e '-javadoc' | head -n 1)
if [ -z "$main_jar" ] || [ ! -d "$libs" ]; then
  echo "link-app-image: $build/ancrage-*.jar or $libs missing: run ./mvnw package dependency:copy-dependencies first" >&2
  exit 1
fi
rm -rf "$work/runtime" "$work/input" "$work/Ancrage"
if command -v objcopy >/dev/null 2>&1; then
  strip=--strip-debug
else
  strip=--strip-java-debug-attributes
  echo "link-app-image: no objcopy (binutils): native debug symbols left as the JDK ships them" >&2
fi
mkdir -p "$work/input"

# JavaFX (Linux classifier jars) goes into the runtime image, everything else into the app.
fx_jars=$(ls "$libs"/javafx-*-linux.jar | paste -sd: -)
cp "$build/$main_jar" "$work/input/"
find "$libs" -name '*.jar' ! -name 'javafx-*' -exec cp {} "$work/input/" \;

"$JAVA_HOME/bin/jlink" --module-path "$fx_jars" --add-modules "$modules" --include-locales=fr,en \
  "$strip" --no-header-files --no-man-pages --compress=zip-6 \
  --output "$work/runtime"

"$JAVA_HOME/bin/jpackage" --type app-image --name Ancrage --app-version "$version" \
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
