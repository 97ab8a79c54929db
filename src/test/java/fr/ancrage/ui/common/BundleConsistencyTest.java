package fr.ancrage.ui.common;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fails on a key used in the code or FXML but missing from a bundle, on a key present in the
 * bundles but used nowhere, and on French and English bundles that differ in their keys.
 */
class BundleConsistencyTest {

    private static final Path MAIN = Path.of("src/main");
    private static final Pattern FXML_KEY = Pattern.compile("\"%([a-zA-Z0-9_.]+)\"");
    private static final Pattern STRING_LITERAL = Pattern.compile("\"([a-zA-Z][a-zA-Z0-9_]*(?:\\.[a-zA-Z0-9_]+)+)\"");
    private static final Pattern REFUSAL = Pattern.compile("new RuleViolationException\\(\\s*\"([a-zA-Z0-9_.]+)\"");
    /** Keys built at run time: enum labels, navigation, start-up errors, the exchange's kinds, choices, reasons, scopes. */
    private static final Pattern DYNAMIC = Pattern.compile(
            "^(enum|nav|startup\\.error|fieldName|exchange\\.(kind|choice|value|scope|field|report\\.recordConflict)|import\\.(decision|field|match|outcome|kind|sheet\\.encoding|sheet\\.separator|choice|group|qpv\\.(change|column|field|outcome)|reference\\.(field|level|kind)))\\..+");

    @Test
    void frenchAndEnglishHaveTheSameKeys() {
        assertThat(load("messages_en.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(load("messages.properties").stringPropertyNames());
    }

    @Test
    void everyUsedKeyExists() throws IOException {
        Set<String> defined = load("messages.properties").stringPropertyNames();
        Set<String> missing = new TreeSet<>(usedKeys(defined, true));
        missing.removeAll(defined);
        assertThat(missing).as("keys used but missing from the bundle").isEmpty();
    }

    @Test
    void everyKeyIsUsed() throws IOException {
        Set<String> defined = load("messages.properties").stringPropertyNames();
        Set<String> used = usedKeys(defined, false);
        Set<String> unused = new TreeSet<>();
        for (String key : defined) {
            if (!used.contains(key) && !DYNAMIC.matcher(key).matches()) {
                unused.add(key);
            }
        }
        assertThat(unused).as("keys defined but used nowhere").isEmpty();
    }

    @Test
    void enumLabelsExistForEveryConstant() {
        Set<String> defined = load("messages.properties").stringPropertyNames();
        for (Class<? extends Enum<?>> type : java.util.List.<Class<? extends Enum<?>>>of(
                fr.ancrage.domain.OrganisationKind.class, fr.ancrage.domain.SizeBand.class,
                fr.ancrage.domain.Framework.class, fr.ancrage.domain.ConventionStatus.class,
                fr.ancrage.domain.SignatoryRole.class, fr.ancrage.domain.GeographyVersion.class,
                fr.ancrage.domain.DuplicateCandidate.Reason.class,
                fr.ancrage.domain.Attendance.class, fr.ancrage.domain.CeremonyWarning.class,
                fr.ancrage.domain.BackupKind.class, fr.ancrage.domain.RecordKind.class,
                fr.ancrage.domain.Civility.class,
                fr.ancrage.persistence.StoreOpeningException.Reason.class)) {
            for (Enum<?> constant : type.getEnumConstants()) {
                String key = type == fr.ancrage.persistence.StoreOpeningException.Reason.class
                        ? "startup.error." + constant.name()
                        : "enum." + type.getSimpleName() + "." + constant.name();
                assertThat(defined).as("label of " + constant).contains(key);
            }
        }
        // the documents write « Mme Claire Martin »: each civilité has its abbreviation too
        for (fr.ancrage.domain.Civility civility : fr.ancrage.domain.Civility.values()) {
            assertThat(defined).as("abbreviation of " + civility).contains("enum.Civility." + civility.name() + ".short");
        }
    }

    /**
     * Keys referenced in sources: "%key" in FXML and string literals in Java that look like keys.
     * When {@code strict}, only literals that are defined keys or start like one count, so that
     * class names and resource paths are not mistaken for keys.
     */
    private static Set<String> usedKeys(Set<String> defined, boolean strict) throws IOException {
        Set<String> prefixes = new HashSet<>();
        defined.forEach(k -> prefixes.add(k.substring(0, k.indexOf('.'))));
        Set<String> used = new HashSet<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = file.toString();
                if (!name.endsWith(".java") && !name.endsWith(".fxml")) {
                    continue;
                }
                String text = Files.readString(file, StandardCharsets.UTF_8);
                // persistence holds metadata keys of the store, never user-visible text, except the
                // refusals it raises itself (backups)
                if (name.contains("/persistence/")) {
                    Matcher refusal = REFUSAL.matcher(text);
                    while (refusal.find()) {
                        used.add(refusal.group(1));
                    }
                    continue;
                }
                Matcher fxml = FXML_KEY.matcher(text);
                while (fxml.find()) {
                    used.add(fxml.group(1));
                }
                // ConventionToSign also names the placeholders of the templates (convention.reference…),
                // which look like keys and are not: only its defined keys count there
                boolean placeholders = name.endsWith("/ConventionToSign.java");
                if (name.endsWith(".java")) {
                    Matcher literal = STRING_LITERAL.matcher(text);
                    while (literal.find()) {
                        String candidate = literal.group(1);
                        String prefix = candidate.substring(0, candidate.indexOf('.'));
                        if (placeholders && !defined.contains(candidate)) {
                            continue;
                        }
                        if (!strict || (prefixes.contains(prefix) && !candidate.endsWith(".")
                                && !candidate.matches(".*\\.(fxml|css|properties|sql|gz|txt|png)$"))) {
                            used.add(candidate);
                        }
                    }
                }
            }
        }
        return used;
    }

    private static Properties load(String name) {
        Properties p = new Properties();
        try (InputStream in = BundleConsistencyTest.class.getResourceAsStream("/fr/ancrage/i18n/" + name)) {
            assertThat(in).as(name).isNotNull();
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
