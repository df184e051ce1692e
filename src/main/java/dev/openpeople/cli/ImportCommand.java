// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.cli;

import dev.openpeople.server.Emails;
import dev.openpeople.transfer.Format;
import dev.openpeople.transfer.Importer;
import dev.openpeople.transfer.Report;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code openpeople import --user EMAIL FILE...}: vCard, Google CSV or People API JSON files into a
 * user's contacts, with a progress bar on a terminal and a summary of what was skipped and why.
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description =
        "Import vCard (3.0/4.0), Google Contacts CSV or People API JSON files into a user's"
            + " contacts.")
public final class ImportCommand implements Callable<Integer> {
  @Option(names = "--user", required = true, description = "The user's e-mail address.")
  String user = "";

  @Option(
      names = "--format",
      description = "vcard, csv or json (default: from the file name, else from its content).")
  @Nullable String format;

  @Option(
      names = "--progress",
      negatable = true,
      description = "Show a progress bar (default: when standard error is a terminal).")
  @Nullable Boolean progress;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to import; - is stdin.")
  List<Path> files = new ArrayList<>();

  @Mixin LocalStore.Options store = new LocalStore.Options();

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!Emails.isValid(user)) {
      err.println("Not an e-mail address: " + user);
      return 2;
    }
    Format forced = null;
    if (format != null) {
      forced = Format.named(format).orElse(null);
      if (forced == null) {
        err.println("--format must be vcard, csv or json, not " + format);
        return 2;
      }
    }
    Report report = new Report();
    try (LocalStore local = LocalStore.open(store)) {
      Importer importer = local.importer();
      for (Path file : files) {
        boolean stdin = file.toString().equals("-");
        Format chosen = forced != null ? forced : Format.ofFileName(file.toString()).orElse(null);
        long size = stdin ? -1 : Files.size(file);
        try (InputStream in = stdin ? System.in : Files.newInputStream(file);
            ProgressBar bar = bar(file, size)) {
          importer.run(
              Emails.normalize(user),
              in,
              chosen,
              bar == null ? Importer.Progress.NONE : bar::stepTo,
              report);
        }
      }
    } catch (StorageLock.HeldException e) {
      err.println(e.getMessage());
      return 1;
    }
    out.println(report.summary());
    for (Report.Skipped skipped : report.skipped()) {
      out.println("  skipped " + skipped.where() + ": " + skipped.reason());
    }
    if (report.skippedCount() > report.skipped().size()) {
      out.println("  ... and " + (report.skippedCount() - report.skipped().size()) + " more");
    }
    out.flush();
    return report.skippedCount() == 0 ? 0 : 3;
  }

  /** True when the console is a terminal (JDK 22+ says so itself; JDK 21 has none otherwise). */
  @SuppressWarnings("SystemConsoleNull") // checked with isTerminal where the JDK has it
  private static boolean terminal() {
    java.io.Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }

  private @Nullable ProgressBar bar(Path file, long size) {
    boolean show = progress != null ? progress : terminal();
    if (!show) {
      return null;
    }
    return new ProgressBarBuilder()
        .setTaskName(file.getFileName() == null ? "import" : file.getFileName().toString())
        .setInitialMax(Math.max(size, 0))
        .setUnit(" KiB", 1024)
        .setStyle(ProgressBarStyle.ASCII)
        .showSpeed()
        .build();
  }
}
