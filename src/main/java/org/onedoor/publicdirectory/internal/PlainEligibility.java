package org.onedoor.publicdirectory.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Describes in plain words which businesses qualify for each service, for the fragment
 * {@code publicdirectory/_eligibility.html}. The pages put the result in the model as {@code eligibility}.
 */
// TODO: list the labels of the service's structured eligibility rules once the eligibility module is merged,
// keeping the written description as a fallback for services without rules.
@Component
public class PlainEligibility {

    static final String NO_DESCRIPTION =
            "The partner has not published who qualifies. Contact the office to ask whether your business does.";

    /** Returns the sentences to show for each service, keyed by service id, in the order of the services given. */
    public Map<Long, List<String>> describe(Collection<PublicService> services) {
        Map<Long, List<String>> sentences = new LinkedHashMap<>();
        for (PublicService service : services) {
            String description = service.eligibilityDescription();
            sentences.put(service.id(), description == null || description.isBlank()
                    ? List.of(NO_DESCRIPTION)
                    : List.of(description.strip()));
        }
        return sentences;
    }
}
