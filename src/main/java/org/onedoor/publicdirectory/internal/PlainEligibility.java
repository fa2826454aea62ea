package org.onedoor.publicdirectory.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.onedoor.eligibility.Eligibility;
import org.onedoor.eligibility.Rule;
import org.onedoor.eligibility.ServiceRules;
import org.springframework.stereotype.Component;

/**
 * Describes in plain words which businesses qualify for each service, for the fragment
 * {@code publicdirectory/_eligibility.html}. The pages put the result in the model as {@code eligibility}.
 */
@Component
public class PlainEligibility {

    static final String NO_DESCRIPTION =
            "The partner has not published who qualifies. Contact the office to ask whether your business does.";

    private final Eligibility eligibility;

    PlainEligibility(Eligibility eligibility) {
        this.eligibility = eligibility;
    }

    /**
     * The businesses that qualify for one service, in plain words.
     *
     * @param sentences the partner's written description, and how the rules combine when there are rules
     * @param rules the labels of the rules OneDoor checks before a referral, such as "Employer is in the area"
     */
    public record Description(List<String> sentences, List<String> rules) {
    }

    /** Returns the description of each service, keyed by service id, in the order of the services given. */
    public Map<Long, Description> describe(Collection<PublicService> services) {
        Map<Long, Description> descriptions = new LinkedHashMap<>();
        for (PublicService service : services) {
            List<String> sentences = new ArrayList<>();
            String written = service.eligibilityDescription();
            if (written != null && !written.isBlank()) {
                sentences.add(written.strip());
            }

            ServiceRules rules = eligibility.rules(service.id());
            List<String> labels = rules.rules().stream().map(Rule::label).toList();
            if (!labels.isEmpty()) {
                sentences.add(rules.summary());
            } else if (sentences.isEmpty()) {
                sentences.add(NO_DESCRIPTION);
            }
            descriptions.put(service.id(), new Description(sentences, labels));
        }
        return descriptions;
    }
}
