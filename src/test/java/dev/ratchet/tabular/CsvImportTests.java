package dev.ratchet.tabular;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvImportTests {

    record Row(LocalDate date, BigDecimal value) {
    }

    static final List<CsvImport.Field> FIELDS = List.of(CsvImport.Field.required("Date", "the day"),
            CsvImport.Field.optional("Value", "a number"));

    CsvImport.Result<Row> read(String csv, long maxRows) throws Exception {
        return CsvImport.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), FIELDS, maxRows,
                ZoneId.of("Europe/London"), r -> new Row(r.date("Date"), r.decimal("Value")));
    }

    @Test
    void readsCommonDateFormatsStrictlyAndNumbersWithADecimalComma() throws Exception {
        var result = read("\uFEFFdate,VALUE\n2026-03-31,1.5\n31/03/2026,\"2,5\"\n1 Mar 2026,\n", 10);
        assertThat(result.ok()).isTrue();
        assertThat(result.rows()).extracting(Row::date).containsExactly(LocalDate.of(2026, 3, 31), LocalDate.of(2026, 3, 31), LocalDate.of(2026, 3, 1));
        assertThat(result.rows().get(1).value()).isEqualByComparingTo("2.5");

        var bad = read("Date,Value\n31/02/2026,1\n,2\n", 10);
        assertThat(bad.rows()).isEmpty();
        assertThat(bad.problems()).extracting(CsvImport.Problem::row, CsvImport.Problem::column)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2L, "Date"), org.assertj.core.groups.Tuple.tuple(3L, "Date"));
    }

    @Test
    void aWrongHeaderIsAProblemOfRowOneAndTooManyRowsStopTheImport() throws Exception {
        var wrong = read("Day,Value\n2026-01-01,1\n", 10);
        assertThat(wrong.problems()).extracting(CsvImport.Problem::column).containsExactly("Day", "Date");
        assertThat(wrong.problems()).allMatch(p -> p.row() == 1);

        var tooMany = read("Date\n2026-01-01\n2026-01-02\n2026-01-03\n", 2);
        assertThat(tooMany.ok()).isFalse();
        assertThat(tooMany.problems().get(0).message()).contains("More than 2 rows");
    }

    @Test
    void aCellThatLooksLikeAFormulaIsExportedAsText() {
        assertThat(TableExport.neutralise("=1+1")).isEqualTo("'=1+1");
        assertThat(TableExport.neutralise("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(TableExport.neutralise("-2")).isEqualTo("'-2");
        assertThat(TableExport.neutralise("Plain")).isEqualTo("Plain");
        assertThat(TableExport.neutralise(null)).isNull();
    }
}
