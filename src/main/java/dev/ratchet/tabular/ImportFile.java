package dev.ratchet.tabular;

/**
 * The file an API import reads: either the request's body as it is ({@code text/csv}, or an XLSX) or the part named
 * {@code file} of a {@code multipart/form-data} request, whichever the client sends (generated clients of some
 * languages can only send files as multipart). Resolved by {@code web.ImportFiles}, which also documents both forms
 * in the OpenAPI document and refuses more than {@link Spreadsheet#MAX_FILE_BYTES} with 413, however it is sent.
 */
public record ImportFile(String name, byte[] content) {

    public ImportFile {
        content = content == null ? new byte[0] : content;
    }
}
