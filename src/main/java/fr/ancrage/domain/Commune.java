package fr.ancrage.domain;

public record Commune(String code, String name, String departmentCode, String epciSiren, String postcodes,
                      Integer population) {

    public String label() {
        return name + " (" + code + ")";
    }
}
