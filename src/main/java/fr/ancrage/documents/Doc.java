package fr.ancrage.documents;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * A document as the summaries describe it, before any format: a title, its metadata and a flow of
 * blocks. The PDF and OpenDocument writers lay the same blocks out, so both formats say the same.
 *
 * @param title    the document's title (first line of the first page, and its metadata title)
 * @param subtitle a line under the title, may be empty
 * @param footer   the text at the foot of every page (beside the page number), may be empty
 * @param created  the creation time written in the metadata (a package passes its own, so that it
 *                 is reproducible)
 * @param letterhead the issuing authority's block at the top of the first page, or null for none
 */
public record Doc(String title, String subtitle, String footer, OffsetDateTime created, List<Block> blocks,
                  Letterhead letterhead, Initials initials) {

    public Doc {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(created, "created");
        subtitle = subtitle == null ? "" : subtitle;
        footer = footer == null ? "" : footer;
        blocks = List.copyOf(blocks);
    }

    /** A document without letterhead. */
    public Doc(String title, String subtitle, String footer, OffsetDateTime created, List<Block> blocks) {
        this(title, subtitle, footer, created, blocks, null, null);
    }

    /** The same document under the given letterhead (null: none). */
    public Doc withLetterhead(Letterhead head) {
        return new Doc(title, subtitle, footer, created, blocks, head, initials);
    }

    /**
     * The same document with room at the foot of every page for each party's initials, as a
     * convention to sign has (null: none).
     */
    public Doc withInitials(Initials room) {
        return new Doc(title, subtitle, footer, created, blocks, letterhead, room);
    }

    /** Boxes at the foot of every page, one for each party's initials, after their label (« Paraphes »). */
    public record Initials(int count, String label) {
        public Initials {
            count = Math.clamp(count, 1, 8);
            label = label == null ? "" : label;
        }
    }

    /** Who the metadata names as the document's author: the issuing authority, else Ancrage. */
    public String author() {
        return letterhead == null || letterhead.authority().isEmpty() ? "Ancrage" : letterhead.authority();
    }

    /**
     * The block at the top of the first page: on the left the logo (a PNG, may be null) with its
     * alternative text, the authority (« Préfet du Doubs ») and the lines under it (service,
     * address); on the right the lines saying who follows the matter and how to reach them.
     */
    public record Letterhead(String authority, List<String> identity, List<String> contact, byte[] logoPng,
                             String logoDescription) implements Block {
        public Letterhead {
            authority = authority == null ? "" : authority;
            identity = List.copyOf(identity);
            contact = List.copyOf(contact);
            logoPng = logoPng == null || logoPng.length == 0 ? null : logoPng.clone();
            logoDescription = logoDescription == null || logoDescription.isBlank() ? authority : logoDescription;
        }

        @Override
        public byte[] logoPng() {
            return logoPng == null ? null : logoPng.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Letterhead l && authority.equals(l.authority) && identity.equals(l.identity)
                    && contact.equals(l.contact) && java.util.Arrays.equals(logoPng, l.logoPng)
                    && logoDescription.equals(l.logoDescription);
        }

        @Override
        public int hashCode() {
            return Objects.hash(authority, identity, contact, java.util.Arrays.hashCode(logoPng), logoDescription);
        }

        @Override
        public String toString() {
            return "Letterhead[" + authority + "]";
        }
    }

    /** One piece of the document's flow. */
    public sealed interface Block permits Heading, Paragraph, Facts, Table, BarChart, PageBreak, Letterhead, Signatures {
    }

    /** A section title; level 1 or 2. */
    public record Heading(int level, String text) implements Block {
        public Heading {
            if (level < 1 || level > 2) {
                throw new IllegalArgumentException("level " + level);
            }
        }
    }

    public enum Emphasis { NORMAL, STRONG, NOTE }

    public record Paragraph(String text, Emphasis emphasis) implements Block {
        public Paragraph(String text) {
            this(text, Emphasis.NORMAL);
        }
    }

    /** Label and value pairs shown as two columns (parties, dates, status). */
    public record Facts(List<Fact> facts) implements Block {
        public Facts {
            facts = List.copyOf(facts);
        }
    }

    public record Fact(String label, String value) {
    }

    public enum Align { LEFT, RIGHT }

    /**
     * A column of a table: its header, its share of the width and the side its cells lean to
     * (numbers to the right).
     */
    public record Column(String header, double weight, Align align) {
        public static Column text(String header, double weight) {
            return new Column(header, weight, Align.LEFT);
        }

        public static Column number(String header, double weight) {
            return new Column(header, weight, Align.RIGHT);
        }
    }

    /**
     * A table of already formatted cells. When {@code totalRow} is true the last row is a total and
     * is set in bold.
     */
    public record Table(List<Column> columns, List<List<String>> rows, boolean totalRow) implements Block {
        /** A table whose columns have no header (a signature block) is drawn without a header row. */
        public boolean hasHeader() {
            return columns.stream().anyMatch(c -> !c.header().isEmpty());
        }

        public Table {
            columns = List.copyOf(columns);
            int width = columns.size();
            rows = rows.stream().map(r -> {
                if (r.size() != width) {
                    throw new IllegalArgumentException("row of " + r.size() + " cells for " + width + " columns");
                }
                return List.copyOf(r.stream().map(c -> c == null ? "" : c).toList());
            }).toList();
        }
    }

    /**
     * Grouped horizontal bars, one group per category and one bar per series (targets against
     * realised values). The PDF draws it; the OpenDocument text shows its figures as a table.
     */
    public record BarChart(String title, List<String> categories, List<Series> series)
            implements Block {
        public BarChart {
            categories = List.copyOf(categories);
            series = List.copyOf(series);
            for (Series s : series) {
                if (s.values().size() != categories.size() || s.labels().size() != categories.size()) {
                    throw new IllegalArgumentException("series " + s.name() + " has " + s.values().size() + " values and "
                            + s.labels().size() + " labels for " + categories.size() + " categories");
                }
            }
        }
    }

    /**
     * One series of a chart; {@code color} is an RGB value such as 0x1F5F99; {@code labels} are the
     * values as the document shows them, formatted by whoever built the chart (the writers format
     * no number: decision 0010).
     */
    public record Series(String name, int color, List<Double> values, List<String> labels) {
        public Series {
            values = List.copyOf(values);
            labels = List.copyOf(labels);
            if (labels.size() != values.size()) {
                throw new IllegalArgumentException("series " + name + " has " + values.size() + " values and "
                        + labels.size() + " labels");
            }
        }
    }

    public record PageBreak() implements Block {
    }

    /**
     * The signature blocks of a document to sign, in signing order, two a row: for each signatory
     * « Pour … », the name and the title, over a space for a signature and a stamp. A row is never
     * split across pages: a block and its names stay together.
     */
    public record Signatures(List<Signature> signatures) implements Block {
        public Signatures {
            signatures = List.copyOf(signatures);
        }
    }

    /** One signatory's block: for whom, the name, the title. */
    public record Signature(String forWhom, String name, String title) {
        public Signature {
            forWhom = forWhom == null ? "" : forWhom;
            name = name == null ? "" : name;
            title = title == null ? "" : title;
        }
    }
}
