// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.cli;

import dev.openpeople.contact.AppPasswordService;
import dev.openpeople.contact.AppPasswordStore.AppPassword;
import dev.openpeople.contact.Storage;
import dev.openpeople.server.Emails;
import dev.openpeople.store.Storages;
import java.time.InstantSource;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code openpeople app-password create|list|revoke EMAIL}: the CardDAV app passwords that HTTP
 * Basic takes in production mode. The password is shown once, at creation; only its hash is kept.
 */
@Command(
    name = "app-password",
    mixinStandardHelpOptions = true,
    description = "Manage CardDAV app passwords (HTTP Basic in production mode).",
    subcommands = {
      AppPasswordCommand.Create.class,
      AppPasswordCommand.ListPasswords.class,
      AppPasswordCommand.Revoke.class
    })
public final class AppPasswordCommand {
  /** The storage and user every subcommand names. */
  abstract static class Base implements Callable<Integer> {
    @picocli.CommandLine.Mixin StorageOption storage = new StorageOption();

    @Parameters(index = "0", description = "The user's e-mail address.")
    String email = "";

    @Override
    public Integer call() {
      if (!Emails.isValid(email)) {
        System.err.println("Not an e-mail address: " + email);
        return 2;
      }
      try (Storage opened = Storages.open(storage.url)) {
        return run(new AppPasswordService(opened, InstantSource.system()), Emails.normalize(email));
      }
    }

    abstract int run(AppPasswordService service, String user);
  }

  @Command(name = "create", description = "Create an app password and print it once.")
  static final class Create extends Base {
    @Option(names = "--label", defaultValue = "CardDAV", description = "A name for the device.")
    String label = "CardDAV";

    @Override
    int run(AppPasswordService service, String user) {
      AppPasswordService.Created created = service.create(user, label);
      System.out.printf(
          "app password %d for %s (%s): %s%n",
          created.entry().id(), user, label, created.password());
      return 0;
    }
  }

  @Command(name = "list", description = "List a user's app passwords (never the passwords).")
  static final class ListPasswords extends Base {
    @Override
    int run(AppPasswordService service, String user) {
      for (AppPassword entry : service.list(user)) {
        System.out.printf("%d\t%s\t%s%n", entry.id(), entry.label(), entry.created());
      }
      return 0;
    }
  }

  @Command(name = "revoke", description = "Revoke one app password by its number.")
  static final class Revoke extends Base {
    @Parameters(index = "1", description = "The number that create or list printed.")
    long id;

    @Override
    int run(AppPasswordService service, String user) {
      if (!service.revoke(user, id)) {
        System.err.printf("%s has no app password %d%n", user, id);
        return 1;
      }
      System.out.printf("revoked app password %d of %s%n", id, user);
      return 0;
    }
  }
}
