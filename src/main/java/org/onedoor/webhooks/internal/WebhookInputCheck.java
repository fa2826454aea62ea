package org.onedoor.webhooks.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.onedoor.shared.InvalidInputException;
import org.onedoor.shared.InvalidInputException.FieldProblem;

/** Checks the URL and event types of a webhook and returns them in their stored form. */
final class WebhookInputCheck {

    static final int MAX_URL_LENGTH = 2000;
    private static final String EXAMPLE = "https://cases.example.org/onedoor/events";

    private WebhookInputCheck() {
    }

    record CheckedInput(String url, List<String> eventTypes) {
    }

    /**
     * Returns the stripped URL and the event types without repeats, in the order of {@link WebhookEventType}.
     *
     * @throws InvalidInputException naming each invalid field with its value and the fix
     */
    static CheckedInput check(WebhookInput input) {
        List<FieldProblem> problems = new ArrayList<>();
        String url = input.url() == null ? "" : input.url().strip();
        String urlProblem = urlProblem(url);
        if (urlProblem != null) {
            problems.add(new FieldProblem("url", urlProblem));
        }

        List<String> eventTypes = List.of();
        String eventProblem = eventProblem(input.eventTypes());
        if (eventProblem != null) {
            problems.add(new FieldProblem("eventTypes", eventProblem));
        } else {
            Set<String> chosen = input.eventTypes().stream().map(String::strip).collect(Collectors.toSet());
            eventTypes = Arrays.stream(WebhookEventType.values()).map(WebhookEventType::code)
                    .filter(chosen::contains).toList();
        }

        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new CheckedInput(url, eventTypes);
    }

    private static String urlProblem(String url) {
        if (url.isEmpty()) {
            return "URL is missing. Enter the address at which the partner system receives events, such as "
                    + EXAMPLE + ".";
        }
        if (url.length() > MAX_URL_LENGTH) {
            return "URL is " + url.length() + " characters long. Use at most " + MAX_URL_LENGTH + ".";
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return "URL '" + url + "' is invalid: " + e.getReason() + " at character " + (e.getIndex() + 1)
                    + ". Enter a full address such as " + EXAMPLE + ".";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return "URL '" + url + "' is invalid because it does not start with http:// or https://. Enter a full "
                    + "address such as " + EXAMPLE + ".";
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return "URL '" + url + "' has no valid host name. Enter a full address such as " + EXAMPLE + ".";
        }
        if (uri.getRawUserInfo() != null) {
            return "URL '" + url + "' contains a user name or password. Remove it, because receivers check the "
                    + "OneDoor-Signature header instead and the URL is shown on the webhook pages.";
        }
        if (uri.getRawFragment() != null) {
            return "URL '" + url + "' has a fragment (the part after #), which is never sent to the server. "
                    + "Remove it.";
        }
        return null;
    }

    private static String eventProblem(List<String> eventTypes) {
        String allowed = Arrays.stream(WebhookEventType.values()).map(WebhookEventType::code)
                .collect(Collectors.joining(", "));
        if (eventTypes == null || eventTypes.isEmpty()) {
            return "Event types are missing. Choose at least one of " + allowed + ".";
        }
        Set<String> unknown = new LinkedHashSet<>();
        for (String type : eventTypes) {
            if (type == null || WebhookEventType.fromCode(type.strip()).isEmpty()) {
                unknown.add(String.valueOf(type));
            }
        }
        if (!unknown.isEmpty()) {
            return "Event type '" + String.join("', '", unknown) + "' is unknown. Use one or more of " + allowed + ".";
        }
        return null;
    }
}
