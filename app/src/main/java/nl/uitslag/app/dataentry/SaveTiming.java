package nl.uitslag.app.dataentry;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the time of one typist's save went, phase by phase (issue 10: finding the tail of the save latency under
 * load). A Java Flight Recorder event ({@code nl.uitslag.DataEntrySave}, written only while a recording runs,
 * e.g. {@code -XX:StartFlightRecording}) and a DEBUG line of logger {@code nl.uitslag.app.dataentry.SaveTiming};
 * when neither is on, it only reads the clock a few times per save. Measures, never decides: no code path
 * depends on these figures and no test asserts them.
 */
@Name("nl.uitslag.DataEntrySave")
@Label("Data-entry save")
@Category({"Uitslag", "Data entry"})
@Description("One save of a typist's entry, with the time of each phase")
@StackTrace(false)
final class SaveTiming extends Event {
  private static final Logger LOG = LoggerFactory.getLogger(SaveTiming.class);

  @Label("Endpoint")
  String endpoint;

  @Label("Outcome")
  String outcome;

  @Label("Polling station id")
  long pollingStation;

  @Label("Read") @Description("Reading the session and the entry, decoding its state") @Timespan
  long readNanos;

  @Label("Parse") @Description("Reading the typed fields from the request") @Timespan
  long parseNanos;

  @Label("Compute") @Description("Applying the values, the machine's save with validation, the state's JSON")
  @Timespan
  long computeNanos;

  @Label("Lock wait") @Description("Waiting in order of arrival for the write transaction of the save's batch")
  @Timespan
  long lockWaitNanos;

  @Label("Write") @Description("The batch's compare-and-store statements, before the commit") @Timespan
  long writeNanos;

  @Label("Audit") @Description("The audit events of the batch (part of Write)") @Timespan
  long auditNanos;

  @Label("Commit") @Description("COMMIT of the batch: the WAL append and its fsync (synchronous=FULL)") @Timespan
  long commitNanos;

  @Label("Batch size") @Description("Saves written together in the transaction that held this one")
  int batchSize;

  @Label("Attempts") @Description("Times the save was computed (more than 1: the entry changed meanwhile)")
  int attempts;

  private long mark = System.nanoTime();

  /** Nanoseconds since the previous call (or since creation), for the phase that just ended. */
  long lap() {
    long now = System.nanoTime();
    long took = now - mark;
    mark = now;
    return took;
  }

  /** Restarts the lap clock without counting the time passed. */
  void restartLap() {
    mark = System.nanoTime();
  }

  /** Ends the measurement: records the event and logs it, each only when switched on. */
  void finish(String outcome) {
    this.outcome = outcome;
    end();
    if (shouldCommit()) {
      commit();
    }
    if (LOG.isDebugEnabled()) {
      LOG.debug("save {} station={} outcome={} read={}us parse={}us compute={}us lockWait={}us write={}us"
              + " audit={}us commit={}us batch={} attempts={}",
          endpoint, pollingStation, outcome, readNanos / 1000, parseNanos / 1000, computeNanos / 1000,
          lockWaitNanos / 1000, writeNanos / 1000, auditNanos / 1000, commitNanos / 1000, batchSize, attempts);
    }
  }

  /** A timing started now for a save through the given endpoint ({@code save} or {@code autosave}). */
  static SaveTiming start(String endpoint, long pollingStation) {
    SaveTiming t = new SaveTiming();
    t.endpoint = endpoint;
    t.pollingStation = pollingStation;
    t.begin();
    return t;
  }

  /** A timing nobody reads: for saves not started by a typist's request (tests, other services). */
  static SaveTiming none() {
    return new SaveTiming();
  }
}
