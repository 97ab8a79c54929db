package fr.ancrage.domain;

public record Region(String code, String name) {
}
