package fr.ancrage.persistence;

import fr.ancrage.domain.imports.SavedMapping;
import org.jooq.DSLContext;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import static fr.ancrage.persistence.jooq.Tables.IMPORT_MAPPING;

/** The mappings of spreadsheet columns saved by name, per kind of import (issue 18). */
public final class ImportMappingRepository {

    private final DSLContext dsl;

    ImportMappingRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public List<SavedMapping> list(String kind) {
        return dsl.selectFrom(IMPORT_MAPPING).where(IMPORT_MAPPING.KIND.eq(kind)).orderBy(IMPORT_MAPPING.NAME)
                .fetch(r -> SavedMapping.decode(r.getName(), r.getColumns()));
    }

    public Optional<SavedMapping> find(String kind, String name) {
        return dsl.selectFrom(IMPORT_MAPPING).where(IMPORT_MAPPING.KIND.eq(kind), IMPORT_MAPPING.NAME.eq(name))
                .fetchOptional(r -> SavedMapping.decode(r.getName(), r.getColumns()));
    }

    /** Saves the mapping under its name, replacing one of that name. */
    public void save(String kind, SavedMapping mapping) {
        OffsetDateTime now = OffsetDateTime.now();
        dsl.mergeInto(IMPORT_MAPPING)
                .using(dsl.selectOne())
                .on(IMPORT_MAPPING.KIND.eq(kind), IMPORT_MAPPING.NAME.eq(mapping.name()))
                .whenMatchedThenUpdate().set(IMPORT_MAPPING.COLUMNS, mapping.encoded()).set(IMPORT_MAPPING.UPDATED_AT, now)
                .whenNotMatchedThenInsert(IMPORT_MAPPING.KIND, IMPORT_MAPPING.NAME, IMPORT_MAPPING.COLUMNS,
                        IMPORT_MAPPING.UPDATED_AT).values(kind, mapping.name(), mapping.encoded(), now)
                .execute();
    }
}
