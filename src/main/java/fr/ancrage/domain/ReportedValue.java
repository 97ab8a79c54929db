package fr.ancrage.domain;

import java.util.UUID;

/**
 * A convention, action type and summable indicator for which at least one realised value (zero
 * included) was recorded in a year: what tells « nothing reported » (a dash) from « 0 reported » in
 * totals that add realised values up to 0 either way (decision 0015).
 */
public record ReportedValue(UUID conventionId, UUID actionTypeId, UUID indicatorId) {
}
