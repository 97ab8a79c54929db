package fr.ancrage.domain.imports;

import fr.ancrage.domain.Text;

import java.util.List;
import java.util.Set;

/**
 * A field a column of a team's spreadsheet can fill, with the headers teams usually give it
 * (compared without case, accents nor punctuation: « N° SIRET » is « n siret »). Issue 18.
 */
public enum ImportField {
    LEGAL_NAME("raison sociale", "nom de l entreprise", "nom entreprise", "nom de la structure", "denomination",
            "denomination sociale", "entreprise", "societe", "structure", "organisation", "nom"),
    KIND("type de structure", "type d organisation", "categorie", "nature", "type"),
    SIRET("siret", "n siret", "no siret", "numero siret", "num siret", "siret etablissement"),
    SIREN("siren", "n siren", "no siren", "numero siren"),
    NAF("code naf", "naf", "code ape", "ape", "naf ape", "code naf ape", "activite naf"),
    ADDRESS("adresse", "adresse postale", "voie", "rue"),
    POSTCODE("code postal", "cp"),
    COMMUNE("commune", "ville", "localite"),
    COMMUNE_CODE("code insee", "code commune", "insee", "code insee commune", "cog"),
    NOTES("notes", "note", "commentaire", "commentaires", "observations", "remarques"),
    // a contact of an organisation
    CIVILITY("civilite", "titre de civilite", "madame monsieur", "mme m"),
    FIRST_NAME("prenom", "prenom du contact"),
    LAST_NAME("nom", "nom de famille", "nom du contact", "nom du referent", "nom d usage"),
    JOB_TITLE("fonction", "poste", "fonction du contact", "intitule du poste"),
    EMAIL("email", "e mail", "courriel", "mail", "adresse mail", "adresse e mail", "adresse electronique", "mel"),
    PHONE("telephone", "tel", "n telephone", "no telephone", "portable", "mobile", "numero de telephone"),
    MAY_SIGN("signataire", "peut signer", "habilite a signer"),
    // a convention
    REFERENCE("reference", "ref", "reference de la convention", "numero de convention", "n convention",
            "no convention", "reference convention"),
    TITLE("intitule", "intitule de la convention", "objet", "objet de la convention"),
    SIGNATURE_DATE("date de signature", "signee le", "date signature", "signature", "date de la signature"),
    START_DATE("debut", "date de debut", "date d effet", "debut de la convention", "date debut"),
    END_DATE("fin", "date de fin", "echeance", "fin de la convention", "date fin"),
    STATUS("statut", "etat", "statut de la convention"),
    FRAMEWORK("cadre", "dispositif", "cadre de la convention"),
    QPV("qpv", "quartier", "quartiers", "code qpv", "codes qpv", "quartier prioritaire", "quartiers prioritaires",
            "quartiers cibles", "qpv cibles"),
    EPCI("epci", "siren epci", "intercommunalite", "siren de l epci"),
    DEPARTMENT("departement", "code departement", "dep", "dept"),
    COMPANY_SIGNATORY("signataire entreprise", "signataire de l entreprise", "signataire pour l entreprise",
            "representant de l entreprise", "nom du signataire"),
    COMPANY_SIGNATORY_TITLE("fonction du signataire", "qualite du signataire", "fonction signataire"),
    PREFECT_SIGNATORY("signataire etat", "signataire pour l etat", "signataire prefecture", "prefet"),
    // an engagement and its figures
    ACTION("action", "type d action", "engagement", "type d engagement", "action engagee", "nature de l engagement"),
    DESCRIPTION("description", "libelle", "detail", "description de l engagement", "precisions"),
    YEAR("annee", "exercice", "millesime", "an"),
    INDICATOR("indicateur", "mesure", "unite de mesure"),
    TARGET("objectif", "cible", "valeur cible", "prevu", "objectif chiffre", "engagement chiffre"),
    REALISED("realise", "valeur realisee", "resultat", "bilan", "realisation", "realise au bilan");

    /** Headers too common to be recognised inside a longer one (« Nom du contact » is not the legal name). */
    private static final Set<String> WHOLE_ONLY = Set.of("nom", "type", "cp", "rue", "note", "nature", "voie",
            "structure", "entreprise", "societe", "organisation", "ville", "fonction", "poste", "mail", "mel", "tel",
            "mobile", "portable", "signataire", "ref", "objet", "signature", "debut", "fin", "etat", "cadre",
            "quartier", "dep", "dept", "prefet", "prenom", "action", "engagement", "detail", "an", "mesure", "cible",
            "prevu", "bilan", "resultat", "libelle");

    private final List<String> headers;

    ImportField(String... headers) {
        this.headers = List.of(headers);
    }

    /** The usual headers, in the form they are compared in. */
    public List<String> headers() {
        return headers;
    }

    /** How a header is compared: lower case, no accent, words separated by one space. */
    public static String key(String header) {
        return Text.searchKey(header);
    }

    /** Whether {@code header} is one of this field's usual headers, exactly. */
    public boolean isExactly(String header) {
        return headers.contains(key(header));
    }

    /** Whether {@code header} holds one of this field's distinctive headers as whole words (« N° SIRET de l’établissement »). */
    public boolean contains(String header) {
        String k = " " + key(header) + " ";
        return headers.stream().filter(h -> !WHOLE_ONLY.contains(h)).anyMatch(h -> k.contains(" " + h + " "));
    }
}
