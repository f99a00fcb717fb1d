package dev.ratchet;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;

/** An exported register's rows cut to some columns, as "a | b | c", to compare with what was entered. */
public final class RegisterColumns {

    private RegisterColumns() {
    }

    public static List<String> read(String csv, List<String> columns) throws Exception {
        try (var parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new java.io.StringReader(csv.startsWith("\uFEFF") ? csv.substring(1) : csv))) {
            List<String> rows = new ArrayList<>();
            for (var record : parser) {
                rows.add(String.join(" | ", columns.stream().map(record::get).toList()));
            }
            return rows;
        }
    }
}
