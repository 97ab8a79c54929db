package fr.ancrage.documents.sheets;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The attributes of a GeoJSON {@code FeatureCollection} read as one sheet (issue 18: the ANCT
 * publishes the QPV list so): row 1 holds the names of the first feature's properties, row
 * {@code n + 1} the properties of the {@code n}-th feature; geometries are skipped unread. Streamed
 * with Jackson, so a national file with its contours is never held in memory.
 */
final class GeoJsonSheet implements SheetFile {

    private final Path file;
    private final String name;
    private final Spreadsheets.Limits limits;

    GeoJsonSheet(Path file, String name, Spreadsheets.Limits limits) {
        this.file = file;
        this.name = name;
        this.limits = limits;
    }

    /** Whether the first bytes are those of a JSON object (after a byte order mark and blanks). */
    static boolean looksLikeJson(byte[] head) {
        int i = head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF ? 3 : 0;
        while (i < head.length && Character.isWhitespace(head[i])) {
            i++;
        }
        return i < head.length && head[i] == '{';
    }

    @Override
    public Format format() {
        return Format.GEOJSON;
    }

    @Override
    public List<String> sheets() {
        return List.of(name);
    }

    @Override
    public CsvSettings csv() {
        return null;
    }

    @Override
    public void read(int sheet, Predicate<SheetRow> handler) throws SheetFileException {
        JsonFactory factory = JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(limits.maxCellChars() + 1).maxNestingDepth(64).build()).build();
        try (JsonParser p = factory.createParser(Files.newInputStream(file))) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new SheetFileException("sheet.refused.geojson", name);
            }
            boolean features = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("features") && value == JsonToken.START_ARRAY) {
                    features = true;
                    if (!features(p, handler)) {
                        return;
                    }
                } else {
                    p.skipChildren();
                }
            }
            if (!features) {
                throw new SheetFileException("sheet.refused.geojson", name);
            }
        } catch (JsonProcessingException e) {
            throw new SheetFileException("sheet.refused.geojsonDamaged", name,
                    e.getLocation() == null ? 0 : e.getLocation().getLineNr());
        } catch (IOException e) {
            throw new SheetFileException("sheet.refused.unreadable", name, String.valueOf(e.getMessage()));
        }
    }

    /** Reads the features, handing rows on; false once the handler wants no more. */
    private boolean features(JsonParser p, Predicate<SheetRow> handler) throws IOException, SheetFileException {
        List<String> headers = null;
        int row = 1;
        while (p.nextToken() == JsonToken.START_OBJECT) {
            Map<String, Cell> properties = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("properties") && value == JsonToken.START_OBJECT) {
                    properties = properties(p, row + 1);
                } else {
                    p.skipChildren();
                }
            }
            if (properties == null) {
                properties = Map.of();
            }
            if (headers == null) {
                headers = List.copyOf(properties.keySet());
                if (!handler.test(new SheetRow(1, headers.stream().map(Cell::text).toList()))) {
                    return false;
                }
            }
            row++;
            List<Cell> cells = new ArrayList<>();
            for (String h : headers) {
                cells.add(properties.getOrDefault(h, Cell.EMPTY));
            }
            SheetRow r = new SheetRow(row, cells);
            if (!r.isEmpty() && !handler.test(r)) {
                return false;
            }
        }
        return true;
    }

    private Map<String, Cell> properties(JsonParser p, int row) throws IOException, SheetFileException {
        Map<String, Cell> cells = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken value = p.nextToken();
            Spreadsheets.checkCell(name, name, row, cells.size(), 0, limits);
            Cell cell = switch (value) {
                case VALUE_STRING -> Cell.text(p.getText());
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> Cell.number(new BigDecimal(p.getText()));
                case VALUE_TRUE, VALUE_FALSE -> Cell.bool(value == JsonToken.VALUE_TRUE);
                case START_ARRAY -> Cell.text(array(p));
                default -> {
                    p.skipChildren();
                    yield Cell.EMPTY;
                }
            };
            Spreadsheets.checkCell(name, name, row, cells.size(), cell.text().length(), limits);
            cells.put(key, cell);
        }
        return cells;
    }

    /** An array of plain values (a list of commune codes) as one cell: its values joined by commas. */
    private static String array(JsonParser p) throws IOException {
        StringBuilder b = new StringBuilder();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                p.skipChildren();
                continue;
            }
            if (!b.isEmpty()) {
                b.append(',');
            }
            b.append(p.getText());
        }
        return b.toString();
    }

    @Override
    public void close() {
        // each read opens and closes its own stream
    }
}
