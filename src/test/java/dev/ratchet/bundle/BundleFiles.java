package dev.ratchet.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import dev.ratchet.shared.Sha256;

/** Reading an evidence bundle in tests: its files, and the check that the manifest lists each with its true hash. */
public final class BundleFiles {

    private BundleFiles() {
    }

    public static Map<String, byte[]> read(byte[] zip) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    /** Every file but the manifest is in manifest.txt with its size and SHA-256, and every hash matches. */
    public static void assertManifestMatches(Map<String, byte[]> files) {
        String manifest = new String(files.get("manifest.txt"), StandardCharsets.UTF_8);
        int listed = 0;
        for (String row : manifest.split("\n")) {
            String[] cells = row.split("  ", 3);
            if (cells.length == 3 && cells[0].matches("[0-9a-f]{64}")) {
                assertThat(files).containsKey(cells[2]);
                assertThat(Sha256.hex(files.get(cells[2]))).as(cells[2]).isEqualTo(cells[0]);
                assertThat(files.get(cells[2]).length).isEqualTo(Integer.parseInt(cells[1]));
                listed++;
            }
        }
        assertThat(listed).isEqualTo(files.size() - 1);
    }
}
