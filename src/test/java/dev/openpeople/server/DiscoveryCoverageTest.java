// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every discovery method has an Operation, and the router sends its path to that Operation. */
class DiscoveryCoverageTest {
  private final Discovery discovery = Discovery.load();

  @Test
  void operationsAndDiscoveryMethodsAreTheSameSet() {
    Set<String> operations =
        Arrays.stream(Operation.values()).map(Operation::discoveryId).collect(Collectors.toSet());

    assertThat(operations).isEqualTo(discovery.methods().keySet());
  }

  @Test
  void routerMatchesEveryFlatPathToItsOperation() {
    Router router = new Router(discovery);
    for (Operation operation : Operation.values()) {
      Discovery.Method method = discovery.method(operation);
      String path = "/" + method.flatPath().replaceAll("\\{[^}]+\\}", "c123");

      assertThat(router.match(method.httpMethod(), path).operation()).as(path).isEqualTo(operation);
    }
  }
}
