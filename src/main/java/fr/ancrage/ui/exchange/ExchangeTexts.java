package fr.ancrage.ui.exchange;

import fr.ancrage.domain.exchange.Merge;
import fr.ancrage.i18n.I18n;
import fr.ancrage.i18n.Numerals;
import fr.ancrage.persistence.ExchangeKind;
import fr.ancrage.ui.common.Formats;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * How the exchange screens name what a package holds: the kinds of record (« Engagement »), their
 * fields (« Date de fin », « Objectif Stagiaires accueillis 2025 »), and their values as the rest of
 * the interface writes them (dates dd/MM/yyyy, « oui », a status's French name, a record's name
 * rather than its id). A field or a value it does not know is shown as it is, never hidden.
 */
final class ExchangeTexts {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    /** The enumerated fields and the enum whose labels the bundle holds ({@code enum.<Type>.<VALUE>}). */
    private static final Map<String, String> ENUMS = Map.ofEntries(
            Map.entry("convention/status", "ConventionStatus"), Map.entry("engagement/status", "EngagementStatus"),
            Map.entry("convention/framework", "Framework"), Map.entry("qpv/geographyVersion", "GeographyVersion"),
            Map.entry("indicator/unit", "IndicatorUnit"), Map.entry("organisation/kind", "OrganisationKind"),
            Map.entry("actionType/paqteAxis", "PaqteAxis"), Map.entry("campaignReport/state", "ReportState"),
            Map.entry("result/source", "ResultSource"), Map.entry("signatory/role", "SignatoryRole"),
            Map.entry("organisation/sizeBand", "SizeBand"), Map.entry("contact/civility", "Civility"),
            Map.entry("attendance/attendance", "Attendance"));

    private final I18n i18n;
    private final ZoneId zone;
    /** The name of a record by its id (indicators of the catalogue, records of the package), empty when unknown. */
    private final Function<UUID, Optional<String>> names;

    ExchangeTexts(I18n i18n, ZoneId zone, Function<UUID, Optional<String>> names) {
        this.i18n = i18n;
        this.zone = zone;
        this.names = names;
    }

    String kind(ExchangeKind kind) {
        return i18n.get("exchange.kind." + kind.label());
    }

    /** « Date de fin »; a target: « Objectif Stagiaires accueillis 2025 »; an unknown field: its name. */
    String field(String field) {
        if (field.startsWith("target/")) {
            String[] parts = field.split("/");
            if (parts.length == 3) {
                String indicator = parts[1];
                try {
                    indicator = names.apply(UUID.fromString(parts[1])).orElse(parts[1]);
                } catch (IllegalArgumentException notAnId) {
                    // shown as it is
                }
                return i18n.format("exchange.field.target", indicator, parts[2]);
            }
            return field;
        }
        String key = "exchange.field." + field;
        return i18n.bundle().containsKey(key) ? i18n.get(key) : field;
    }

    /** The fields' names, joined: « Titre, Date de fin ». */
    String fields(java.util.Collection<String> fields) {
        List<String> names = new ArrayList<>();
        fields.forEach(f -> names.add(field(f)));
        return String.join(", ", names);
    }

    /** A value as the interface shows it; « (vide) » for none. */
    String value(ExchangeKind kind, String field, String raw) {
        if (raw == null || raw.isEmpty()) {
            return i18n.get("exchange.value.empty");
        }
        String enumType = ENUMS.get(kind.label() + "/" + field);
        if (enumType != null) {
            String key = "enum." + enumType + "." + raw;
            return i18n.bundle().containsKey(key) ? i18n.get(key) : raw;
        }
        if (field.startsWith("target/") || field.equals("realisedValue")) {
            try {
                return Numerals.of(i18n.locale()).decimal(new BigDecimal(raw), 0, Formats.VALUE_DECIMALS);
            } catch (NumberFormatException e) {
                return raw;
            }
        }
        if (field.endsWith("Id") || field.endsWith("Ids")) {
            List<String> shown = new ArrayList<>();
            for (String part : raw.split(",")) {
                try {
                    shown.add(names.apply(UUID.fromString(part)).orElse(part));
                } catch (IllegalArgumentException notAnId) {
                    shown.add(part);
                }
            }
            return String.join(", ", shown);
        }
        if (raw.equals("true") || raw.equals("false")) {
            return i18n.get(raw.equals("true") ? "doc.yes" : "doc.no");
        }
        Optional<LocalDate> date = isoDate(raw);
        if (date.isPresent()) {
            return Formats.date(date.get());
        }
        return raw;
    }

    /**
     * Whether a value of the field may be typed (« Modifier… »): not one of a list of values, nor a
     * link to records, nor yes/no; those are answered by keeping one side.
     */
    static boolean editable(ExchangeKind kind, String field, String mine, String theirs) {
        if (ENUMS.containsKey(kind.label() + "/" + field) || field.endsWith("Id") || field.endsWith("Ids")) {
            return false;
        }
        return !(isBoolean(mine) || isBoolean(theirs));
    }

    private static boolean isBoolean(String value) {
        return "true".equals(value) || "false".equals(value);
    }

    static Optional<LocalDate> isoDate(String raw) {
        if (raw == null || !raw.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(raw));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** « 22/11/2026 à 11:00 » in the interface's zone; empty for none. */
    String when(Instant at) {
        if (at == null) {
            return "";
        }
        ZonedDateTime z = at.atZone(zone);
        return i18n.format("exchange.when", Formats.date(z.toLocalDate()), TIME.format(z));
    }

    /** « Nouveau », « Modifié », « Supprimé », « Conflit ». */
    String outcome(Merge.Outcome outcome) {
        return i18n.get(switch (outcome) {
            case NEW -> "exchange.outcome.NEW";
            case UPDATED -> "exchange.outcome.UPDATED";
            case UNCHANGED -> "exchange.outcome.UNCHANGED";
            case DELETED -> "exchange.outcome.DELETED";
            case CONFLICT -> "exchange.outcome.CONFLICT";
        });
    }

    /** The name of the base that made a package, or « Base sans nom ». */
    String baseName(String name) {
        return name == null || name.isBlank() ? i18n.get("exchange.base.unnamed") : name;
    }
}
