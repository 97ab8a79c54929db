package fr.ancrage.domain;

/** Where a realised value comes from: the company's report, a partner, or the delegate's visit. */
public enum ResultSource {
    COMPANY_REPORT, PARTNER, DELEGATE_VISIT
}
