package fr.ancrage.domain;

public record Department(String code, String name, String regionCode) {

    public String label() {
        return code + " – " + name;
    }
}
