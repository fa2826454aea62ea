package org.onedoor.notifications;

import java.util.Objects;

/**
 * The content of a notification or mail.
 *
 * @param subject one line, used as the notification's heading and the mail's subject
 * @param body plain text; may be empty
 * @param link a path inside OneDoor that the notification links to, such as {@code /directory/services/12};
 *             {@code null} when there is nothing to open
 */
public record Notice(String subject, String body, String link) {

    public Notice {
        Objects.requireNonNull(subject, "subject");
        if (subject.isBlank()) {
            throw new IllegalArgumentException("A notice needs a subject");
        }
        subject = subject.strip().replaceAll("\\s+", " ");
        body = body == null ? "" : body.strip();
        if (link != null && !link.startsWith("/")) {
            throw new IllegalArgumentException("Link '" + link + "' is not a path inside OneDoor; start it with /");
        }
    }
}
