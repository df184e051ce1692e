# Sourced by the scripts in bin/: points JAVA_HOME at a JDK >= 21.
# Keeps a JAVA_HOME that is already >= 21, else takes the newest JDK under /usr/lib/jvm.
java_major() { "$1/bin/java" -version 2>&1 | awk -F'"' '/version/ {split($2, v, "."); print v[1]; exit}'; }
if [ -z "${JAVA_HOME:-}" ] || [ ! -x "$JAVA_HOME/bin/java" ] || [ "$(java_major "$JAVA_HOME")" -lt 21 ]; then
  JAVA_HOME=""
  for candidate in /usr/lib/jvm/*; do
    if [ -x "$candidate/bin/javac" ] && [ "$(java_major "$candidate")" -ge 21 ]; then
      if [ -z "$JAVA_HOME" ] || [ "$(java_major "$candidate")" -gt "$(java_major "$JAVA_HOME")" ]; then
        JAVA_HOME="$candidate"
      fi
    fi
  done
  if [ -z "$JAVA_HOME" ]; then
    echo "OpenPeople needs a JDK 21 or newer; none found under /usr/lib/jvm." >&2
    exit 1
  fi
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
# Maven 3.9's Guice calls sun.misc.Unsafe; JDK 24+ warns about it on every build (JEP 498).
if [ "$(java_major "$JAVA_HOME")" -ge 24 ]; then
  case " ${MAVEN_OPTS:-} " in
    *--sun-misc-unsafe-memory-access=*) ;;
    *) export MAVEN_OPTS="--sun-misc-unsafe-memory-access=allow ${MAVEN_OPTS:-}" ;;
  esac
fi
