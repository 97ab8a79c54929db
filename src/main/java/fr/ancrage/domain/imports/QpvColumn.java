package fr.ancrage.domain.imports;

import fr.ancrage.domain.Text;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The columns of the official QPV list the ANCT publishes (CSV, spreadsheet, or the attributes of
 * its GeoJSON), recognised by their usual headers whatever their case, accents and punctuation:
 * {@code code_qp}, {@code nom_qp} or {@code lib_qp}, {@code insee_com} or {@code commune_qp},
 * {@code insee_dep}, {@code siren_epci}… (issue 18).
 */
public enum QpvColumn {
    CODE("code qp", "code qpv", "code quartier", "code du quartier", "code qp 2024", "code qp 2015", "code qpv 2024",
            "code qpv 2015", "qp", "qpv", "codeqp", "code"),
    NAME("nom qp", "lib qp", "libelle qp", "nom qpv", "lib qpv", "libelle qpv", "nom du quartier", "nom quartier",
            "quartier", "libelle", "nom"),
    COMMUNE_CODES("insee com", "code insee", "codes insee", "code insee commune", "code commune", "codes communes",
            "insee commune", "com", "depcom", "insee", "code com", "codgeo"),
    COMMUNE_NAMES("commune qp", "lib com", "nom com", "libelle commune", "nom commune", "nom de la commune", "commune",
            "communes", "commune s", "communes qp", "communes du quartier"),
    DEPARTMENT("insee dep", "code dep", "code departement", "dep", "departement", "num dep", "code dept", "dept"),
    EPCI("siren epci", "code epci", "epci siren", "siren de l epci", "epci", "code siren epci");

    private final List<String> headers;

    QpvColumn(String... headers) {
        this.headers = List.of(headers);
    }

    public List<String> headers() {
        return headers;
    }

    /**
     * The column of each field among {@code headers} (counted from 0): a header that is exactly one
     * of the usual ones; each field once, the first such column.
     */
    public static Map<QpvColumn, Integer> recognise(List<String> headers) {
        Map<QpvColumn, Integer> found = new EnumMap<>(QpvColumn.class);
        for (int c = 0; c < headers.size(); c++) {
            String key = Text.searchKey(headers.get(c));
            for (QpvColumn column : values()) {
                if (!found.containsKey(column) && !found.containsValue(c) && column.headers.contains(key)) {
                    found.put(column, c);
                }
            }
        }
        return found;
    }
}
