package org.onedoor.imports.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.imports.Multipart;
import org.onedoor.support.TestAccounts;
import org.onedoor.support.WebSession;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Walks the import pages as a signed-in staff member: upload form, mapping step, progress fragment and report. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ImportPagesTest {

    @LocalServerPort
    int port;

    private WebSession browser;

    @BeforeEach
    void signIn() {
        browser = WebSession.signIn(port, TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD);
    }

    @Test
    void uploadFormHasLabelledInputs() {
        HttpResponse<String> page = get("/imports/new");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>Upload a CSV file</h1>");
        for (String id : new String[] {"file", "sourceName", "dateFormat", "encoding", "country", "mappingName"}) {
            assertThat(page.body()).as(id).contains("for=\"" + id + "\"").contains("id=\"" + id + "\"");
        }
        assertThat(page.body()).contains("M/D/YY, month first, two-digit year: 00–49 are 2000–2049");
    }

    @Test
    void mappingPageShowsSuggestionPerHeader() {
        String mappingPage = uploadDraft("imports/unmapped-header.csv");

        HttpResponse<String> page = get(mappingPage);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>Map the columns</h1>");
        assertThat(page.body()).contains("<label class=\"usa-label margin-top-0\" for=\"column-0\">Field for Business Name</label>");
        assertThat(page.body()).contains("<option value=\"legal-name\" selected=\"selected\">");
        assertThat(page.body()).contains("Header &#39;Favourite Colour&#39; maps to no field");
        assertThat(page.body()).contains("<option value=\"ignore\">Do not import</option>");
    }

    @Test
    void incompleteMappingShownAgainWithError() {
        String mappingPage = uploadDraft("imports/unmapped-header.csv");
        String token = csrf(get(mappingPage).body());

        HttpResponse<String> page = postForm(mappingPage, Map.of("column-0", "legal-name", "column-1", "",
                "column-2", "postal-code", "_csrf", token));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("The import cannot start yet");
        assertThat(page.body()).contains("usa-form-group--error");
        assertThat(page.body()).contains("aria-describedby=\"column-1-error\"");
    }

    @Test
    void confirmedMappingQueuesImportAndShowsProgress() {
        String mappingPage = uploadDraft("imports/unmapped-header.csv");
        String token = csrf(get(mappingPage).body());
        String mappingName = "pages-" + UUID.randomUUID();

        HttpResponse<String> queued = postForm(mappingPage, Map.of("column-0", "legal-name", "column-1", "ignore",
                "column-2", "postal-code", "saveAs", mappingName, "_csrf", token));

        assertThat(queued.statusCode()).isEqualTo(302);
        String jobPage = URI.create(queued.headers().firstValue("Location").orElseThrow()).getPath();
        HttpResponse<String> page = get(jobPage);
        assertThat(page.body()).contains("Started import").contains(": 1 row to read.").contains("saved as &#39;" + mappingName + "&#39;");
        HttpResponse<String> fragment = get(jobPage + "/progress");
        assertThat(fragment.statusCode()).isEqualTo(200);
        assertThat(fragment.body()).contains("<progress id=\"import-progress-bar\"");
        assertThat(fragment.body()).contains("<label class=\"usa-label margin-top-0\" for=\"import-progress-bar\">Rows read</label>");
        assertThat(get("/imports/new").body()).contains("<option value=\"" + mappingName + "\"");
    }

    @Test
    void draftUploadCanBeDiscardedOnce() {
        String mappingPage = uploadDraft("imports/unmapped-header.csv");
        String jobPage = mappingPage.substring(0, mappingPage.lastIndexOf("/mapping"));
        String token = csrf(get(mappingPage).body());

        HttpResponse<String> discarded = postForm(jobPage + "/discard", Map.of("_csrf", token));
        HttpResponse<String> again = postForm(jobPage + "/discard", Map.of("_csrf", token));

        assertThat(discarded.statusCode()).isEqualTo(302);
        assertThat(get("/imports").body()).contains("Discarded the upload of");
        assertThat(get(jobPage).statusCode()).isEqualTo(404);
        assertThat(again.statusCode()).isEqualTo(404);
    }

    @Test
    void runningImportFragmentPollsEverySecond() {
        String mappingPage = uploadDraft("imports/unmapped-header.csv");
        String jobPage = mappingPage.substring(0, mappingPage.lastIndexOf('/'));

        HttpResponse<String> fragment = get(jobPage + "/progress");

        assertThat(fragment.body()).contains("Waiting for column mapping");
        assertThat(fragment.body()).contains("hx-trigger=\"every 1s\"");
    }

    @Test
    void importListShowsStatusInText() {
        uploadDraft("imports/unmapped-header.csv");

        HttpResponse<String> page = get("/imports?status=DRAFT");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<caption>").contains("Waiting for column mapping");
    }

    @Test
    void uploadWithoutFileShowsError() {
        String token = csrf(get("/imports/new").body());
        Multipart body = new Multipart().field("_csrf", token).field("sourceName", "empty");

        HttpResponse<String> page = send(HttpRequest.newBuilder(uri("/imports"))
                .header("Content-Type", body.contentType()).POST(body.publisher()).build());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("The file was not uploaded").contains("id=\"file-error\"");
    }

    /** Uploads the file through the form and returns the path of the mapping page it leads to. */
    private String uploadDraft(String resource) {
        String token = csrf(get("/imports/new").body());
        Multipart body = new Multipart().field("_csrf", token).field("sourceName", "pages-" + UUID.randomUUID())
                .field("dateFormat", "M/D/YYYY").field("encoding", "detect").field("country", "US").field("mappingName", "")
                .file("file", "upload.csv", bytes(resource));
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/imports"))
                .header("Content-Type", body.contentType()).POST(body.publisher()).build());
        assertThat(response.statusCode()).isEqualTo(302);
        String location = URI.create(response.headers().firstValue("Location").orElseThrow()).getPath();
        assertThat(location).matches("/imports/\\d+/mapping");
        return location;
    }

    private HttpResponse<String> get(String path) {
        return browser.get(path);
    }

    private HttpResponse<String> postForm(String path, Map<String, String> fields) {
        return browser.post(path, fields, null);
    }

    private HttpResponse<String> send(HttpRequest request) {
        return browser.send(request);
    }

    private URI uri(String path) {
        return browser.uri(path);
    }

    private static String csrf(String html) {
        return WebSession.csrfToken(html);
    }

    private static byte[] bytes(String resource) {
        try (InputStream in = ImportPagesTest.class.getResourceAsStream("/" + resource)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
