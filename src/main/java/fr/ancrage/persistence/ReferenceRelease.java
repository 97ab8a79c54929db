package fr.ancrage.persistence;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.ancrage.domain.Commune;
import fr.ancrage.domain.Department;
import fr.ancrage.domain.Epci;
import fr.ancrage.domain.Region;
import fr.ancrage.domain.RuleViolationException;
import fr.ancrage.domain.imports.ReferenceUpdate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * A release of {@code @etalab/decoupage-administratif} read from its folder (regions.json,
 * departements.json, epci.json, communes.json, and package.json for its version), with the rules of
 * {@code tools/reference/build_reference_data.py}: current communes and municipal arrondissements
 * kept, an arrondissement in its commune's EPCI, an EPCI in the department of most of its
 * population. Former communes merged into a commune nouvelle ({@code commune-deleguee},
 * {@code commune-associee}) give where each went. Each file is streamed, one object at a time.
 */
public final class ReferenceRelease {

    public static final List<String> FILES = List.of("regions.json", "departements.json", "epci.json", "communes.json");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_FILE_BYTES = 200 << 20;

    private ReferenceRelease() {
    }

    /** The folder holding the files, from the folder itself or one of its files. */
    public static Path folderOf(Path chosen) {
        return Files.isDirectory(chosen) ? chosen : chosen.toAbsolutePath().getParent();
    }

    /** @throws RuleViolationException ({@code reference.refused.…}) when a file is missing, damaged or inconsistent */
    public static ReferenceUpdate.Release read(Path chosen) {
        Path folder = folderOf(chosen);
        for (String f : FILES) {
            if (!Files.isRegularFile(folder.resolve(f))) {
                throw new RuleViolationException("reference.refused.missing", folder.toString(), f);
            }
        }
        List<Region> regions = new ArrayList<>();
        each(folder, "regions.json", n -> regions.add(new Region(text(n, "code"), text(n, "nom"))));
        List<Department> departments = new ArrayList<>();
        each(folder, "departements.json", n -> departments.add(new Department(text(n, "code"), text(n, "nom"),
                text(n, "region"))));
        Map<String, String[]> communes = new LinkedHashMap<>();
        Map<String, String> parents = new HashMap<>();
        Map<String, String> merged = new HashMap<>();
        each(folder, "communes.json", n -> {
            String type = text(n, "type");
            String code = text(n, "code");
            if (type.equals("commune-actuelle") || type.equals("arrondissement-municipal")) {
                TreeSet<String> postcodes = new TreeSet<>();
                n.path("codesPostaux").forEach(p -> postcodes.add(p.asText()));
                communes.put(code, new String[] {text(n, "nom"), text(n, "departement"), "",
                        String.join(",", postcodes), n.hasNonNull("population") ? n.get("population").asText() : ""});
                if (type.equals("arrondissement-municipal")) {
                    parents.put(code, text(n, "commune"));
                }
            } else if ((type.equals("commune-deleguee") || type.equals("commune-associee")) && n.hasNonNull("chefLieu")) {
                merged.put(code, text(n, "chefLieu"));
            }
        });
        List<Epci> epcis = new ArrayList<>();
        each(folder, "epci.json", n -> {
            String siren = text(n, "code");
            Map<String, Long> weights = new HashMap<>();
            for (JsonNode m : n.path("membres")) {
                String[] commune = communes.get(text(m, "code"));
                if (commune == null) {
                    throw new RuleViolationException("reference.refused.inconsistent", "epci.json",
                            "EPCI " + siren + " : commune " + text(m, "code"));
                }
                commune[2] = siren;
                weights.merge(commune[1], m.path("populationTotale").asLong(0), Long::sum);
            }
            String department = weights.entrySet().stream().min((a, b) -> a.getValue().equals(b.getValue())
                    ? a.getKey().compareTo(b.getKey()) : Long.compare(b.getValue(), a.getValue()))
                    .map(Map.Entry::getKey).orElse("");
            epcis.add(new Epci(siren, text(n, "nom"), text(n, "type"), department,
                    n.hasNonNull("populationTotale") ? n.get("populationTotale").asInt() : null));
        });
        parents.forEach((code, parent) -> {
            String[] p = communes.get(parent);
            if (p != null) {
                communes.get(code)[2] = p[2];
            }
        });
        List<Commune> list = new ArrayList<>();
        communes.forEach((code, c) -> list.add(new Commune(code, c[0], c[1], c[2], c[3],
                c[4].isEmpty() ? null : Integer.valueOf(c[4]))));
        // merged into a current commune only (a delegated commune's chef-lieu may be itself)
        merged.keySet().removeIf(code -> communes.containsKey(code) || !communes.containsKey(merged.get(code)));
        check(regions, departments, epcis, list);
        String[] version = version(folder);
        return new ReferenceUpdate.Release(version[0], version[1], regions, departments, epcis, list, merged);
    }

    private static void check(List<Region> regions, List<Department> departments, List<Epci> epcis,
                              List<Commune> communes) {
        var regionCodes = new java.util.HashSet<String>();
        regions.forEach(r -> regionCodes.add(r.code()));
        var departmentCodes = new java.util.HashSet<String>();
        for (Department d : departments) {
            if (!regionCodes.contains(d.regionCode())) {
                throw new RuleViolationException("reference.refused.inconsistent", "departements.json",
                        d.code() + " : région " + d.regionCode());
            }
            departmentCodes.add(d.code());
        }
        for (Epci e : epcis) {
            if (!departmentCodes.contains(e.departmentCode())) {
                throw new RuleViolationException("reference.refused.inconsistent", "epci.json",
                        "EPCI " + e.siren() + " : département " + e.departmentCode());
            }
        }
        for (Commune c : communes) {
            if (!departmentCodes.contains(c.departmentCode())) {
                throw new RuleViolationException("reference.refused.inconsistent", "communes.json",
                        c.code() + " : département " + c.departmentCode());
            }
        }
    }

    /** The source and version of package.json, in the folder or its parent (npm pack puts the data in package/data). */
    private static String[] version(Path folder) {
        for (Path p : new Path[] {folder.resolve("package.json"), folder.getParent() == null ? null
                : folder.getParent().resolve("package.json")}) {
            if (p != null && Files.isRegularFile(p)) {
                try {
                    JsonNode n = JSON.readTree(p.toFile());
                    return new String[] {n.path("name").asText("@etalab/decoupage-administratif"),
                            n.path("version").asText("?")};
                } catch (IOException e) {
                    throw new RuleViolationException("reference.refused.damaged", p.getFileName().toString(), 0);
                }
            }
        }
        return new String[] {"@etalab/decoupage-administratif", folder.getFileName().toString()};
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? "" : v.asText().strip();
    }

    /** Hands each object of the file's top-level array to {@code handler}, one at a time. */
    private static void each(Path folder, String name, Consumer<JsonNode> handler) {
        Path file = folder.resolve(name);
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new RuleViolationException("reference.refused.damaged", name, 0);
            }
            try (InputStream in = Files.newInputStream(file); JsonParser p = JSON.getFactory().createParser(in)) {
                if (p.nextToken() != JsonToken.START_ARRAY) {
                    throw new RuleViolationException("reference.refused.damaged", name, 1);
                }
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    handler.accept(p.readValueAsTree());
                }
                if (p.currentToken() != JsonToken.END_ARRAY) {
                    throw new RuleViolationException("reference.refused.damaged", name,
                            p.currentLocation().getLineNr());
                }
            }
        } catch (JsonProcessingException e) {
            throw new RuleViolationException("reference.refused.damaged", name,
                    e.getLocation() == null ? 0 : e.getLocation().getLineNr());
        } catch (IOException e) {
            throw new RuleViolationException("reference.refused.unreadable", name, String.valueOf(e.getMessage()));
        }
    }
}
