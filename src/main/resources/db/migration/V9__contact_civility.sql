-- The civilité of a contact (issue 16): « Madame » or « Monsieur », as the convention to sign
-- addresses its signatories. Nullable: the contacts entered before were given none, and nothing is
-- guessed from their first names.

alter table contact add column civility varchar(10);
alter table contact add constraint ck_contact_civility check (civility in ('MADAME', 'MONSIEUR'));
