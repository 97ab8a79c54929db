package fr.ancrage.service.documents;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import fr.ancrage.domain.ActionType;
import fr.ancrage.domain.CampaignReport;
import fr.ancrage.domain.Contact;
import fr.ancrage.domain.Convention;
import fr.ancrage.domain.Counterpart;
import fr.ancrage.domain.Engagement;
import fr.ancrage.domain.EngagementCategory;
import fr.ancrage.domain.Indicator;
import fr.ancrage.domain.Organisation;
import fr.ancrage.domain.Qpv;
import fr.ancrage.domain.RealisedValue;
import fr.ancrage.domain.RecordMeta;
import fr.ancrage.domain.ReportingCampaign;
import fr.ancrage.domain.Signatory;
import fr.ancrage.domain.Target;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The records of a package as JSON, one array per kind of record, complete enough for another
 * Ancrage base to rebuild them: each record carries its UUID, version and creation and update
 * times. Field names and values are documented in {@code docs/package-format.md}; the order is
 * fixed (records by id, fields as written here), so the same records give the same bytes.
 */
final class RecordsJson {

    /** Everything a package holds as data. */
    record Records(List<EngagementCategory> categories, List<ActionType> actionTypes, List<Indicator> indicators,
                   List<Qpv> qpvs, List<Organisation> organisations, List<Contact> contacts,
                   List<Convention> conventions, List<Engagement> engagements, List<RealisedValue> results,
                   List<Counterpart> counterparts, ReportingCampaign campaign, List<CampaignReport> reports) {
    }

    @FunctionalInterface
    private interface RecordWriter<T> {
        void write(JsonGenerator g, T record) throws IOException;
    }

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private RecordsJson() {
    }

    static byte[] catalogue(Records r) {
        return bytes(g -> {
            g.writeStartObject();
            g.writeFieldName("categories");
            array(g, r.categories(), (j, c) -> {
                meta(j, c.meta());
                j.writeStringField("code", c.code());
                j.writeStringField("name", c.name());
                j.writeNumberField("position", c.position());
                j.writeBooleanField("active", c.active());
            });
            g.writeFieldName("actionTypes");
            array(g, r.actionTypes(), (j, t) -> {
                meta(j, t.meta());
                j.writeStringField("categoryId", t.categoryId().toString());
                j.writeStringField("code", t.code());
                j.writeStringField("name", t.name());
                nullable(j, "paqteAxis", t.axis() == null ? null : t.axis().name());
                j.writeNumberField("position", t.position());
                j.writeBooleanField("active", t.active());
                ids(j, "indicatorIds", t.indicatorIds());
            });
            g.writeFieldName("indicators");
            array(g, r.indicators(), (j, i) -> {
                meta(j, i.meta());
                nullable(j, "categoryId", i.categoryId());
                j.writeStringField("code", i.code());
                j.writeStringField("name", i.name());
                j.writeStringField("unit", i.unit().name());
                j.writeBooleanField("summable", i.summable());
                j.writeNumberField("position", i.position());
                j.writeBooleanField("active", i.active());
            });
            g.writeEndObject();
        });
    }

    static byte[] qpvs(Records r) {
        return bytes(g -> array(g, r.qpvs(), (j, q) -> {
            meta(j, q.meta());
            j.writeStringField("code", q.code());
            j.writeStringField("name", q.name());
            j.writeStringField("geography", q.geographyVersion().name());
            j.writeStringField("departmentCode", q.departmentCode());
            j.writeStringField("epciSiren", q.epciSiren());
            j.writeArrayFieldStart("communeCodes");
            for (String c : q.communeCodes()) {
                j.writeString(c);
            }
            j.writeEndArray();
        }));
    }

    static byte[] organisations(Records r) {
        return bytes(g -> array(g, r.organisations(), (j, o) -> {
            meta(j, o.meta());
            j.writeStringField("kind", o.kind().name());
            j.writeStringField("legalName", o.legalName());
            j.writeStringField("siren", o.siren());
            j.writeStringField("siret", o.siret());
            j.writeStringField("nafCode", o.nafCode());
            nullable(j, "sizeBand", o.sizeBand() == null ? null : o.sizeBand().name());
            j.writeStringField("addressLine", o.addressLine());
            j.writeStringField("postcode", o.postcode());
            j.writeStringField("communeCode", o.communeCode());
            j.writeBooleanField("inQpv", o.inQpv());
            j.writeBooleanField("paqteMember", o.paqteMember());
            j.writeArrayFieldStart("networks");
            for (String n : o.networks().stream().sorted().toList()) {
                j.writeString(n);
            }
            j.writeEndArray();
            j.writeStringField("notes", o.notes());
        }));
    }

    static byte[] contacts(Records r) {
        return bytes(g -> array(g, r.contacts(), (j, c) -> {
            meta(j, c.meta());
            j.writeStringField("organisationId", c.organisationId().toString());
            nullable(j, "civility", c.civility() == null ? null : c.civility().name());
            j.writeStringField("firstName", c.firstName());
            j.writeStringField("lastName", c.lastName());
            j.writeStringField("jobTitle", c.jobTitle());
            j.writeStringField("email", c.email());
            j.writeStringField("phone", c.phone());
            j.writeBooleanField("maySign", c.maySign());
        }));
    }

    static byte[] conventions(Records r) {
        return bytes(g -> array(g, r.conventions(), (j, c) -> {
            meta(j, c.meta());
            j.writeStringField("reference", c.reference());
            j.writeStringField("title", c.title());
            nullable(j, "companyId", c.companyId());
            j.writeStringField("framework", c.framework().name());
            j.writeStringField("departmentCode", c.departmentCode());
            j.writeStringField("epciSiren", c.epciSiren());
            j.writeStringField("stateReferent", c.stateReferent());
            j.writeStringField("status", c.status().name());
            date(j, "signatureDate", c.signatureDate());
            date(j, "startDate", c.startDate());
            date(j, "endDate", c.endDate());
            ids(j, "qpvIds", c.qpvIds());
            j.writeArrayFieldStart("signatories");
            for (Signatory s : c.signatories()) {
                j.writeStartObject();
                meta(j, s.meta());
                j.writeNumberField("position", s.position());
                j.writeStringField("role", s.role().name());
                j.writeStringField("fullName", s.fullName());
                j.writeStringField("jobTitle", s.jobTitle());
                nullable(j, "organisationId", s.organisationId());
                nullable(j, "contactId", s.contactId());
                j.writeEndObject();
            }
            j.writeEndArray();
            j.writeStringField("notes", c.notes());
        }));
    }

    static byte[] engagements(Records r) {
        return bytes(g -> array(g, r.engagements(), (j, e) -> {
            meta(j, e.meta());
            j.writeStringField("conventionId", e.conventionId().toString());
            j.writeStringField("actionTypeId", e.actionTypeId().toString());
            j.writeStringField("description", e.description());
            ids(j, "qpvIds", e.qpvIds());
            nullable(j, "partnerId", e.partnerId());
            j.writeNumberField("firstYear", e.firstYear());
            j.writeNumberField("lastYear", e.lastYear());
            j.writeStringField("status", e.status().name());
            j.writeArrayFieldStart("targets");
            for (Target t : e.targets().stream().sorted(java.util.Comparator.comparing(Target::year)
                    .thenComparing(t -> t.indicatorId().toString())).toList()) {
                j.writeStartObject();
                j.writeStringField("indicatorId", t.indicatorId().toString());
                j.writeNumberField("year", t.year());
                decimal(j, "value", t.value());
                j.writeEndObject();
            }
            j.writeEndArray();
        }));
    }

    static byte[] results(Records r) {
        return bytes(g -> array(g, r.results(), (j, v) -> {
            meta(j, v.meta());
            j.writeStringField("engagementId", v.engagementId().toString());
            j.writeStringField("indicatorId", v.indicatorId().toString());
            j.writeNumberField("year", v.year());
            decimal(j, "value", v.value());
            j.writeStringField("source", v.source().name());
            date(j, "receivedOn", v.receivedOn());
            j.writeStringField("comment", v.comment());
        }));
    }

    static byte[] counterparts(Records r) {
        return bytes(g -> array(g, r.counterparts(), (j, c) -> {
            meta(j, c.meta());
            j.writeStringField("conventionId", c.conventionId().toString());
            nullable(j, "partnerId", c.partnerId());
            nullable(j, "engagementId", c.engagementId());
            j.writeStringField("description", c.description());
        }));
    }

    static byte[] campaign(Records r) {
        return bytes(g -> {
            g.writeStartObject();
            g.writeFieldName("campaign");
            if (r.campaign() == null) {
                g.writeNull();
            } else {
                g.writeStartObject();
                meta(g, r.campaign().meta());
                g.writeNumberField("year", r.campaign().year());
                date(g, "dueDate", r.campaign().dueDate());
                g.writeEndObject();
            }
            g.writeFieldName("reports");
            array(g, r.reports(), (j, c) -> {
                meta(j, c.meta());
                j.writeStringField("campaignId", c.campaignId().toString());
                j.writeStringField("conventionId", c.conventionId().toString());
                j.writeStringField("state", c.state().name());
                date(j, "requestedOn", c.requestedOn());
                date(j, "lastReminderOn", c.lastReminderOn());
                date(j, "receivedOn", c.receivedOn());
                date(j, "validatedOn", c.validatedOn());
            });
            g.writeEndObject();
        });
    }

    // ---- helpers ----------------------------------------------------------------------------------

    @FunctionalInterface
    interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    static byte[] bytes(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            body.write(g);
            g.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static <T> void array(JsonGenerator g, Collection<T> records, RecordWriter<T> writer) throws IOException {
        g.writeStartArray();
        for (T record : records) {
            g.writeStartObject();
            writer.write(g, record);
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void meta(JsonGenerator g, RecordMeta meta) throws IOException {
        g.writeStringField("id", meta.id().toString());
        g.writeNumberField("version", meta.version());
        g.writeStringField("createdAt", meta.createdAt().toString());
        g.writeStringField("updatedAt", meta.updatedAt().toString());
    }

    private static void nullable(JsonGenerator g, String name, Object value) throws IOException {
        if (value == null) {
            g.writeNullField(name);
        } else {
            g.writeStringField(name, value.toString());
        }
    }

    private static void date(JsonGenerator g, String name, LocalDate date) throws IOException {
        nullable(g, name, date);
    }

    private static void decimal(JsonGenerator g, String name, BigDecimal value) throws IOException {
        g.writeFieldName(name);
        g.writeNumber(value.stripTrailingZeros().toPlainString());
    }

    private static void ids(JsonGenerator g, String name, Collection<UUID> ids) throws IOException {
        g.writeArrayFieldStart(name);
        for (UUID id : ids.stream().sorted().toList()) {
            g.writeString(id.toString());
        }
        g.writeEndArray();
    }
}
