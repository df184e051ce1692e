// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Both dialects' migration folders hold the same versions. */
class MigrationParityTest {
  private static List<String> versions(String dialect) throws IOException {
    try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration", dialect))) {
      return files.map(p -> p.getFileName().toString().replaceAll("__.*", "")).sorted().toList();
    }
  }

  @Test
  void sqliteAndPostgresqlHaveTheSameMigrationVersions() throws IOException {
    assertThat(versions("sqlite")).isNotEmpty().isEqualTo(versions("postgresql"));
  }
}
