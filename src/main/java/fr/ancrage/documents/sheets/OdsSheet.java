package fr.ancrage.documents.sheets;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * An ODS read as a stream of its {@code content.xml} (StAX), never as a document in memory: rows
 * and cells repeated by {@code number-rows-repeated} / {@code number-columns-repeated} are counted,
 * not made (a sheet's million empty rows cost nothing); a cell's comment is not its text; the
 * typed value ({@code office:value}, {@code office:date-value}) is read, not the text shown.
 */
final class OdsSheet implements SheetFile {

    private static final String TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
    private static final String OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
    private static final String TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
    private static final String CONTENT = "content.xml";

    private final SheetZip zip;
    private final String name;
    private final Spreadsheets.Limits limits;
    private final List<String> sheets;

    OdsSheet(SheetZip zip, String name, Spreadsheets.Limits limits) throws SheetFileException {
        this.zip = zip;
        this.name = name;
        this.limits = limits;
        if (!zip.has(CONTENT)) {
            throw new SheetFileException("sheet.refused.damaged", name);
        }
        List<String> found = new ArrayList<>();
        parse(r -> {
            if (r.isStartElement() && TABLE.equals(r.getNamespaceURI()) && "table".equals(r.getLocalName())) {
                String n = r.getAttributeValue(TABLE, "name");
                found.add(n == null ? "Feuille" + (found.size() + 1) : n);
            }
            return true;
        });
        this.sheets = List.copyOf(found);
    }

    @Override
    public Format format() {
        return Format.ODS;
    }

    @Override
    public List<String> sheets() {
        return sheets;
    }

    @Override
    public CsvSettings csv() {
        return null;
    }

    @FunctionalInterface
    private interface Step {
        /** Handles the reader's current event; false stops the reading. */
        boolean on(XMLStreamReader r) throws XMLStreamException, SheetFileException;
    }

    private void parse(Step step) throws SheetFileException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        try (InputStream in = zip.open(CONTENT)) {
            XMLStreamReader r = factory.createXMLStreamReader(in);
            try {
                while (r.hasNext()) {
                    r.next();
                    if (!step.on(r)) {
                        return;
                    }
                }
            } finally {
                r.close();
            }
        } catch (XMLStreamException | IOException e) {
            throw zip.refusal(e);
        }
    }

    @Override
    public void read(int sheet, Predicate<SheetRow> handler) throws SheetFileException {
        String sheetName = sheets.get(sheet);
        new Object() {
            int table = -1;
            boolean inTable;
            int rowNumber = 1;
            int rowRepeat;
            List<Cell> cells;
            int column;
            int cellRepeat;
            String type;
            String value;
            StringBuilder text;
            int paragraphs;
            int annotation;

            void run() throws SheetFileException {
                parse(this::on);
            }

            boolean on(XMLStreamReader r) throws SheetFileException {
                int event = r.getEventType();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    return start(r);
                }
                if (event == XMLStreamConstants.END_ELEMENT) {
                    return end(r);
                }
                if ((event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) && text != null
                        && annotation == 0 && paragraphs > 0) {
                    append(r.getText());
                }
                return true;
            }

            boolean start(XMLStreamReader r) throws SheetFileException {
                String ns = r.getNamespaceURI();
                String local = r.getLocalName();
                if (OFFICE.equals(ns) && "annotation".equals(local)) {
                    annotation++;
                } else if (TABLE.equals(ns) && "table".equals(local)) {
                    table++;
                    inTable = table == sheet;
                } else if (inTable && TABLE.equals(ns) && "table-row".equals(local)) {
                    rowRepeat = count(r.getAttributeValue(TABLE, "number-rows-repeated"));
                    cells = new ArrayList<>();
                    column = 0;
                } else if (inTable && cells != null && TABLE.equals(ns)
                        && ("table-cell".equals(local) || "covered-table-cell".equals(local))) {
                    cellRepeat = count(r.getAttributeValue(TABLE, "number-columns-repeated"));
                    type = r.getAttributeValue(OFFICE, "value-type");
                    value = switch (type == null ? "" : type) {
                        case "float", "percentage", "currency" -> r.getAttributeValue(OFFICE, "value");
                        case "date" -> r.getAttributeValue(OFFICE, "date-value");
                        case "boolean" -> r.getAttributeValue(OFFICE, "boolean-value");
                        case "string" -> r.getAttributeValue(OFFICE, "string-value");
                        default -> null;
                    };
                    text = new StringBuilder();
                    paragraphs = 0;
                } else if (text != null && annotation == 0 && TEXT.equals(ns)) {
                    switch (local) {
                        case "p", "h" -> {
                            if (paragraphs++ > 0) {
                                append("\n");
                            }
                        }
                        case "s" -> append(" ".repeat(Math.min(count(r.getAttributeValue(TEXT, "c")), 1000)));
                        case "tab" -> append("\t");
                        case "line-break" -> append("\n");
                        default -> {
                        }
                    }
                }
                return true;
            }

            boolean end(XMLStreamReader r) throws SheetFileException {
                String ns = r.getNamespaceURI();
                String local = r.getLocalName();
                if (OFFICE.equals(ns) && "annotation".equals(local)) {
                    annotation--;
                } else if (TABLE.equals(ns) && "table".equals(local)) {
                    if (inTable) {
                        return false;
                    }
                } else if (inTable && TABLE.equals(ns)
                        && ("table-cell".equals(local) || "covered-table-cell".equals(local)) && text != null) {
                    Cell cell = cell();
                    if (!cell.isEmpty()) {
                        for (int i = 0; i < cellRepeat; i++) {
                            Spreadsheets.checkCell(name, sheetName, rowNumber, column + i, cell.text().length(), limits);
                            while (cells.size() < column + i) {
                                cells.add(Cell.EMPTY);
                            }
                            cells.add(cell);
                        }
                    }
                    column += cellRepeat;
                    text = null;
                } else if (inTable && TABLE.equals(ns) && "table-row".equals(local) && cells != null) {
                    SheetRow first = new SheetRow(rowNumber, cells);
                    if (!first.isEmpty()) {
                        for (int i = 0; i < rowRepeat; i++) {
                            if (!handler.test(i == 0 ? first : new SheetRow(rowNumber + i, cells))) {
                                return false;
                            }
                        }
                    }
                    rowNumber += rowRepeat;
                    cells = null;
                }
                return true;
            }

            void append(String s) throws SheetFileException {
                if (text.length() + s.length() > limits.maxCellChars()) {
                    throw new SheetFileException("sheet.refused.cellTooLong", name, sheetName, rowNumber,
                            SheetRow.columnName(column), limits.maxCellChars());
                }
                text.append(s);
            }

            Cell cell() {
                String shown = text.toString();
                if (value == null) {
                    return Cell.text(shown);
                }
                try {
                    return switch (type) {
                        case "float", "percentage", "currency" -> Cell.number(new BigDecimal(value));
                        case "date" -> Cell.date(value.length() <= 10 ? LocalDate.parse(value).atStartOfDay()
                                : LocalDateTime.parse(value.length() > 19 ? value.substring(0, 19) : value));
                        case "boolean" -> Cell.bool("true".equals(value));
                        default -> Cell.text(value.length() > limits.maxCellChars() ? shown : value);
                    };
                } catch (NumberFormatException | DateTimeParseException e) {
                    return Cell.text(shown); // a value the program wrote wrongly: what it shows
                }
            }

            int count(String attribute) {
                if (attribute == null) {
                    return 1;
                }
                try {
                    return Math.max(1, Integer.parseInt(attribute));
                } catch (NumberFormatException e) {
                    return 1;
                }
            }
        }.run();
    }

    @Override
    public void close() {
        zip.close();
    }
}
