package fr.ancrage.domain;

/** Établissement public de coopération intercommunale (CA, CC, CU, métropole). */
public record Epci(String siren, String name, String nature, String departmentCode, Integer population) {
}
