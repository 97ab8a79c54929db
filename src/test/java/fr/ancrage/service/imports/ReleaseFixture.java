package fr.ancrage.service.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.ancrage.domain.Commune;
import fr.ancrage.domain.Epci;
import fr.ancrage.persistence.Store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/** A release of the administrative divisions made from a base's own reference, in the files' format. */
public final class ReleaseFixture {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReleaseFixture() {
    }

    /** Writes the base's reference as a release folder, {@code change} applied to its communes and EPCIs. */
    public static Path write(Store store, Path dir, String version, UnaryOperator<List<Commune>> change,
                             Set<String> dissolved, Map<String, String> merged) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("release-" + version + "/package/data"));
        Files.writeString(folder.getParent().resolve("package.json"),
                "{\"name\":\"@etalab/decoupage-administratif\",\"version\":\"" + version + "\"}");
        ArrayNode regions = JSON.createArrayNode();
        store.read(r -> r.territories().regions()).forEach(r -> regions.addObject().put("code", r.code()).put("nom", r.name()));
        JSON.writeValue(folder.resolve("regions.json").toFile(), regions);
        ArrayNode departments = JSON.createArrayNode();
        store.read(r -> r.territories().departments()).forEach(d -> departments.addObject().put("code", d.code())
                .put("region", d.regionCode()).put("nom", d.name()));
        JSON.writeValue(folder.resolve("departements.json").toFile(), departments);
        List<Commune> all = change.apply(new ArrayList<>(store.read(r -> r.territories().communes())));
        ArrayNode communes = JSON.createArrayNode();
        Map<String, List<Commune>> members = new HashMap<>();
        for (Commune c : all) {
            ObjectNode n = communes.addObject().put("code", c.code()).put("nom", c.name()).put("type", "commune-actuelle")
                    .put("departement", c.departmentCode());
            ArrayNode postcodes = n.putArray("codesPostaux");
            if (!c.postcodes().isEmpty()) {
                for (String p : c.postcodes().split(",")) {
                    postcodes.add(p);
                }
            }
            if (c.population() != null) {
                n.put("population", c.population());
            }
            if (!c.epciSiren().isEmpty()) {
                members.computeIfAbsent(c.epciSiren(), k -> new ArrayList<>()).add(c);
            }
        }
        merged.forEach((code, into) -> communes.addObject().put("code", code).put("nom", "ancienne " + code)
                .put("type", "commune-deleguee").put("chefLieu", into).put("departement", code.substring(0, 2)));
        JSON.writeValue(folder.resolve("communes.json").toFile(), communes);
        ArrayNode epcis = JSON.createArrayNode();
        for (Epci e : store.read(r -> r.territories().epcis())) {
            if (dissolved.contains(e.siren()) || !members.containsKey(e.siren())) {
                continue;
            }
            ObjectNode n = epcis.addObject().put("code", e.siren()).put("nom", e.name()).put("type", e.nature());
            if (e.population() != null) {
                n.put("populationTotale", e.population());
            }
            ArrayNode list = n.putArray("membres");
            // the department of the EPCI is the one of most of its population: its own, for the test
            for (Commune c : members.get(e.siren())) {
                list.addObject().put("code", c.code()).put("nom", c.name())
                        .put("populationTotale", c.departmentCode().equals(e.departmentCode()) ? 1_000_000 : 1);
            }
        }
        JSON.writeValue(folder.resolve("epci.json").toFile(), epcis);
        return folder;
    }

}
