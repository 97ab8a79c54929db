package fr.ancrage.documents;

import org.odftoolkit.odfdom.doc.OdfTextDocument;
import org.odftoolkit.odfdom.dom.OdfDocumentNamespace;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.Text;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * An OpenDocument text that the team edits in LibreOffice, with placeholders such as
 * {@code {{entreprise.raison_sociale}}} in its text. A placeholder may be split over several runs
 * (LibreOffice cuts text where formatting or spelling marks change); it is found in the paragraph's
 * whole text. A block placeholder ({@code {{engagements}}}) stands alone in its paragraph and is
 * replaced by headings, paragraphs and tables.
 */
public final class OdtTemplate {

    /** {@code {{name}}}, the name in lower case letters, digits, dots and underscores. */
    public static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.]+)\\s*}}");
    private static final String TEXT = OdfDocumentNamespace.TEXT.getUri();

    /** A placeholder found in the template, with the paragraph it is in (to say where). */
    public record Found(String name, String paragraph) {
    }

    /** The most a template may hold once inflated, all parts together. */
    public static final long MAX_TOTAL = 50L << 20;
    /** The most one XML part (content.xml…) may hold once inflated: the toolkit keeps it as a DOM. */
    public static final long MAX_XML_PART = 10L << 20;
    /** A part larger than 1 MB may not inflate more than this many times its compressed size. */
    public static final int MAX_RATIO = 100;
    /** The most parts a template may have. */
    public static final int MAX_PARTS = 1000;
    private static final long RATIO_FROM = 1L << 20;

    /**
     * Why a template was refused before ODF Toolkit read it: a team's template is a file from outside,
     * read with bounded sizes and no DTD (issue 16: a DOCTYPE ended in a NullPointerException, a
     * content.xml inflating to 1 GB in an OutOfMemoryError). {@code part} is the part of the zip at
     * fault (null: the whole file), {@code limit} the limit passed (bytes, ratio or count).
     */
    public static final class Refused extends IOException {

        public enum Reason {
            /** not a zip, or not an OpenDocument text */
            NOT_ODT,
            /** more than {@link #MAX_PARTS} parts */
            TOO_MANY_PARTS,
            /** a part, or all of them, larger than allowed once inflated */
            TOO_LARGE,
            /** a part that inflates far more than a document does (a « zip bomb ») */
            TOO_COMPRESSED,
            /** an XML part with a document type declaration (DTD) */
            DOCTYPE,
            /** an XML part that is not well-formed */
            NOT_XML
        }

        private final Reason reason;
        private final String part;
        private final long limit;
        private final String detail;

        Refused(Reason reason, String part, long limit, String detail) {
            super(reason + (part == null ? "" : " " + part) + (limit > 0 ? " (limit " + limit + ")" : "")
                    + (detail == null ? "" : ": " + detail));
            this.reason = reason;
            this.part = part;
            this.limit = limit;
            this.detail = detail == null ? "" : detail;
        }

        public Reason reason() {
            return reason;
        }

        /** The part of the zip at fault, such as {@code content.xml}; null for the whole file. */
        public String part() {
            return part;
        }

        public long limit() {
            return limit;
        }

        public String detail() {
            return detail;
        }
    }

    /** The template as checked and written again: only parts that were read and parsed. */
    private final byte[] source;

    private OdtTemplate(byte[] source) {
        this.source = source;
    }

    /**
     * Reads a template: its parts inflated with bounded sizes ({@link #MAX_TOTAL}, {@link #MAX_XML_PART},
     * {@link #MAX_RATIO}, {@link #MAX_PARTS}), every XML part parsed without DTD, then the parts written
     * into a new zip that is all ODF Toolkit ever sees, and loaded once. A file refused is a
     * {@link Refused}; one the toolkit cannot read an {@link IOException}.
     */
    public static OdtTemplate of(byte[] odt) throws IOException {
        byte[] checked = checked(odt);
        try (OdfTextDocument loaded = OdfTextDocument.loadDocument(new ByteArrayInputStream(checked))) {
            if (loaded.getContentRoot() == null) {
                throw new Refused(Refused.Reason.NOT_ODT, "content.xml", 0, "no text body");
            }
            return new OdtTemplate(checked);
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    /** The parts of the zip, checked, as a new zip ({@code mimetype} first and stored). */
    private static byte[] checked(byte[] odt) throws IOException {
        Map<String, byte[]> parts = new java.util.LinkedHashMap<>();
        long total = 0;
        Counting counting = new Counting(new ByteArrayInputStream(odt));
        try (ZipInputStream zip = new ZipInputStream(counting)) {
            byte[] buffer = new byte[8192];
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                String name = e.getName();
                if (parts.size() >= MAX_PARTS) {
                    throw new Refused(Refused.Reason.TOO_MANY_PARTS, null, MAX_PARTS, null);
                }
                if (parts.containsKey(name)) {
                    throw new Refused(Refused.Reason.NOT_ODT, name, 0, "the part is in the file twice");
                }
                long limit = XmlCheck.isXml(name) ? MAX_XML_PART : MAX_TOTAL;
                long compressedFrom = counting.count;
                ByteArrayOutputStream content = new ByteArrayOutputStream();
                long size = 0;
                for (int n = zip.read(buffer); n >= 0; n = zip.read(buffer)) {
                    size += n;
                    total += n;
                    if (size > limit) {
                        throw new Refused(Refused.Reason.TOO_LARGE, name, limit, null);
                    }
                    if (total > MAX_TOTAL) {
                        throw new Refused(Refused.Reason.TOO_LARGE, null, MAX_TOTAL, null);
                    }
                    // the compressed bytes read so far, to within the stream's buffer
                    if (size > RATIO_FROM && size > MAX_RATIO * Math.max(1, counting.count - compressedFrom)) {
                        throw new Refused(Refused.Reason.TOO_COMPRESSED, name, MAX_RATIO, null);
                    }
                    content.write(buffer, 0, n);
                }
                parts.put(name, content.toByteArray());
            }
        } catch (java.util.zip.ZipException | IllegalArgumentException e) {
            throw new Refused(Refused.Reason.NOT_ODT, null, 0, String.valueOf(e.getMessage()));
        }
        byte[] mimetype = parts.get("mimetype");
        if (!parts.containsKey("content.xml") || mimetype != null
                && !new String(mimetype, java.nio.charset.StandardCharsets.US_ASCII).strip()
                .startsWith("application/vnd.oasis.opendocument.text")) {
            throw new Refused(Refused.Reason.NOT_ODT, null, 0, parts.isEmpty() ? "not a zip"
                    : "not an OpenDocument text");
        }
        for (var part : parts.entrySet()) {
            if (XmlCheck.isXml(part.getKey())) {
                try {
                    XmlCheck.parse(new ByteArrayInputStream(part.getValue()));
                } catch (XmlCheck.NotXml e) {
                    throw new Refused(e.doctype() ? Refused.Reason.DOCTYPE : Refused.Reason.NOT_XML, part.getKey(), 0,
                            e.getMessage());
                }
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(odt.length + 1024);
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            if (mimetype != null) {
                put(zip, "mimetype", mimetype, true);
            }
            for (var part : parts.entrySet()) {
                if (!part.getKey().equals("mimetype")) {
                    put(zip, part.getKey(), part.getValue(), false);
                }
            }
        }
        return out.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, byte[] content, boolean stored) throws IOException {
        Zips.put(zip, new ZipEntry(name), content, stored);
    }

    /** Counts the bytes read from the zip, to compare a part's inflated size with its compressed one. */
    private static final class Counting extends java.io.FilterInputStream {
        long count;

        Counting(java.io.InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }

    /** Every placeholder of the template, in reading order. */
    public List<Found> placeholders() throws IOException {
        List<Found> found = new ArrayList<>();
        withDocument(odt -> {
            List<Element> all = new ArrayList<>(paragraphs(odt.getContentRoot()));
            all.addAll(paragraphs(odt.getStylesDom().getDocumentElement()));
            for (Element p : all) {
                String text = text(p);
                Matcher m = PLACEHOLDER.matcher(text);
                while (m.find()) {
                    found.add(new Found(m.group(1), excerpt(text)));
                }
            }
            return null;
        });
        return found;
    }

    /** The paragraphs that hold something else besides a block placeholder (the block cannot go there). */
    public List<Found> blocksNotAlone(java.util.Set<String> blockNames) throws IOException {
        List<Found> wrong = new ArrayList<>();
        withDocument(odt -> {
            List<Element> all = new ArrayList<>(paragraphs(odt.getContentRoot()));
            all.addAll(paragraphs(odt.getStylesDom().getDocumentElement()));
            for (Element p : all) {
                String text = text(p);
                Matcher m = PLACEHOLDER.matcher(text);
                while (m.find()) {
                    if (blockNames.contains(m.group(1)) && !text.strip().equals(m.group())) {
                        wrong.add(new Found(m.group(1), excerpt(text)));
                    }
                }
            }
            return null;
        });
        return wrong;
    }

    /**
     * The filled document: each placeholder replaced by its value, each block placeholder's
     * paragraph by its blocks; the caller has checked that every placeholder has a value.
     */
    public Filled fill(Map<String, String> values, Map<String, List<Doc.Block>> blocks, String title,
                       OffsetDateTime created, String generator) throws IOException {
        return fill(values, blocks, title, created, generator, null);
    }

    /**
     * As {@link #fill(Map, Map, String, OffsetDateTime, String)}, the team's letterhead (null: none)
     * at the top of the first page, as the other documents have it.
     */
    public Filled fill(Map<String, String> values, Map<String, List<Doc.Block>> blocks, String title,
                       OffsetDateTime created, String generator, Doc.Letterhead letterhead) throws IOException {
        return withDocument(odt -> {
            Element body = odt.getContentRoot();
            OdtOutput blockWriter = OdtOutput.into(odt);
            if (letterhead != null) {
                Node first = body.getFirstChild();
                while (first != null && !(first instanceof Element e && ("p".equals(e.getLocalName())
                        || "h".equals(e.getLocalName()) || "table".equals(e.getLocalName())))) {
                    first = first.getNextSibling();
                }
                if (first != null) {
                    blockWriter.insertBefore(first, List.of(letterhead));
                }
            }
            for (Element p : paragraphs(body)) {
                String whole = text(p).strip();
                Matcher alone = PLACEHOLDER.matcher(whole);
                if (alone.matches() && blocks.containsKey(alone.group(1))) {
                    blockWriter.insertBefore(p, blocks.get(alone.group(1)));
                    p.getParentNode().removeChild(p);
                    continue;
                }
                replace(p, values);
            }
            // headers and footers too (« Convention 25-2024-003 — paraphes »): fields only, no block
            for (Element p : paragraphs(odt.getStylesDom().getDocumentElement())) {
                replace(p, values);
            }
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            odt.save(raw);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Zips.reproducible(raw.toByteArray(), created, Map.of("meta.xml",
                    ignored -> Odf.metaXml(title, letterhead == null || letterhead.authority().isEmpty() ? "Ancrage"
                    : letterhead.authority(), created, generator)), out);
            return new Filled(out.toByteArray());
        });
    }

    /** A filled template: its bytes, and its text as a {@link Doc} for the PDF. */
    public static final class Filled {
        private final byte[] odt;

        Filled(byte[] odt) {
            this.odt = odt;
        }

        public void writeTo(OutputStream out) throws IOException {
            out.write(odt);
        }

        public byte[] bytes() {
            return odt.clone();
        }

        /**
         * The filled text as headings, paragraphs and tables, for the PDF writer: the first
         * « Title » paragraph is the title, a « Subtitle » the subtitle; lists become bulleted
         * paragraphs. The template's own fonts and spacing are LibreOffice's business.
         */
        public Doc toDoc(String footer, OffsetDateTime created) throws IOException {
            // read back as strictly as a team's template: an invalid part fails here, loudly, where
            // the toolkit would have kept what came before it (issue 16: a PDF cut at an emoji)
            return OdtTemplate.of(odt).withDocument(doc -> {
                List<Doc.Block> blocks = new ArrayList<>();
                String[] titles = {null, ""};
                readBlocks(doc.getContentRoot(), blocks, titles);
                return new Doc(titles[0] == null ? "" : titles[0], titles[1], footer, created, blocks);
            });
        }
    }

    // ---- reading and replacing --------------------------------------------------------------------

    @FunctionalInterface
    private interface Work<T> {
        T on(OdfTextDocument odt) throws Exception;
    }

    private <T> T withDocument(Work<T> work) throws IOException {
        try (OdfTextDocument odt = OdfTextDocument.loadDocument(new ByteArrayInputStream(source))) {
            return work.on(odt);
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            // the toolkit's own failures too: a template it cannot handle is said so, not a crash
            throw new IOException(e);
        }
    }

    /** The paragraphs and headings under {@code root}, in order, tables and lists included. */
    private static List<Element> paragraphs(Node root) {
        List<Element> found = new ArrayList<>();
        collect(root, found);
        return found;
    }

    private static void collect(Node node, List<Element> found) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e && TEXT.equals(e.getNamespaceURI())
                    && ("p".equals(e.getLocalName()) || "h".equals(e.getLocalName()))) {
                found.add(e);
            } else if (child instanceof Element) {
                collect(child, found);
            }
        }
    }

    static String text(Element paragraph) {
        StringBuilder sb = new StringBuilder();
        for (Text t : texts(paragraph)) {
            sb.append(t.getData());
        }
        return sb.toString();
    }

    private static List<Text> texts(Node node) {
        List<Text> texts = new ArrayList<>();
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Text t) {
                texts.add(t);
            } else if (child instanceof Element e && !"note".equals(e.getLocalName())) {
                texts.addAll(texts(e));
            }
        }
        return texts;
    }

    /** Replaces the placeholders of one paragraph, merging those cut over several runs into the first. */
    private static void replace(Element paragraph, Map<String, String> values) {
        List<Text> runs = texts(paragraph);
        StringBuilder whole = new StringBuilder();
        int[] starts = new int[runs.size()];
        for (int i = 0; i < runs.size(); i++) {
            starts[i] = whole.length();
            whole.append(runs.get(i).getData());
        }
        List<int[]> matches = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(whole);
        while (m.find()) {
            if (values.containsKey(m.group(1))) {
                matches.add(new int[] {m.start(), m.end()});
                names.add(m.group(1));
            }
        }
        for (int k = matches.size() - 1; k >= 0; k--) {
            int start = matches.get(k)[0];
            int end = matches.get(k)[1];
            int a = run(starts, start);
            int b = run(starts, end - 1);
            Text first = runs.get(a);
            String before = first.getData().substring(0, start - starts[a]);
            String value = SafeText.clean(values.get(names.get(k)));
            if (a == b) {
                String after = first.getData().substring(end - starts[a]);
                first.setData(before + value + after);
            } else {
                first.setData(before + value);
                for (int i = a + 1; i < b; i++) {
                    runs.get(i).setData("");
                }
                Text last = runs.get(b);
                last.setData(last.getData().substring(end - starts[b]));
            }
        }
    }

    private static int run(int[] starts, int offset) {
        int i = starts.length - 1;
        while (i > 0 && starts[i] > offset) {
            i--;
        }
        return i;
    }

    private static String excerpt(String text) {
        String t = text.strip().replaceAll("\\s+", " ");
        return t.length() > 70 ? t.substring(0, 67) + "…" : t;
    }

    private static void readBlocks(Node root, List<Doc.Block> blocks, String[] titles) {
        for (Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (!(child instanceof Element e)) {
                continue;
            }
            String name = e.getLocalName();
            if (TEXT.equals(e.getNamespaceURI()) && "h".equals(name)) {
                String level = e.getAttributeNS(TEXT, "outline-level");
                String text = text(e).strip();
                if (!text.isEmpty()) {
                    blocks.add(new Doc.Heading("1".equals(level) || level.isEmpty() ? 1 : 2, text));
                }
            } else if (TEXT.equals(e.getNamespaceURI()) && "p".equals(name)) {
                String style = e.getAttributeNS(TEXT, "style-name");
                String text = paragraphText(e);
                if (text.isBlank()) {
                    continue;
                }
                if (titles[0] == null && "Title".equals(style)) {
                    titles[0] = text.strip();
                } else if ("Subtitle".equals(style) && blocks.isEmpty()) {
                    titles[1] = text.strip();
                } else {
                    blocks.add(new Doc.Paragraph(text.strip(), "P-strong".equals(style) ? Doc.Emphasis.STRONG
                            : "P-note".equals(style) ? Doc.Emphasis.NOTE : Doc.Emphasis.NORMAL));
                }
            } else if (TEXT.equals(e.getNamespaceURI()) && "list".equals(name)) {
                for (Element p : paragraphs(e)) {
                    String text = paragraphText(p).strip();
                    if (!text.isEmpty()) {
                        blocks.add(new Doc.Paragraph("•  " + text));
                    }
                }
            } else if ("table".equals(name) && OdfDocumentNamespace.TABLE.getUri().equals(e.getNamespaceURI())) {
                table(e, blocks);
            } else if ("section".equals(name) || "soft-page-break".equals(name)) {
                readBlocks(e, blocks, titles);
            }
        }
    }

    /** A signature block read back: each cell's paragraphs are « Pour … », the name and the title. */
    private static Doc.Signatures signatures(Element table) {
        List<Doc.Signature> signatures = new ArrayList<>();
        var cells = table.getElementsByTagNameNS(OdfDocumentNamespace.TABLE.getUri(), "table-cell");
        for (int i = 0; i < cells.getLength(); i++) {
            List<String> lines = paragraphs(cells.item(i)).stream().map(p -> paragraphText(p).strip()).toList();
            if (lines.stream().allMatch(String::isEmpty)) {
                continue;
            }
            signatures.add(new Doc.Signature(lines.get(0), lines.size() > 1 ? lines.get(1) : "",
                    lines.size() > 2 ? String.join(" ", lines.subList(2, lines.size())) : ""));
        }
        return new Doc.Signatures(signatures);
    }

    /** A paragraph's text with its line breaks kept. */
    private static String paragraphText(Element p) {
        StringBuilder sb = new StringBuilder();
        appendText(p, sb);
        return sb.toString();
    }

    private static void appendText(Node node, StringBuilder sb) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Text t) {
                sb.append(t.getData());
            } else if (child instanceof Element e) {
                switch (e.getLocalName()) {
                    case "line-break" -> sb.append('\n');
                    case "tab" -> sb.append("    ");
                    case "s" -> sb.append(' ');
                    case "note" -> {
                    }
                    default -> appendText(e, sb);
                }
            }
        }
    }

    private static void table(Element table, List<Doc.Block> blocks) {
        String ns = OdfDocumentNamespace.TABLE.getUri();
        if (table.getAttributeNS(ns, "name").startsWith(OdtOutput.LETTERHEAD)) {
            return;
        }
        if (table.getAttributeNS(ns, "name").startsWith(OdtOutput.SIGNATURES)) {
            blocks.add(signatures(table));
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        var rowNodes = table.getElementsByTagNameNS(ns, "table-row");
        for (int r = 0; r < rowNodes.getLength(); r++) {
            Element row = (Element) rowNodes.item(r);
            List<String> cells = new ArrayList<>();
            for (Node c = row.getFirstChild(); c != null; c = c.getNextSibling()) {
                if (c instanceof Element cell && "table-cell".equals(cell.getLocalName())) {
                    StringBuilder sb = new StringBuilder();
                    for (Element p : paragraphs(cell)) {
                        if (!sb.isEmpty()) {
                            sb.append('\n');
                        }
                        // blank lines kept: they are the room left to sign in a signature block
                        sb.append(paragraphText(p).replaceAll("(?m)^[ \t]+|[ \t]+$", ""));
                    }
                    cells.add(sb.toString());
                }
            }
            rows.add(cells);
        }
        int width = rows.stream().mapToInt(List::size).max().orElse(0);
        if (width == 0 || rows.isEmpty()) {
            return;
        }
        List<Doc.Column> columns = new ArrayList<>();
        boolean header = table.getElementsByTagNameNS(ns, "table-header-rows").getLength() > 0;
        List<String> headerRow = header ? rows.removeFirst() : null;
        for (int c = 0; c < width; c++) {
            columns.add(Doc.Column.text(headerRow != null && c < headerRow.size() ? headerRow.get(c) : "", 1));
        }
        List<List<String>> padded = rows.stream().map(r -> {
            List<String> copy = new ArrayList<>(r);
            while (copy.size() < width) {
                copy.add("");
            }
            return copy;
        }).toList();
        blocks.add(new Doc.Table(columns, padded, false));
    }
}
