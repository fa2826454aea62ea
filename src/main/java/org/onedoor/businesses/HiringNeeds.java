package org.onedoor.businesses;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The kinds of hiring need a business profile records, as stored codes with the labels pages show. Eligibility
 * rules test them, for example that on-the-job training needs {@code ON_THE_JOB_TRAINEES}.
 */
public final class HiringNeeds {

    /** Hiring need kinds in the order forms list them. */
    public static final Map<String, String> KINDS = kinds();

    private HiringNeeds() {
    }

    private static Map<String, String> kinds() {
        Map<String, String> kinds = new LinkedHashMap<>();
        kinds.put("ENTRY_LEVEL", "Entry-level workers");
        kinds.put("SKILLED_TRADES", "Skilled trades workers");
        kinds.put("TECHNICAL", "Technical workers");
        kinds.put("PROFESSIONAL", "Professional or managerial staff");
        kinds.put("ON_THE_JOB_TRAINEES", "New hires to train on the job");
        kinds.put("APPRENTICES", "Apprentices");
        kinds.put("YOUTH_WORK_EXPERIENCE", "Young people for internships or work experience");
        kinds.put("SEASONAL", "Seasonal workers");
        return java.util.Collections.unmodifiableMap(kinds);
    }
}
