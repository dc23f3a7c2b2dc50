package org.vaultline.library.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The filters of {@code QUERY ACTLOG BEGINDATE= BEGINTIME= ENDDATE= ENDTIME= SEARCH= MSGNO=}. The CLI
 * turns TSM's date forms ({@code TODAY-1}, {@code 05/03/2026}) into instants; TSM's default window is
 * the last hour ({@link #lastHour(Instant)}).
 *
 * @param begin earliest time, inclusive
 * @param end latest time, inclusive
 * @param search text the message (ID and text) must contain, case-insensitively; {@code *} and
 *     {@code ?} are wildcards
 * @param messageNumber MSGNO: the number of the message ID ({@code 110} for {@code VLN0110I})
 * @param limit most rows returned (the oldest first)
 */
public record ActlogQuery(Optional<Instant> begin, Optional<Instant> end, Optional<String> search,
    Optional<Integer> messageNumber, int limit) {
  public ActlogQuery {
    Objects.requireNonNull(begin, "begin");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(search, "search");
    Objects.requireNonNull(messageNumber, "messageNumber");
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive: " + limit);
    }
  }

  /** No filter at all. */
  public static ActlogQuery all() {
    return new ActlogQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Integer.MAX_VALUE);
  }

  /** TSM's default: the hour up to {@code now}. */
  public static ActlogQuery lastHour(Instant now) {
    return all().from(now.minusSeconds(3600)).to(now);
  }

  public ActlogQuery from(Instant begin) {
    return new ActlogQuery(Optional.of(begin), end, search, messageNumber, limit);
  }

  public ActlogQuery to(Instant end) {
    return new ActlogQuery(begin, Optional.of(end), search, messageNumber, limit);
  }

  public ActlogQuery searching(String search) {
    return new ActlogQuery(begin, end, Optional.of(search), messageNumber, limit);
  }

  public ActlogQuery messageNumber(int messageNumber) {
    return new ActlogQuery(begin, end, search, Optional.of(messageNumber), limit);
  }

  public ActlogQuery limit(int limit) {
    return new ActlogQuery(begin, end, search, messageNumber, limit);
  }
}
