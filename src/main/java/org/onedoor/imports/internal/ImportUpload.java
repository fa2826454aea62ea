package org.onedoor.imports.internal;

/**
 * An uploaded file with the choices made for it. Every choice may be {@code null} or blank for its default: the
 * file name as source name, encoding detection, ISO dates, country US, automatic mapping.
 *
 * @param mappingJson header to field code as a JSON object, over the automatic mapping
 * @param mappingName the name of a saved mapping to start from
 */
public record ImportUpload(String fileName, byte[] content, String sourceName, String encoding, String dateFormat,
                           String country, String mappingJson, String mappingName) {
}
