// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.cli;

import dev.openpeople.snapshot.Snapshots;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code openpeople restore FILE}: a snapshot of {@code dump} into an empty store. */
@Command(
    name = "restore",
    mixinStandardHelpOptions = true,
    description = "Restore a snapshot written by dump into an empty store (ids and etags kept).")
public final class RestoreCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE", description = "The snapshot; - is stdin.")
  Path file = Path.of("-");

  @Mixin LocalStore.Options store = new LocalStore.Options();

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    var err = spec.commandLine().getErr();
    boolean stdin = file.toString().equals("-");
    try (LocalStore local = LocalStore.open(store);
        InputStream in = stdin ? System.in : Files.newInputStream(file)) {
      long lines = local.snapshots().restore(in);
      err.println("restored " + lines + " records");
      err.flush();
      return 0;
    } catch (StorageLock.HeldException | Snapshots.InvalidSnapshotException e) {
      err.println("restore refused: " + e.getMessage());
      err.flush();
      return 1;
    }
  }
}
