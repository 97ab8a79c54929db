package fr.ancrage.service.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.ancrage.domain.RuleViolationException;
import fr.ancrage.domain.exchange.Clock;
import fr.ancrage.domain.exchange.FieldValue;
import fr.ancrage.domain.exchange.RecordState;
import fr.ancrage.persistence.ExchangeKind;
import fr.ancrage.persistence.ExchangeRepository;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The records of an exchange package as JSON ({@code donnees/<kind>.json}, docs/package-format.md),
 * written and read back. Reading trusts nothing: every record is checked against its kind's
 * fields (type, length, allowed values), and the first fault refuses the package with a message
 * that names the file, the record and the field.
 */
final class PackageJson {

    static final String KIND = "echange";
    static final int FORMAT_VERSION = 2;
    static final String DATA = "donnees/";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PackageJson() {
    }

    // --- Writing ---------------------------------------------------------------------------------

    /** The bases named by the clocks of {@code p}, in a fixed order: the index each clock uses. */
    static List<UUID> bases(ExchangePackage p) {
        Set<UUID> all = new TreeSet<>();
        all.add(p.baseId());
        p.records().values().forEach(list -> list.forEach(r -> {
            r.state().fields().values().forEach(f -> all.addAll(f.clock().counters().keySet()));
            if (r.state().deleted() != null) {
                all.addAll(r.state().deleted().counters().keySet());
            }
        }));
        return new ArrayList<>(all);
    }

    static byte[] records(ExchangeKind kind, List<Incoming> records, List<UUID> bases) {
        Map<UUID, Integer> index = new HashMap<>();
        for (int i = 0; i < bases.size(); i++) {
            index.put(bases.get(i), i);
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("kind", kind.label());
        ArrayNode array = root.putArray("records");
        for (Incoming r : records) {
            ObjectNode n = array.addObject();
            n.put("id", r.state().id().toString());
            n.put("version", r.version());
            n.put("createdAt", r.createdAt() == null ? null : r.createdAt().toString());
            n.put("updatedAt", r.updatedAt() == null ? null : r.updatedAt().toString());
            if (r.state().deleted() == null) {
                n.putNull("deleted");
            } else {
                n.set("deleted", clock(r.state().deleted(), index));
            }
            ObjectNode fields = n.putObject("fields");
            r.state().fields().forEach((name, f) -> {
                ObjectNode fn = fields.putObject(name);
                fn.put("value", f.value());
                fn.set("clock", clock(f.clock(), index));
            });
        }
        return bytes(root);
    }

    private static ObjectNode clock(Clock c, Map<UUID, Integer> index) {
        ObjectNode n = JSON.createObjectNode();
        c.counters().forEach((base, counter) -> n.put(Integer.toString(index.get(base)), counter));
        return n;
    }

    static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- Reading ---------------------------------------------------------------------------------

    /** The package described by {@code manifest} and {@code files} (already checked against the manifest's checksums). */
    /** Parses one listed file of the package, with the archive's bounds. */
    @FunctionalInterface
    interface Parser {
        JsonNode parse(String path) throws fr.ancrage.documents.PackageRefusedException;
    }

    static ExchangePackage read(JsonNode manifest, Map<String, byte[]> files, Parser parser)
            throws fr.ancrage.documents.PackageRefusedException {
        String kind = text(manifest, "kind", "manifest.json");
        if (!KIND.equals(kind)) {
            throw refused("exchange.refused.notExchange", kind);
        }
        UUID id = uuid(manifest, "id", "manifest.json");
        Instant createdAt = instant(manifest, "createdAt", "manifest.json");
        JsonNode base = object(manifest, "base", "manifest.json");
        UUID baseId = uuid(base, "id", "manifest.json");
        String baseName = base.path("name").isTextual() ? base.get("name").asText() : "";
        if (baseName.length() > 200) {
            throw refused("exchange.refused.field", "manifest.json", "base.name");
        }
        ExchangeScope scope = scope(object(manifest, "scope", "manifest.json"));
        JsonNode basesNode = manifest.get("bases");
        if (basesNode == null || !basesNode.isArray() || basesNode.size() > 10_000) {
            throw refused("exchange.refused.field", "manifest.json", "bases");
        }
        List<UUID> bases = new ArrayList<>();
        for (JsonNode b : basesNode) {
            UUID u = b.isTextual() ? parseUuid(b.asText()) : null;
            if (u == null || bases.contains(u)) {
                throw refused("exchange.refused.field", "manifest.json", "bases");
            }
            bases.add(u);
        }
        Map<ExchangeKind, List<Incoming>> records = new LinkedHashMap<>();
        Set<UUID> seen = new HashSet<>();
        for (String path : files.keySet()) {
            if (!path.startsWith(DATA)) {
                continue;
            }
            String name = path.substring(DATA.length());
            ExchangeKind k = null;
            for (ExchangeKind candidate : ExchangeKind.values()) {
                if ((candidate.file() + ".json").equals(name)) {
                    k = candidate;
                }
            }
            if (k == null) {
                throw refused("exchange.refused.unknownKind", path);
            }
            records.put(k, records(k, path, parser.parse(path), bases, seen));
        }
        Map<ExchangeKind, List<Incoming>> ordered = new LinkedHashMap<>();
        for (ExchangeKind k : ExchangeKind.values()) {
            if (records.containsKey(k)) {
                ordered.put(k, records.get(k));
            }
        }
        return new ExchangePackage(id, createdAt, baseId, baseName, scope, ordered);
    }

    private static ExchangeScope scope(JsonNode n) {
        String kindText = text(n, "kind", "manifest.json");
        ExchangeScope.Kind kind;
        try {
            kind = ExchangeScope.Kind.valueOf(kindText);
        } catch (IllegalArgumentException e) {
            throw refused("exchange.refused.field", "manifest.json", "scope.kind");
        }
        String code = n.path("code").isTextual() ? n.get("code").asText() : null;
        String label = n.path("label").isTextual() ? n.get("label").asText() : "";
        if ((code != null && code.length() > 20) || label.length() > 300) {
            throw refused("exchange.refused.field", "manifest.json", "scope");
        }
        return new ExchangeScope(kind, code, List.of(), null, label);
    }

    private static List<Incoming> records(ExchangeKind kind, String path, JsonNode root, List<UUID> bases,
                                          Set<UUID> seen) {
        if (!root.isObject() || !kind.label().equals(root.path("kind").asText(null))
                || !root.path("records").isArray()) {
            throw refused("exchange.refused.shape", path);
        }
        List<Incoming> list = new ArrayList<>();
        int position = 0;
        for (JsonNode n : root.get("records")) {
            position++;
            String where = path + " #" + position;
            if (!n.isObject()) {
                throw refused("exchange.refused.shape", where);
            }
            UUID id = uuid(n, "id", where);
            where = path + " #" + position + " (" + id + ")";
            if (!seen.add(id)) {
                throw refused("exchange.refused.duplicate", id.toString(), path);
            }
            JsonNode version = n.get("version");
            if (version == null || !version.canConvertToInt() || !version.isIntegralNumber() || version.asInt() < 0) {
                throw refused("exchange.refused.field", where, "version");
            }
            Instant created = instant(n, "createdAt", where);
            Instant updated = instant(n, "updatedAt", where);
            Clock deleted = null;
            JsonNode d = n.get("deleted");
            if (d != null && !d.isNull()) {
                deleted = clock(d, bases, where, "deleted");
            } else if (d == null) {
                throw refused("exchange.refused.field", where, "deleted");
            }
            JsonNode fieldsNode = n.get("fields");
            if (fieldsNode == null || !fieldsNode.isObject()) {
                throw refused("exchange.refused.field", where, "fields");
            }
            Map<String, FieldValue> fields = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = fieldsNode.fields(); it.hasNext(); ) {
                var e = it.next();
                String field = e.getKey();
                JsonNode fn = e.getValue();
                if (!fn.isObject() || !fn.has("value") || !(fn.get("value").isNull() || fn.get("value").isTextual())) {
                    throw refused("exchange.refused.field", where, field);
                }
                String value = fn.get("value").isNull() ? null : fn.get("value").asText();
                String problem = ExchangeRepository.valueProblem(kind, field, value);
                if (problem != null && !(deleted != null && "missing".equals(problem))) {
                    if ("unknownField".equals(problem)) {
                        throw refused("exchange.refused.unknownField", where, field);
                    }
                    throw refused("exchange.refused.value", where, field, "exchange.value." + problem);
                }
                fields.put(field, new FieldValue(value, clock(fn.get("clock"), bases, where, field)));
            }
            if (deleted == null) {
                for (var column : mandatory(kind)) {
                    if (!fields.containsKey(column) || fields.get(column).value() == null) {
                        throw refused("exchange.refused.value", where, column, "exchange.value.missing");
                    }
                }
            }
            list.add(new Incoming(kind, new RecordState(id, kind.label(), fields, deleted), version.asInt(), created,
                    updated));
        }
        return list;
    }

    private static List<String> mandatory(ExchangeKind kind) {
        List<String> names = new ArrayList<>();
        for (String candidate : ExchangeRepository.fieldNames(kind)) {
            if ("missing".equals(ExchangeRepository.valueProblem(kind, candidate, null))) {
                names.add(candidate);
            }
        }
        return names;
    }

    private static Clock clock(JsonNode n, List<UUID> bases, String where, String field) {
        if (n == null || !n.isObject() || n.size() > bases.size()) {
            throw refused("exchange.refused.clock", where, field);
        }
        Map<UUID, Long> counters = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            var e = it.next();
            int index;
            try {
                index = Integer.parseInt(e.getKey());
            } catch (NumberFormatException ex) {
                throw refused("exchange.refused.clock", where, field);
            }
            JsonNode v = e.getValue();
            if (index < 0 || index >= bases.size() || !v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() <= 0) {
                throw refused("exchange.refused.clock", where, field);
            }
            counters.put(bases.get(index), v.asLong());
        }
        return Clock.of(counters);
    }

    private static JsonNode object(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || !v.isObject()) {
            throw refused("exchange.refused.field", where, field);
        }
        return v;
    }

    private static String text(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw refused("exchange.refused.field", where, field);
        }
        return v.asText();
    }

    private static UUID uuid(JsonNode n, String field, String where) {
        UUID u = parseUuid(text(n, field, where));
        if (u == null) {
            throw refused("exchange.refused.field", where, field);
        }
        return u;
    }

    private static UUID parseUuid(String s) {
        try {
            UUID u = UUID.fromString(s);
            return u.toString().equals(s) ? u : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Instant instant(JsonNode n, String field, String where) {
        String s = text(n, field, where);
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(s);
            } catch (DateTimeParseException e2) {
                throw refused("exchange.refused.field", where, field);
            }
        }
    }

    static RuleViolationException refused(String key, Object... args) {
        return new RuleViolationException(key, args);
    }
}
