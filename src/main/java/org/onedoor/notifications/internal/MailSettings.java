package org.onedoor.notifications.internal;

import java.time.Duration;
import java.util.Properties;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Settings of outgoing mail. Without an SMTP host, OneDoor sends no mail and keeps it in the outbox.
 *
 * @param smtpHost host name of the SMTP server; blank means no mail is sent
 * @param smtpPort SMTP port, 25 when not set
 * @param username SMTP user name; blank means the server is used without authentication
 * @param from the sender address of every mail
 * @param starttls whether to switch to TLS with STARTTLS when the server offers it
 * @param linkBaseUrl the address at which users open OneDoor, put in front of the links in mail
 * @param sendInterval time between looks at the outbox
 * @param maxAttempts failed attempts after which a mail is marked FAILED and no longer retried
 * @param firstRetryDelay wait after the first failed attempt; each further failure doubles it
 * @param maxRetryDelay longest wait between two attempts
 * @param timeout limit for connecting to the SMTP server and for each read and write
 */
@ConfigurationProperties("onedoor.mail")
public record MailSettings(String smtpHost, Integer smtpPort, String username, String password, String from,
                           Boolean starttls, String linkBaseUrl, Duration sendInterval, Integer maxAttempts,
                           Duration firstRetryDelay, Duration maxRetryDelay, Duration timeout) {

    public MailSettings {
        smtpHost = smtpHost == null ? "" : smtpHost.strip();
        smtpPort = smtpPort == null ? 25 : smtpPort;
        from = from == null || from.isBlank() ? "onedoor@localhost" : from.strip();
        starttls = starttls == null || starttls;
        linkBaseUrl = linkBaseUrl == null || linkBaseUrl.isBlank() ? "http://localhost:8080" : stripSlash(linkBaseUrl);
        sendInterval = sendInterval == null ? Duration.ofSeconds(15) : sendInterval;
        maxAttempts = maxAttempts == null ? 8 : maxAttempts;
        firstRetryDelay = firstRetryDelay == null ? Duration.ofMinutes(1) : firstRetryDelay;
        maxRetryDelay = maxRetryDelay == null ? Duration.ofHours(6) : maxRetryDelay;
        timeout = timeout == null ? Duration.ofSeconds(20) : timeout;
    }

    public boolean smtpConfigured() {
        return !smtpHost.isEmpty();
    }

    /** Returns the wait before the next attempt after {@code failedAttempts} failures: doubling, capped. */
    public Duration retryDelay(int failedAttempts) {
        int doublings = Math.min(Math.max(failedAttempts - 1, 0), 30);
        Duration delay = firstRetryDelay.multipliedBy(1L << doublings);
        return delay.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : delay;
    }

    /** Builds the Spring mail sender for the configured SMTP server. */
    public JavaMailSenderImpl createSender() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(smtpHost);
        sender.setPort(smtpPort);
        sender.setDefaultEncoding("UTF-8");

        Properties properties = sender.getJavaMailProperties();
        String millis = String.valueOf(timeout.toMillis());
        properties.put("mail.smtp.connectiontimeout", millis);
        properties.put("mail.smtp.timeout", millis);
        properties.put("mail.smtp.writetimeout", millis);
        properties.put("mail.smtp.starttls.enable", String.valueOf(starttls));
        if (username != null && !username.isBlank()) {
            sender.setUsername(username.strip());
            sender.setPassword(password);
            properties.put("mail.smtp.auth", "true");
        }
        return sender;
    }

    private static String stripSlash(String url) {
        String stripped = url.strip();
        return stripped.endsWith("/") ? stripped.substring(0, stripped.length() - 1) : stripped;
    }

    @Override
    public String toString() {
        return "MailSettings[smtpHost=" + smtpHost + ", smtpPort=" + smtpPort + ", username=" + username
                + ", from=" + from + "]";
    }
}
